"""Alarm lifecycle, serial dongle protocols, MQTT handlers, elderly-care rules. No Qt."""
