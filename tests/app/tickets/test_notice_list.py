"""The printed notice list says whose notice it is (the site's name) and when, in the site's time."""

from __future__ import annotations

from app.config import Seat
from app.site_settings import save_profile
from app.tickets.notices import export_notice_list
from tests.app.tickets.conftest import IN_G1, at, open_ticket


def test_the_notice_list_names_the_site_and_dates_in_its_zone(desk, site, db, tmp_path):
    save_profile(db, Seat(), "幸福里社区", "Asia/Shanghai")
    tid = open_ticket(desk, IN_G1, when="2026-11-02T09:00")  # Beijing time
    for action, params in (("start", {}), ("handle", {"result": "已清理"}), ("verify", {}), ("close", {})):
        desk.act(tid, action, at=at("2026-11-02T10:00"), **params)
    page, table = tmp_path / "notices.html", tmp_path / "notices.csv"
    with db.session() as session:
        assert export_notice_list(session, page, mark_delivered=False) == 1
        assert export_notice_list(session, table) == 1
    printed = page.read_text(encoding="utf-8")
    assert f"<h2>幸福里社区 工单 {tid} 办理结果告知单</h2>" in printed
    assert "2026年11月02日 09:00" in printed  # reported at, as the resident knows it
    assert "2026-11-02 10:00" in table.read_text(encoding="utf-8-sig")  # made when it was closed
