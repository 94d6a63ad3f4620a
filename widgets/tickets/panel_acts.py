"""Acting on the selected tickets: the action's arguments asked in small dialogs (or a confirmation for 退回,
升级 and 结案), applied on the worker, and what failed reported."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.tickets import TicketConflict, TicketError
from app.tickets.states import Action, Satisfaction
from widgets.bilingual import in_language
from widgets.confirm import ConfirmActDialog
from widgets.plain_text import literal_html
from widgets.tickets.confirm_acts import CONFIRMED_ACTIONS, confirm_ticket_act, confirmed_params
from widgets.tickets.model import ROW_ROLE


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketActs:
    """The `TicketPanel`'s actions on its selected rows (the bulk buttons, the detail pane and the keys)."""

    def selected_rows(self) -> list:
        return [self.model.data(index, ROW_ROLE) for index in self.table.selectionModel().selectedRows()]

    def act_on_selection(self, action: Action) -> ConfirmActDialog | None:
        """Ask for the action's arguments here, apply it to each selected ticket on the worker; 退回,
        升级 and 结案 first say what will happen and wait for the confirmation (returned, open)."""
        rows = self.selected_rows()
        if not rows:
            return None
        if action in CONFIRMED_ACTIONS:
            dialog = confirm_ticket_act(action, rows, self)
            dialog.confirmed.connect(
                lambda reason: self._apply(action, rows, confirmed_params(action, reason))
            )
            return dialog
        params = self.ask(action)
        if params is not None:
            self._apply(action, rows, params)
        return None

    def _apply(self, action: Action, rows: list, params: dict) -> None:
        desk, me = self.desk, self.me.currentData()
        targets = [(row.id, row.version) for row in rows]

        def work() -> tuple[list[str], dict | None]:
            failures: list[str] = []
            fresh = None
            for ticket_id, version in targets:
                try:
                    desk.act(ticket_id, action, expected_version=version, actor_id=me, **params)
                except TicketConflict as conflict:
                    failures.append(str(conflict))
                    fresh = conflict.fresh if len(targets) == 1 else None
                except TicketError as error:
                    failures.append(f"#{ticket_id}: {in_language(str(error))}")
            return failures, fresh

        self.notice.setText(tr("正在办理…"))
        self.jobs.submit("act", work, self._acted, lambda e: self._acted(([str(e)], None)))

    def _acted(self, answer: tuple[list[str], dict | None]) -> None:
        failures, fresh = answer
        self.notice.clear()
        if fresh is not None:
            self.detail.show_ticket(fresh)
        if failures:
            QMessageBox.warning(self, tr("操作未完成"), literal_html("\n".join(failures[:10])))
        self.reload()

    def ask(self, action: Action) -> dict | None:
        """The arguments an action needs, asked in a small dialog; None when the operator cancels."""
        text_prompts = {
            Action.HANDLE: ("result", tr("处置结果：")),
            Action.REJECT: ("reason", tr("核查不通过的原因：")),
            Action.NOTE: ("text", tr("备注：")),
            Action.WAIT: ("reason", tr("等待居民的原因：")),
            Action.DISMISS: ("reason", tr("不予立案理由：")),
        }
        if action in text_prompts:
            key, prompt = text_prompts[action]
            value, ok = QInputDialog.getText(self, tr(action.zh), prompt)
            return {key: value} if ok else None
        if action == Action.FEEDBACK:
            options = [s.value for s in Satisfaction]
            value, ok = QInputDialog.getItem(
                self, tr("回访评价"), tr("居民评价："), [tr(o) for o in options], 0, False
            )
            return {"satisfaction": options[[tr(o) for o in options].index(value)]} if ok else None
        if action == Action.REQUEST_EXTENSION:
            duration, ok = QInputDialog.getText(
                self, tr("申请延期"), tr("延期时长（如 2d、8h）："), text="1d"
            )
            if not ok:
                return None
            reason, ok = QInputDialog.getText(self, tr("申请延期"), tr("延期理由："))
            return {"duration": duration, "reason": reason} if ok else None
        return {}
