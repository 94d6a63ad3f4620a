"""The wall dashboard (信息展示墙): `gui --kiosk --view dashboard`, a screen read from across the room.

`wall.py` rotates the pages (`pages.py`) on a timer, `tiles.py` draws the big numbers, `lists.py`
the scrolling tickets and the flashing alarms, `live_map.py` the grid map; `style.py` is its own dark
look. Every figure comes from `context.reads.dashboard` (runtime/read/dashboard.py), read again when
the site publishes a change, never on a timer.
"""
