"""The read models of one site, one per area, built on first use and shared by every view of a seat.

Views hold a `ReadModels` (through the shell context) and ask it; they never open a session.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from app.context import SiteContext

if TYPE_CHECKING:
    from runtime.read.ai import AiReads


class ReadModels:
    """Every area's reader for one site; an area's reader is built the first time a view asks for it."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    @cached_property
    def ai(self) -> AiReads:
        """The AI dock: events, their pictures, cameras and zones, the face gallery."""
        # imported here: the AI's modules bring OpenCV and onnxruntime, which a seat loads only once
        # its AI dock opens (the dock itself is built lazily for the same reason)
        from runtime.read.ai import AiReads

        return AiReads(self.site)
