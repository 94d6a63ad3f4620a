"""The demo community's roster leaves through the export and comes back through the import's checks."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.context import SiteContext
from app.models import Resident
from app.roster.exporter import export_roster
from app.roster.importer import import_roster


@pytest.mark.slow
def test_demo_roster_exports_and_every_row_passes_validation(demo_db, tmp_path):
    with demo_db.session() as session:
        residents = session.scalar(select(func.count()).select_from(Resident))
    exported = export_roster(demo_db, tmp_path / "demo.xlsx", full=True)
    assert exported.residents == residents > 4000
    report = import_roster(SiteContext(demo_db), exported.path)
    # every row is a valid person in a known building; the only complaint is that they are all registered
    assert report.rows_read == residents and not report.committed
    reasons = {reason.split(" ")[0] for problem in report.problems for reason in problem.reasons}
    assert reasons == {"身份证号"} and len(report.problems) == residents
    assert all("已在本站点登记" in problem.reasons[0] for problem in report.problems)
