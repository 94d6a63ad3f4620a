"""AI on the camera wall: face and person detection, recognition, masks, tracking, events (no Qt).

Frames come in as plain BGR numpy arrays with a timestamp; results go out as `FrameAnalysis` objects
to listeners (the wall's overlays) and as stored `AiEvent` rows published on the EventHub ("ai_event").
"""
