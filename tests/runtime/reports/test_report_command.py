"""`main.py report` end to end, in real processes on the demo site (tickets and alarms of the last weeks):
the report's figures are `tickets kpi --json`'s for the same period and grid, the PDF's text (pdftotext)
holds them, the workbook holds them as numbers and its text as strings, and neither holds a phone or
an ID number."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[3]
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def run(*args: str, db: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", db],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'demo.sqlite'}"
    run("demo", db=url)
    return url


def month_bounds(today: date) -> tuple[str, str]:
    first = today.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first.isoformat() + "T00:00", following.isoformat() + "T00:00"


def busiest_street(url: str, start: str, end: str) -> str:
    whole = json.loads(run("tickets", "kpi", "--from", start, "--to", end, "--json", db=url))
    return whole["by_grid"][0]["grid"]


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils, .ci/install) is missing"
)
def test_the_monthly_report_holds_the_kpi_figures_and_nothing_personal(demo, tmp_path, cli_user):
    cli_user(demo)  # `tickets kpi` acts as a signed-in user; `report` stays a local maintenance command
    today = (datetime.now(UTC) + timedelta(hours=8)).date()  # the demo site is in Asia/Shanghai
    start, end = month_bounds(today)
    street = busiest_street(demo, start, end)
    kpi = json.loads(run("tickets", "kpi", "--from", start, "--to", end, "--grid", street, "--json", db=demo))
    assert kpi["total"] > 0

    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    out = run(
        "report",
        "--period",
        "month",
        "--at",
        today.isoformat(),
        "--grid",
        street,
        "--pdf",
        str(pdf),
        "--xlsx",
        str(xlsx),
        db=demo,
    )
    assert "wrote" in out

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"{today.year}年{today.month}月" in text
    assert re.search(rf"受理工单 tickets received\s+{kpi['total']}\s", text)
    assert re.search(rf"升级工单 escalated tickets\s+{kpi['escalated']}\s", text)
    for key, label in (
        ("response_rate", "响应率"),
        ("resolution_rate", "解决率"),
        ("on_time_rate", "按时办结率"),
    ):
        if kpi[key] is not None:
            assert re.search(rf"{label} [a-z -]+ rate\s+{kpi[key] * 100:.1f}%", text), label
    for sub in kpi["by_grid"]:
        assert sub["name"] in text  # the ranking names every sub-grid that had tickets
    # digits in a run with Chinese keep their text (with Droid Sans Fallback first they were dropped:
    # "（ 件）"), and Chinese keeps its own (no Kangxi radicals from Noto CJK)
    assert re.search(r"超期工单 Overdue tickets（\d+ 件）", text)
    assert re.search(r"升级工单 Escalated tickets（\d+ 件）", text)
    assert not re.search("[\u2f00-\u2fdf]", text)
    assert not PHONE.search(text) and not ID_NUMBER.search(text)
    # the grid work of the month is `work-stats`'s for the same days and grid (shown when any is recorded)
    last_day = (date.fromisoformat(end[:10]) - timedelta(days=1)).isoformat()
    work = json.loads(
        run("work-stats", "--from", start[:10], "--to", last_day, "--grid", street, "--json", db=demo)
    )
    recorded = any(work[k] for k in ("visits", "meetings", "volunteer_activities", "votes_held", "findings"))
    assert ("网格工作 Grid work" in text) == recorded
    if recorded:
        assert re.search(rf"入户走访 household visits\s+{work['visits']}\s", text)
        assert re.search(rf"召开会议 meetings held\s+{work['meetings']}\s", text)

    book = load_workbook(xlsx)
    cover = book["封面与指标"]
    figures = {row[0]: row[1] for row in cover.iter_rows(min_row=6, values_only=True)}
    assert figures["受理工单 tickets received"] == kpi["total"]
    assert figures["满意率 satisfaction rate"] == kpi["satisfaction_rate"]
    assert figures["升级工单 escalated tickets"] == kpi["escalated"]
    if recorded:
        sheet = {row[0]: row[1] for row in book["网格工作"].iter_rows(min_row=2, values_only=True)}
        assert sheet["入户走访 household visits"] == work["visits"]
        assert sheet["完成表决 votes held"] == work["votes_held"]
    daily = list(book["每日工单"].iter_rows(min_row=2, values_only=True))
    assert sum(row[1] for row in daily) == kpi["total"]  # received per day, from the roll-up
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert not PHONE.search(cell.value) and not ID_NUMBER.search(cell.value), cell.value


def test_a_micro_grid_or_an_unknown_code_is_refused_in_words(demo, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "report",
            "--grid",
            "NOPE",
            "--xlsx",
            str(tmp_path / "x.xlsx"),
            "--db",
            demo,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "网格编码 NOPE 不存在" in done.stderr + done.stdout
    assert not (tmp_path / "x.xlsx").exists()
