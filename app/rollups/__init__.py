"""Daily roll-ups: counts per site-local day kept beside the raw rows, so a year of daily figures for any
grid subtree is a few hundred index rows instead of a scan of every ticket and alarm.

The tickets' roll-up lives here; the alarms' (`alarms/rollups.py`) sits in the alarms area, which
owns that table. Both are written in the same transaction as the change they count and can be
rebuilt from the raw rows (`main.py rollups rebuild`).
"""
