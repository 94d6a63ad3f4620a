"""退回, 升级 and 结案 ask first: what will happen to which tickets, and the reason where the record needs
one (the ticket workflow refuses a return or an escalation without it too)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from app.tickets.states import Action
from widgets.confirm import ConfirmActDialog

CONFIRMED_ACTIONS = (Action.RETURN, Action.ESCALATE, Action.CLOSE)
LISTED = 5  # tickets named in the question; the rest are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


def _consequence(action: Action) -> str:
    return {
        Action.RETURN: tr("退回给指挥中心重新派遣（非本网格事项），承办网格不再办理。"),
        Action.ESCALATE: tr("升级到上一级网格，由其网格长承办，按上一级时限重新计时。"),
        Action.CLOSE: tr("结案：生成办理结果告知单，等待回访评价；结案后不能再处置。"),
    }[action]


def _reason_label(action: Action) -> str | None:
    return {
        Action.RETURN: tr("退回理由（必填）："),
        Action.ESCALATE: tr("升级理由（必填）："),
    }.get(action)


def confirm_ticket_act(action: Action, rows: list, parent: QWidget) -> ConfirmActDialog:
    """The open confirmation for `action` on the selected queue rows; the caller acts on `confirmed`."""
    named = "\n".join(f"#{row.id}  {row.text[:40]}" for row in rows[:LISTED])
    if len(rows) > LISTED:
        named += "\n" + tr("……另有 %1 件").replace("%1", str(len(rows) - LISTED))
    count = tr("共 %1 件工单将").replace("%1", str(len(rows)))
    reason_label = _reason_label(action)
    dialog = ConfirmActDialog(
        tr(action.zh),
        f"{named}\n\n{count}{_consequence(action)}",
        tr(action.zh),
        reason_label=reason_label,
        reason_required=reason_label is not None,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def confirmed_params(action: Action, reason: str) -> dict:
    """The workflow's arguments from the confirmation (结案 takes none)."""
    return {"reason": reason} if _reason_label(action) is not None else {}
