"""The grid's own work on screen and on paper."""
