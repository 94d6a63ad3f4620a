"""The pairing board and the fund screen on the small site: households needing care first, a household
dropped on a member is paired (and the board follows), ending asks for a reason; a fund entry is asked
first and stored, a bad amount keeps the form open, a reversal asks its reason; a wall seat cannot write."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.config import Seat
from app.models import FundEntry, PartyPairing, Person
from tests.widgets.conftest import ADMIN_SEAT
from widgets.confirm import ConfirmActDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture(autouse=True)
def refusals_fail_the_test(monkeypatch):
    """A refusal's message box would wait for a click that never comes: fail with its text instead."""

    def refused(_parent, _title, text, *_rest):
        raise AssertionError(text)

    monkeypatch.setattr(QMessageBox, "warning", refused)


@pytest.fixture
def context(qapp, writable_site, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    context = build_shell_context(writable_site.db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    yield context
    context.bridge.close()


def _confirm(qtbot, reason: str = "") -> None:
    qtbot.waitUntil(
        lambda: any(isinstance(w, ConfirmActDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ConfirmActDialog) and w.isVisible()
    )
    dialog.reason_edit.setPlainText(reason)
    dialog.accept()


def test_a_household_dropped_on_a_member_is_paired(qtbot, context, writable_site):
    from widgets.grid_work.pairing_board import PairingBoardDialog

    board = PairingBoardDialog(context)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.board is not None, timeout=5000)
    homes = writable_site.households
    assert [h.household_id for h in board.board.households] == [homes["202"], homes["303"], homes["101"]]
    assert board.households.item(0).text().endswith("【残疾人】")  # care first, highlighted
    assert "未联户 2 户" in board.balance.text()
    with writable_site.db.session() as session:
        member = session.scalar(select(Person.id).where(Person.name == "郑秀英"))
    board.members.dropped.emit(member, [homes["303"]])
    qtbot.waitUntil(lambda: "未联户 1 户" in board.balance.text(), timeout=5000)
    assert board.members.item(0).text() == "郑秀英　2 户"
    row = next(
        r
        for r in range(board.households.count())
        if board.households.item(r).data(Qt.ItemDataRole.UserRole) == homes["101"]
    )
    board.households.setCurrentRow(row)
    board.ask_end()
    _confirm(qtbot, "党员迁出")
    qtbot.waitUntil(lambda: "未联户 2 户" in board.balance.text(), timeout=5000)
    with writable_site.db.session() as session:
        ended = session.scalar(select(PartyPairing).where(PartyPairing.household_id == homes["101"]))
        assert (ended.ended_at is not None, ended.end_note) == (True, "党员迁出")
    board.jobs.wait()


def test_a_fund_entry_is_asked_first_and_a_reversal_needs_a_reason(qtbot, context, writable_site):
    from widgets.grid_work.fund_entry_dialog import FundEntryDialog
    from widgets.grid_work.fund_screen import FundDialog

    screen = FundDialog(context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=5000)
    assert screen.grid.currentData() == "G01-02-03" and screen.balance.text() == "余额：0.00 元"
    screen.ask_add()
    form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FundEntryDialog))
    form.amount.setText("12.345")
    form.accept()
    assert form.isVisible() and "两位小数" in form.error.text()  # kept open, nothing lost
    form.amount.setText("200")
    form.party.setText("爱心居民")
    form.at.setDateTime(form.at.dateTime().addSecs(-3600))
    form.accept()
    _confirm(qtbot)
    qtbot.waitUntil(lambda: screen.balance.text() == "余额：200.00 元", timeout=5000)
    screen.table.setCurrentCell(0, 0)
    screen.ask_reverse()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ConfirmActDialog) and w.isVisible()
    )
    dialog.accept()  # no reason: refused in the dialog
    assert dialog.isVisible()
    dialog.reason_edit.setPlainText("录入错误")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.balance.text() == "余额：0.00 元", timeout=5000)
    with writable_site.db.session() as session:
        amounts = list(session.scalars(select(FundEntry.amount_fen).order_by(FundEntry.id)))
    assert amounts == [20000, -20000]
    screen.jobs.wait()


def test_a_wall_seat_sees_the_board_but_cannot_pair(qtbot, qapp, writable_site, tmp_path):
    from app.access import User
    from widgets.grid_work.pairing_board import PairingBoardDialog
    from widgets.shell_context import ShellSettings, build_shell_context

    wall = Seat.signed_in(User(9, "大屏", "wall"), "wall-seat")
    context = build_shell_context(writable_site.db, ShellSettings(path=tmp_path / "w.ini"), wall)
    board = PairingBoardDialog(context)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.board is not None, timeout=5000)
    assert not board.pair_button.isEnabled() and not board.members.acceptDrops()
    board.jobs.wait()
    context.bridge.close()


def test_every_string_of_the_pairing_and_fund_screens_has_english():
    import ast
    import re
    from pathlib import Path

    from widgets.grid_work import fund_screen, pairing_board, pairing_lists
    from widgets.i18n import I18N_DIR, read_ts

    english = read_ts(I18N_DIR / "en" / "pairing.ts")
    folder = Path(pairing_board.__file__).parent
    contexts = {
        "pairing_board.py": "PairingBoard",
        "pairing_lists.py": "PairingBoard",
        "pairing_actions.py": "PairingBoard",
        "fund_screen.py": "FundScreen",
        "fund_entry_dialog.py": "FundScreen",
    }
    wanted = {
        (context, ast.literal_eval(f'"{text}"'))
        for name, context in contexts.items()
        for text in re.findall(r'\btr\("([^"]+)"\)', (folder / name).read_text(encoding="utf-8"))
    }
    wanted |= {
        ("PairingBoard", zh) for zh in [*pairing_lists.CARE_ZH.values(), *pairing_board.KIND_ZH.values()]
    }
    wanted |= {("FundScreen", zh) for zh in [*fund_screen.COLUMNS, *fund_screen.KIND_ZH.values()]}
    missing = sorted(key for key in wanted if key not in english)
    assert not missing, missing
