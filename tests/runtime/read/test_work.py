"""The views' reader of the grid's work: a household's visits with the tickets their findings became,
the households due for a visit, the statistics; every read answers from the store as it is now."""

from __future__ import annotations

from datetime import timedelta

from app.grid_work.visits import FindingDraft, VisitDraft, VisitLog
from app.store.base import utcnow
from runtime.reads import ReadModels
from tests.app.grid_work.conftest import desk_for, work  # noqa: F401 -- the fixture


def test_the_reader_follows_a_recorded_visit(work):  # noqa: F811
    reads = ReadModels(work.context).work
    assert reads.household_visits(work.plain) == []
    assert {o.household_id for o in reads.overdue("G1")} == {work.plain, work.elderly, work.third}
    worker = work.site.people["钱网格员"]
    at = utcnow() - timedelta(hours=1)
    finding = FindingDraft("dispute", "邻里噪音纠纷", "SR01")
    recorded = VisitLog(work.context, desk_for(work)).record(
        VisitDraft(work.plain, worker, at, 2, "", (finding,))
    )
    [row] = reads.household_visits(work.plain)
    assert (row.visitor, row.people_met, row.findings[0].ticket_id) == ("钱网格员", 2, recorded.ticket_ids[0])
    assert work.plain not in {o.household_id for o in reads.overdue("G1")}
    stats = reads.stats("S1", at - timedelta(days=1), at + timedelta(days=1))
    assert (stats.households_visited, stats.findings_ticketed) == (1, 1)
    assert (worker, "钱网格员") in reads.visitors()
    nearest = [name for _id, name in reads.visitors(work.plain)[:4]]
    assert nearest[:2] == [
        "钱网格员",
        "张小区",
    ]  # the compound's grid worker, then its leader; the street's later
