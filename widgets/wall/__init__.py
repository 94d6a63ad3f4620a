"""The live camera wall: tiles, layouts, the camera list and the wall windows."""
