"""Shared pieces of the command line: the error type that becomes a plain message and exit code."""

from __future__ import annotations


class CommandError(Exception):
    """A failure the user can act on: printed to stderr in plain words, exit code non-zero."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
