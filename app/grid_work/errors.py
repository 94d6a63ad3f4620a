"""Refusals of the grid's work services, said in Chinese first and English after."""

from __future__ import annotations


class WorkError(ValueError):
    """A visit, vote or ballot that cannot be stored as given; nothing was written."""
