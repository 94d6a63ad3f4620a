"""The error raised for a roster file that cannot be read or written as a whole."""

from __future__ import annotations


class RosterFileError(Exception):
    """A file-level problem (unreadable, no header, unsupported type), said with the file name."""
