"""The selected ticket: facts, the action buttons its state allows, and the timeline."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.tickets.states import ALLOWED_FROM, Action, State
from widgets.clips.timeline_entries import clip_of_link, clip_rows
from widgets.reflow_grid import ReflowGrid
from widgets.said_again import SaidAgain

# The buttons of the detail pane, in order: the action and the key that triggers it.
BUTTONS: tuple[tuple[Action, str], ...] = (
    (Action.START, "S"),
    (Action.HANDLE, "H"),
    (Action.VERIFY, "V"),
    (Action.REJECT, ""),
    (Action.CLOSE, "C"),
    (Action.FEEDBACK, "F"),
    (Action.RETURN, ""),
    (Action.REQUEST_EXTENSION, ""),
    (Action.ESCALATE, ""),
    (Action.NOTE, "N"),
)

BUTTONS_PER_ROW = 5  # at most: fewer where the pane is narrower (they wrap, the pane never scrolls sideways)
EVENT_COLOURS = {"escalate": "#ff9f43", "breach": "#ff6b6b", "warn": "#f0c419", "feedback": "#4cd08a"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketDetail(QWidget):
    """Shows one ticket (a `describe` dict) and asks for an action through `action_requested`; the
    reporter's phone is masked until `reveal_requested` (the owner asks why and audits it)."""

    action_requested = Signal(str)
    reveal_requested = Signal(int)
    clip_requested = Signal(int, int)  # the ticket, the clip its timeline's ▶ 回放 plays

    def __init__(self, parent: QWidget | None = None, *, may_act: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self.may_act = may_act  # the signed-in user's ACT_ON_TICKETS: without it the buttons stay off
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ticket: dict[str, Any] | None = None
        self.words = SaidAgain(self, tr)
        self.heading = QLabel()
        self.heading.setObjectName("ticketHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a category path is the site's own text
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.buttons: dict[Action, QPushButton] = {}
        self.button_grid = ReflowGrid(BUTTONS_PER_ROW)
        for action, key in BUTTONS:
            button = self.words.button(action.zh, f" ({key})" if key else "")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a.value))
            self.buttons[action] = button
            self.button_grid.add(button)
        self.reveal_button = self.words.button("显示反映人电话")
        self.reveal_button.setObjectName("revealReporterPhone")
        self.words.text(self.reveal_button.setToolTip, "显示反映人电话全文以便回访，此操作记入审计日志")
        self.reveal_button.clicked.connect(lambda: self.reveal_requested.emit(self.ticket["id"]))
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("ticketTimeline")
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._link_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.button_grid)
        layout.addWidget(self.words.label("办理时间线"))
        layout.addWidget(self.timeline, 1)
        self.show_ticket(None)

    def show_ticket(self, ticket: dict[str, Any] | None) -> None:
        self.ticket = ticket
        if ticket is None:
            self.heading.setText(tr("选择一个工单查看详情"))
            self.facts.clear()
            self.timeline.clear()
            for button in self.buttons.values():
                button.setEnabled(False)
            self.reveal_button.hide()
            return
        self.reveal_button.setVisible(bool(ticket["reporter"]["phone"]) and not ticket["revealed"])
        state = State(ticket["state"])
        category = ticket["category"]
        path = "/".join(tr(part) for part in category["path"].split("/"))  # the shipped names, translated
        self.heading.setText(
            tr("#%1  %2（%3）— %4")
            .replace("%1", str(ticket["id"]))
            .replace("%2", path)
            .replace("%3", tr(category["case_type"]))
            .replace("%4", tr(state.zh))
        )
        chain = " › ".join(g["name"] for g in ticket["grid_chain"]) or tr("无网格")
        assignee = ticket["assignee"] or {}
        facts = [
            (tr("反映内容"), ticket["text"]),
            (tr("来源"), tr(ticket["source_zh"])),
            (tr("反映人"), f"{ticket['reporter']['name'] or '—'} {ticket['reporter']['phone'] or ''}"),
            (tr("地点"), f"{ticket['place']['address'] or ''} {chain}"),
            (
                tr("承办"),
                f"{tr(ticket['level_zh']) if ticket['level_zh'] else '—'} {ticket['assigned_grid'] or ''} "
                f"{assignee.get('name', '—')} "
                f"{assignee.get('phone') or ''}",
            ),
            (tr("截止"), (ticket["deadline"] or "—").replace("T", " ")[:16]),
        ]
        if ticket["pending_request"]:
            facts.append(
                (tr("待审批"), tr({"extension": "延期申请", "park": "挂账申请"}[ticket["pending_request"]]))
            )
        if ticket["result"]:
            facts.append((tr("处置结果"), ticket["result"]))
        if ticket["satisfaction"]:
            facts.append((tr("评价"), tr(ticket["satisfaction"])))
        self.facts.setText(
            "<table cellspacing='2'>"
            + "".join(
                f"<tr><td style='color:#8fa3bf;padding-right:8px'>{html.escape(k)}</td>"
                f"<td>{html.escape(str(v))}</td></tr>"
                for k, v in facts
            )
            + "</table>"
        )
        for action, button in self.buttons.items():
            button.setEnabled(self.may_act and state in ALLOWED_FROM[action])
        self.timeline.setHtml(self._timeline_html(ticket["timeline"], ticket.get("clips", [])))

    def _link_clicked(self, url: QUrl) -> None:
        clip_id = clip_of_link(url)
        if clip_id is not None and self.ticket is not None:
            self.clip_requested.emit(self.ticket["id"], clip_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.show_ticket(self.ticket)  # the facts and the timeline in the new language
        super().changeEvent(event)

    @staticmethod
    def _timeline_html(events: list[dict[str, Any]], clips: list[dict[str, Any]]) -> str:
        rows = []
        for e in events:
            colour = EVENT_COLOURS.get(e["action"], "#2f8cff")
            when = (e["at"] or "").replace("T", " ")[:16]
            rows.append(
                f"<tr><td style='color:#8fa3bf;white-space:nowrap;padding-right:8px'>{when}</td>"
                f"<td style='color:{colour};white-space:nowrap;padding-right:8px'>● {html.escape(tr(e['action_zh']))}</td>"
                f"<td>{html.escape(e['note'])}<br><span style='color:#8fa3bf'>{html.escape(tr(e['actor_name']))}"
                f" · {html.escape(e['seat'])}</span></td></tr>",
            )
        # newest first: what happened last matters most (a clip at its event's moment)
        ordered = sorted(
            [(e["at"] or "", row) for e, row in reversed(list(zip(events, rows, strict=True)))]
            + clip_rows(clips),
            key=lambda entry: entry[0],
            reverse=True,
        )
        return "<table cellspacing='4'>" + "".join(row for _at, row in ordered) + "</table>"
