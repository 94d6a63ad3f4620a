"""The alarm area's views: the always-on-top popup stack, the alarm list, learn mode."""
