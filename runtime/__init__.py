"""The site's running parts, once per site and without Qt: the event hub and its relay between
processes, the scheduler (one leader per site), the sensor station, the AI→alarm and alarm→ticket
policies, and the read models the views ask for. `serve` runs it headless; a GUI seat hosts it
in-process and adapts it to Qt (`widgets/site_runtime.py`).
"""
