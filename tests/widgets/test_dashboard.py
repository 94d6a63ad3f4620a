"""The wall dashboard (信息展示墙): nothing personal on it (every text walked against the demo site's ID
numbers and phones), live from the site's changes and not from polling, and in kiosk mode its pages
rotate, held by the pointer and the pause key."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from sqlalchemy import select

from app.access.kiosk_pin import KioskPin
from app.config import Seat
from app.events import Change, TicketChanged, Topic
from app.models import Person, Resident
from app.privacy.roster_cipher import RosterCipher
from app.store import Database
from app.tickets.models import Ticket
from tests.app.tickets.conftest import IN_G1, build_site, make_desk, open_ticket
from widgets.dashboard.wall import DashboardWall

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

MOBILE = re.compile(r"1[3-9]\d{9}")
ID_NUMBER = re.compile(r"\d{17}[\dXx]")


def _context(qapp, db, tmp_path, page_seconds: int = 20):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    settings = ShellSettings(path=tmp_path / "window.ini", kiosk=True, page_seconds=page_seconds)
    return build_shell_context(db, settings, Seat())  # a kiosk wall: nobody signed in


def _every_text(qtbot, wall: DashboardWall) -> list[str]:
    texts = []
    for index in range(len(wall.pages)):
        wall.show_page(index)
        qtbot.wait(50)
        texts += wall.texts()
    return texts


def test_the_dashboard_shows_no_id_number_or_phone_of_the_demo_site(qtbot, qapp, demo_db, tmp_path):
    from alarms.demo import seed_demo_alarms

    with demo_db.session() as session:
        seed_demo_alarms(session, 7)  # the demo window's alarm history (main.DEMO_EXTRAS)
        session.commit()
    context = _context(qapp, demo_db, tmp_path)
    with demo_db.session() as session:
        cipher = RosterCipher.of_site(session)
        residents = session.scalars(select(Resident)).all()
        ids = {cipher.id_number(r) for r in residents} - {None, ""}
        phones = {r.phone for r in residents} | set(session.scalars(select(Person.phone)))
        phones |= set(session.scalars(select(Ticket.reporter_phone)))
        phones -= {None, ""}
        masked_ids = {r.id_masked for r in residents} - {None, ""}
    assert len(ids) > 1000 and len(phones) > 1000  # the demo's people are really there
    wall = DashboardWall(context)
    qtbot.addWidget(wall)
    wall.resize(1920, 1080)
    wall.show()
    qtbot.waitUntil(lambda: wall.figures is not None and bool(wall.figures.newest_tickets), timeout=15000)
    texts = _every_text(qtbot, wall)
    shown = "\n".join(texts)
    assert wall.figures.open_alarms and "受理" in shown  # it does show the day's work
    assert not MOBILE.search(shown) and not ID_NUMBER.search(shown)
    for text in texts:
        assert not any(number in text for number in ids)
        assert not any(phone in text for phone in phones)
        assert not any(masked in text for masked in masked_ids)  # not even the masked forms
    context.bridge.close()


@pytest.fixture
def ticket_site(qapp, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'site.sqlite'}")
    db.upgrade()
    build_site(db)
    yield db
    db.dispose()


def _today_local() -> str:
    return (datetime.now(UTC) + timedelta(hours=8) - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")


def test_a_published_change_updates_the_wall_and_nothing_polls(qtbot, qapp, ticket_site, tmp_path):
    context = _context(qapp, ticket_site, tmp_path)
    wall = DashboardWall(context)
    qtbot.addWidget(wall)
    wall.show()
    qtbot.waitUntil(lambda: wall.figures is not None)
    assert wall.figures.tickets.received == 0 and wall.reads_started == 1

    # A ticket written without telling the site: the wall does not see it, however long it waits.
    ticket_id = open_ticket(make_desk(ticket_site), where=IN_G1, when=_today_local())
    qtbot.wait(2500)
    assert wall.reads_started == 1 and wall.figures.tickets.received == 0

    # The site says a ticket was opened (as the desk does through the hub): the wall reads once.
    context.hub.publish(Change(Topic.TICKET, (ticket_id,), TicketChanged("opened")))
    qtbot.waitUntil(lambda: wall.figures.tickets.received == 1)
    assert wall.reads_started == 2
    assert wall.figures.tickets.in_progress == 1
    activity = wall.pages[1]
    assert activity.today.numbers["received"].value.text() == "1"
    assert "13912345678" not in "\n".join(wall.texts()) and "刘女士" not in "\n".join(wall.texts())
    assert [line.id for line in wall.figures.newest_tickets] == [ticket_id]
    context.bridge.close()


def test_the_kiosk_view_starts_and_its_pages_rotate(qtbot, qapp, ticket_site, tmp_path, languages):
    from widgets.kiosk import KioskWindow

    context = _context(qapp, ticket_site, tmp_path, page_seconds=3)
    pins = KioskPin(context.db, context.seat)
    pins.ensure_demo_pin()
    window = KioskWindow(context, view="dashboard", pins=pins)
    qtbot.addWidget(window)
    window.show_on_screen(0)
    qtbot.waitExposed(window)
    wall = window.centralWidget()
    assert isinstance(wall, DashboardWall)
    qtbot.waitUntil(lambda: wall.figures is not None)
    wall.leaveEvent(QEvent(QEvent.Type.Leave))  # the offscreen pointer may sit over it
    first = wall.stack.currentIndex()
    qtbot.waitUntil(lambda: wall.stack.currentIndex() != first, timeout=5000)
    assert wall.page_name.text() == wall.pages[wall.stack.currentIndex()].name

    wall.enterEvent(QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))  # the pointer holds it
    assert not wall.rotating
    wall.leaveEvent(QEvent(QEvent.Type.Leave))
    assert wall.rotating
    wall.pointer_rest.setInterval(300)
    wall.pointer_moved()  # moved, then rested on the wall: the page turns again after the hold
    assert not wall.rotating
    qtbot.waitUntil(lambda: wall.rotating, timeout=2000)
    wall.setFocus()
    qtbot.keyClick(wall, Qt.Key.Key_Space)  # the pause key holds it until pressed again
    assert not wall.rotating and wall.paused.text() == "已暂停轮播"
    held = wall.stack.currentIndex()
    qtbot.keyClick(wall, Qt.Key.Key_Right)
    assert wall.stack.currentIndex() == (held + 1) % len(wall.pages)

    languages.switch("en")
    qtbot.waitUntil(lambda: wall.title.text() == "Grid Command Centre · Information Wall")
    assert wall.paused.text() == "Rotation paused"
    assert wall.pages[0].today.numbers["received"].caption.text() == "Received today"
    window.unlocked = True
    window.close()
    context.bridge.close()


def test_the_newest_ticket_stays_on_top_while_the_others_scroll_and_the_newest_alarm_flashes(qtbot, qapp):
    from app.site_clock import SiteClock
    from runtime.read.dashboard import AlarmLine, TicketLine
    from widgets.dashboard.lists import FlashingAlarms, ScrollingTickets

    now = datetime.now(UTC).replace(tzinfo=None)
    lines = [
        TicketLine(n, now - timedelta(minutes=n), "垃圾堆积", "幸福小区", "处置中", n == 3) for n in range(15)
    ]
    tickets = ScrollingTickets(SiteClock(), rows=5)
    qtbot.addWidget(tickets)
    tickets.show_lines(lines)
    assert [line.id for line in tickets.shown()] == [0, 1, 2, 3, 4]
    assert tickets.cells[3][3].text() == "处置中 · 超期"
    for _ in range(13):
        tickets.scroll()
    assert [line.id for line in tickets.shown()] == [0, 14, 1, 2, 3]  # round the rest, the newest stays
    tickets.show_lines(lines[:3])
    tickets.scroll()
    assert [line and line.id for line in tickets.shown()] == [0, 1, 2, None, None]

    alarms = FlashingAlarms(SiteClock(), rows=4)
    qtbot.addWidget(alarms)
    alarms.show_lines(
        [AlarmLine(1, now, "紧急呼叫", "1号楼", 1, False), AlarmLine(2, now, "烟雾报警", "2号楼", 1, True)]
    )
    assert (
        alarms.timer.isActive()
        and alarms.cells[0][1].text() == "P1 紧急呼叫"
        and alarms.cells[1][3].text() == "已确认"
    )
    alarms.flash()
    lit = alarms.frames[0].styleSheet()
    alarms.flash()
    assert "#ff4d4f" in lit and "transparent" in alarms.frames[0].styleSheet()
    alarms.show_lines([])
    assert not alarms.timer.isActive() and not alarms.empty.isHidden()


def test_the_dashboard_is_a_wall_view_of_the_command_line(qapp, ticket_site, tmp_path, capsys):
    from PySide6.QtGui import QImage

    import main

    target = tmp_path / "dashboard.png"
    args = ["gui", "--db", ticket_site.url, "--view", "dashboard"]
    assert main.main([*args, "--screenshot", str(target), "--settle", "1"]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1920, 1080)
    corners = [image.pixelColor(x, y) for x in (5, 1914) for y in (5, 1074)]
    assert all(colour.lightness() < 40 for colour in corners)  # a dark wall
    assert len({image.pixel(x, y) for x in range(0, 1920, 60) for y in range(0, 1080, 60)}) > 8
    assert main.main([*args, "--no-keeper"]) != 0  # not a dock of the main window
    assert "大屏视图" in capsys.readouterr().err
