"""The grid-work dialogs' pickers (grids, people) filled off the GUI thread, on the dialog's own worker:
until the answer comes the box says 正在读取… and cannot be used; an answer that comes after its dialog
was closed is dropped (the job's owner is the box)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox

from runtime.read.grid_work import GridChoice
from widgets.grid_work.work_ui import grid_choices, grid_picker, tr
from widgets.jobs import Jobs

LOADING = "正在读取…"
Choices = list[tuple[str, Any]]  # (text, data) in the order shown


def fill_later(
    jobs: Jobs,
    box: QComboBox,
    key: str,
    read: Callable[[], Choices],
    *,
    wanted: object = None,
    failed: Callable[[Exception], None] | None = None,
) -> None:
    """`read()` on the worker; its choices go after what the box holds already (全站, 全部…; none at all
    for a box whose every item is read). The choice becomes `wanted` when it is among them, else stays
    on the first; the box's listeners (the dialog's lists) hear of it only when the choice changed."""
    placeholder = box.count() == 0
    if placeholder:
        box.addItem("", None)
    first = box.itemText(0)
    box.setItemText(0, tr(LOADING))
    box.setEnabled(False)
    before = box.currentData()

    def done(choices: Choices) -> None:
        box.blockSignals(True)
        for text, data in choices:
            box.addItem(text, data)
        if placeholder:
            box.removeItem(0)
        else:
            box.setItemText(0, first)
        if wanted is not None and box.findData(wanted) >= 0:
            box.setCurrentIndex(box.findData(wanted))
        box.blockSignals(False)
        box.setEnabled(True)
        if box.currentData() != before:
            box.currentIndexChanged.emit(box.currentIndex())

    def refused(error: Exception) -> None:
        if placeholder:
            box.removeItem(0)
        else:
            box.setItemText(0, first)
        box.setEnabled(True)
        if failed is not None:
            failed(error)

    jobs.submit(key, read, done, refused, owner=box)


def grids_later(
    jobs: Jobs,
    read: Callable[[], list[GridChoice]],
    wanted: str | None = None,
    failed: Callable[[Exception], None] | None = None,
) -> QComboBox:
    """The grid picker (全站 first), its grids read on the worker."""
    box = grid_picker([])
    fill_later(jobs, box, "grid-choices", lambda: grid_choices(read()), wanted=wanted, failed=failed)
    return box


def compounds_later(
    jobs: Jobs,
    box: QComboBox,
    read: Callable[[int], list[GridChoice]],
    wanted: str | None = None,
    failed: Callable[[Exception], None] | None = None,
) -> None:
    """The compounds (level-3 grids) by name, read on the worker into an empty box."""
    choices = lambda: [(g.name, g.code) for g in read(3) if g.level == 3]  # noqa: E731
    fill_later(jobs, box, "grid-choices", choices, wanted=wanted, failed=failed)


def people_later(
    jobs: Jobs,
    box: QComboBox,
    read: Callable[[], list[tuple[int, str]]],
    failed: Callable[[Exception], None] | None = None,
) -> None:
    """The site's people by name, read on the worker after the box's 全部… choice."""
    fill_later(jobs, box, "people-choices", lambda: [(name, pid) for pid, name in read()], failed=failed)
