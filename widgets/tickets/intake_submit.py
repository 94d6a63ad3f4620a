"""Checking and submitting the intake form: a message next to each wrong field, one submit at a time on the
dock's worker, the merge offer when the desk reports a duplicate, and what the dialog opened."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from app.tickets import DuplicateReport, Intake, TicketError
from app.tickets.states import State
from widgets.tickets.place_picker import PlaceChoice


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


@dataclass(frozen=True)
class Opened:
    """What the dialog did: the ticket id, and whether the report was merged into an existing ticket."""

    ticket_id: int
    merged: bool


class IntakeSubmit:
    """The `TicketIntakeDialog`'s validation, submit, merge and their answers."""

    def _intake(self, place: PlaceChoice, category: str) -> Intake:
        return Intake(
            category=category,
            text=self.text.toPlainText(),
            source=self.source.currentData(),
            lon=place.lon,
            lat=place.lat,
            household_id=place.household_id,
            building_id=place.building_id,
            reporter_name=self.reporter.text(),
            reporter_phone=self.phone.text(),
        )

    def validate(self) -> tuple[Intake, list[Path]] | None:
        """The intake when every field is right; otherwise None and a message next to each wrong field."""
        for key in self.errors:
            if key != "photos":
                self._clear_error(key)
        category = self.categories.code()
        place = self.place.choice()
        ok = True
        if category is None:
            self._show_error("category", tr("请选择问题分类（可在上方搜索）"))
            ok = False
        if not self.text.toPlainText().strip():
            self._show_error("text", tr("请填写反映内容"))
            ok = False
        if self._tidy_phone() is None:
            ok = False
        if not isinstance(place, PlaceChoice):
            self._show_error("place", place)
            ok = False
        if not ok:
            return None
        return self._intake(place, category), list(self._photos)

    def submit(self, *, force: bool = False) -> None:
        """Check the form and open the ticket on the worker; a DuplicateReport brings up the merge offer."""
        if self._submitting or self.result_opened is not None:
            return
        checked = self.validate()
        if checked is None:
            return
        intake, photos = checked
        self._send(intake, photos, force=force, merge_into=None)

    def merge(self) -> None:
        """Join the selected open ticket instead of opening a second one."""
        if self._submitting or self.result_opened is not None:
            return
        item = self.duplicates.currentItem() or self.duplicates.item(0)
        checked = self.validate() if item is not None else None
        if checked is None:
            return
        intake, photos = checked
        self._send(intake, photos, force=False, merge_into=int(item.data(Qt.ItemDataRole.UserRole)))

    def _send(self, intake: Intake, photos: list[Path], *, force: bool, merge_into: int | None) -> None:
        self._set_submitting(True)
        desk = self.desk

        def work() -> Opened:
            attached = replace(intake, photos=[(path.name, path.read_bytes()) for path in photos])
            ticket_id = desk.open(attached, force=force, merge_into=merge_into)
            return Opened(ticket_id, merge_into is not None)

        self.jobs.submit("intake.submit", work, self._opened, self._refused, owner=self)

    def _set_submitting(self, busy: bool) -> None:
        self._submitting = busy
        for button in (self.submit_button, self.merge_button, self.force_button, self.cancel_button):
            button.setEnabled(not busy)
        self.status.setText(tr("正在提交…") if busy else "")

    def reject(self) -> None:  # Qt override: Esc or 取消 cannot abandon a submit already on its way
        if not self._submitting:
            super().reject()

    def _opened(self, opened: Opened) -> None:
        self.result_opened = opened
        self._submitting = False
        self.status.setText(tr("已提交"))
        self.opened.emit(opened)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_submitting(False)
        if isinstance(error, DuplicateReport):
            self._offer_merge(error.candidates)
        elif isinstance(error, OSError):
            self._show_error(
                "photos", tr("照片无法读取：") + f"{getattr(error, 'filename', '')} {error.strerror}"
            )
        elif isinstance(error, TicketError):
            key = "phone" if "电话" in str(error) else "text" if "反映内容" in str(error) else "form"
            self._show_error(key, str(error))
        else:
            self._show_error("form", tr("提交失败：") + str(error))

    def _offer_merge(self, candidates: list[dict]) -> None:
        self.duplicates.clear()
        for candidate in candidates:
            state = tr(State(candidate["state"]).zh)
            text = candidate["text"] if len(candidate["text"]) <= 50 else candidate["text"][:49] + "…"
            item = QListWidgetItem(f"#{candidate['id']}  {state}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, candidate["id"])
            self.duplicates.addItem(item)
        self.duplicates.setCurrentRow(0)
        self.duplicate_box.show()
        self.merge_button.setFocus()
