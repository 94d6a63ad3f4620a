"""`pairings` and `fund` from the command line, signed in: pair, move, end, balance, the hotline and the
联户党员明信片 PDF; fund entries, a reversal refused the second time, the monthly statement PDF; a grid
worker is refused outside their grid. PDFs are read back with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Duty, Person
from main import main

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) missing")


def _text(path) -> str:
    """The PDF's text without white space: a card's narrow lines wrap where the layout puts them."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())


def _member(work, name: str, phone: str) -> int:
    with work.context.db.session() as session:
        person = Person(name=name, phone=phone, party_member=True)
        session.add(person)
        session.flush()
        return person.id


@needs_pdftotext
def test_pairings_from_the_command_line_and_the_postcards(work, capsys, cli_user, tmp_path):
    url = str(work.context.db.url)
    cli_user(url)
    a, b = _member(work, "党员甲", "13911112222"), _member(work, "党员乙", "13933334444")
    with work.context.db.session() as session:
        session.add(Duty(person_id=a, grid_id=work.site.grids["B1"], role="member"))
    assert main(["pairings", "add", "--db", url, "--person", str(a), "--household", str(work.elderly)]) == 0
    assert main(["pairings", "add", "--db", url, "--person", str(b), "--household", str(work.elderly)]) == 2
    assert "已由 党员甲 联系" in capsys.readouterr().err
    args = ["pairings", "add", "--db", url, "--person", str(b), "--household", str(work.elderly), "--move"]
    assert main(args) == 0
    assert main(["pairings", "add", "--db", url, "--person", str(a), "--household", str(work.plain)]) == 0
    assert main(["pairings", "set-hotline", "--db", url, "0371-12345"]) == 0
    assert main(["pairings", "set-hotline", "--db", url, "call us"]) == 2
    capsys.readouterr()
    assert main(["pairings", "list", "--db", url, "--grid", "G1", "--all", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert sorted((p["person"], p["ended_at"] is None) for p in lines) == [
        ("党员乙", True),
        ("党员甲", False),
        ("党员甲", True),
    ]
    assert main(["pairings", "balance", "--db", url, "--grid", "G1", "--json"]) == 0
    balance = json.loads(capsys.readouterr().out)
    assert (balance["households"], balance["paired"], balance["unpaired"]) == (3, 2, 1)
    pdf = tmp_path / "cards.pdf"
    assert main(["pairings", "postcards", "--db", url, "--grid", "G1", "--pdf", str(pdf)]) == 0
    text = _text(pdf)
    assert "党员乙" in text and "13933334444" in text and "0371-12345" in text
    assert "幸福小区1号楼1单元102室" in text and "陈奶奶" not in text  # the address, never the resident
    assert "建设路街道›幸福社区›幸福小区›幸福小区1号楼" in text
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "pairing.postcards")) == 1


@needs_pdftotext
def test_the_fund_from_the_command_line_and_its_statement(work, capsys, cli_user, tmp_path):
    url = str(work.context.db.url)
    cli_user(url)
    base = ["fund", "add", "--db", url, "--grid", "G1"]
    assert main([*base, "--income", "--category", "捐款", "--amount", "500", "--at", "2026-11-02T10:00",
                 "--party", "爱心企业", "--receipt", "JZ-001"]) == 0  # fmt: skip
    gift = capsys.readouterr().out.strip()
    assert main([*base, "--spending", "--category", "困难居民保洁", "--amount", "120.50",
                 "--at", "2026-11-20T10:00", "--party", "王阿姨"]) == 0  # fmt: skip
    assert main([*base, "--spending", "--category", "慰问", "--amount", "1.005"]) == 2
    assert main([*base, "--spending", "--category", "慰问", "--amount", "9999"]) == 2
    assert "余额不足" in capsys.readouterr().err
    assert main(["fund", "reverse", "--db", url, gift, "--reason", "录错"]) == 2  # would overdraw
    assert (
        main(["fund", "add", "--db", url, "--grid", "C1", "--income", "--category", "捐款", "--amount", "5"])
        == 2
    )
    capsys.readouterr()
    assert main(["fund", "list", "--db", url, "--grid", "G1", "--json"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    assert ledger["balance_fen"] == 37950 and [e["amount_yuan"] for e in ledger["entries"]] == [
        "500.00",
        "-120.50",
    ]
    spent = str(ledger["entries"][1]["entry_id"])
    assert main(["fund", "reverse", "--db", url, spent, "--reason", "重复登记"]) == 0
    assert main(["fund", "reverse", "--db", url, spent, "--reason", "again"]) == 2
    assert "已由" in capsys.readouterr().err
    pdf = tmp_path / "statement.pdf"
    args = [
        "fund",
        "statement",
        "--db",
        url,
        "--grid",
        "G1",
        "--month",
        "2026-11",
        "--pdf",
        str(pdf),
        "--json",
    ]
    assert main(args) == 0
    statement = json.loads(capsys.readouterr().out)
    assert (statement["opening_fen"], statement["income_fen"], statement["spending_fen"]) == (0, 50000, 12050)
    text = _text(pdf)
    assert "幸福小区爱心基金月度收支明细" in text and "2026-11" in text
    assert "500.00" in text and "-120.50" in text and "379.50" in text and "JZ-001" in text


def test_a_grid_worker_keeps_only_their_own_compounds_fund(work, capsys, cli_user):
    url = str(work.context.db.url)
    cli_user(url, "网格员小王", "grid_worker", grid_id=work.site.grids["G2"])
    base = ["fund", "add", "--db", url, "--income", "--category", "捐款", "--amount", "5"]
    assert main([*base, "--grid", "G2"]) == 0
    assert main([*base, "--grid", "G1"]) == 2
    assert "无权" in capsys.readouterr().err
