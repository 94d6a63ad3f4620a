"""The household card in the alarm popup: who lives there, who to call, and the grid chain above it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from runtime.read.household import ChainLink, Contact, HouseholdCard, Member
from runtime.types import GridLevel
from widgets.households.tags import tag_text


def _phone(phone: str | None) -> str:
    return f"<b>{escape(phone)}</b>" if phone else "—"


class HouseholdCardView(QFrame):
    """Rich text in one label: it wraps, copies with the mouse and needs no layout per person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._card: HouseholdCard | None = None
        self._place: str = ""
        self.body = QLabel(self)
        self.body.setObjectName("householdCardBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.body)

    def set_card(self, card: HouseholdCard | None, place: str = "") -> None:
        """Show a household (read with `Disclosure.PHONES`: the operator rings them), or for an alarm
        without one, just the place it came from."""
        self._card, self._place = card, place
        self.body.setText(self._render())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.body.setText(self._render())
        super().changeEvent(event)

    def _render(self) -> str:
        card = self._card
        if card is None:
            return f"<p>{escape(self.tr('无住户信息'))} {escape(self._place)}</p>"
        rows = (
            "".join(self._resident_row(m) for m in card.members)
            or f"<tr><td>{escape(self.tr('无登记人员'))}</td></tr>"
        )
        parts = [
            f"<p style='font-size:15px'><b>{escape(card.address)}</b></p>",
            f"<table cellspacing='0' cellpadding='2'>{rows}</table>",
            self._line(
                self.tr("紧急联系人"), [Contact(card.emergency_contact or "—", card.emergency_phone, "")]
            ),
            self._line(self.tr("联户党员"), list(card.pairings)),
            self._line(self.tr("志愿者"), list(card.volunteers)),
            f"<p style='margin-top:6px'><b>{escape(self.tr('网格链'))}</b></p>",
            # the micro-grid first: the operator rings the people nearest the household first
            "".join(self._chain_row(link) for link in reversed(card.chain)),
        ]
        if card.note:
            parts.append(f"<p>{escape(self.tr('备注'))}: {escape(card.note)}</p>")
        return "".join(parts)

    def _resident_row(self, member: Member) -> str:
        age = self.tr("%1岁").replace("%1", str(member.age)) if member.age is not None else ""
        style = " style='color:#b3261e'" if member.is_elderly else ""
        tags = " ".join(f"[{escape(tag_text(t))}]" for t in member.tags)
        health = f"{escape(self.tr('健康'))}: {escape(member.health_note)}" if member.health_note else ""
        cells = [
            f"<b{style}>{escape(member.name)}</b>",
            escape(self.tr(member.sex)) if member.sex else "",
            f"<span{style}>{escape(age)}</span>",
            escape(self.tr(member.relation)) if member.relation else "",
            _phone(member.phone_text) if member.phone_text else "",
        ]
        row = "<tr>" + "".join(f"<td style='padding-right:8px'>{c}</td>" for c in cells) + "</tr>"
        if not (tags or health):
            return row
        # Tags and conditions get a line of their own under the person: squeezed into a cell they
        # would wrap in the middle of a word.
        notes = f"{tags} <span style='color:#b3261e'>{health}</span>".strip()
        return row + f"<tr><td></td><td colspan='{len(cells) - 1}'>{notes}</td></tr>"

    def _line(self, label: str, contacts: list[Contact]) -> str:
        people = self.tr("；").join(f"{escape(c.name)} {_phone(c.phone)}" for c in contacts) or "—"
        return f"<p style='margin:2px 0'><b>{escape(label)}</b>{self.tr('：')}{people}</p>"

    def _chain_row(self, link: ChainLink) -> str:
        level = self.tr(GridLevel(link.level).zh) if link.level in (1, 2, 3, 4) else str(link.level)
        people = (
            self.tr("；").join(
                f"{escape(self.tr(c.role_zh))} {escape(c.name)} {_phone(c.phone)}" for c in link.contacts
            )
            or "—"
        )
        return f"<p style='margin:1px 0 1px 8px'>{escape(level)} · {escape(link.name)}{self.tr('：')}{people}</p>"
