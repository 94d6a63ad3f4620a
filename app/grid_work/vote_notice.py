"""The printable 公示 of a counted vote: what was asked, who could vote, turnout, totals and the result,
as one HTML page for the notice board. No household's choice appears on it."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from app.grid_work.errors import WorkError
from app.grid_work.vote_reads import VoteSummary
from app.grid_work.vote_rules import Threshold
from app.site_clock import MINUTES, SiteClock

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 42em; margin: 3em auto; }}
h1 {{ text-align: center; letter-spacing: .3em; }}
table {{ border-collapse: collapse; width: 100%; margin: 1.5em 0; }}
td, th {{ border: 1px solid #444; padding: .4em .8em; text-align: left; }}
.result {{ font-size: 1.2em; font-weight: bold; }}
.signed {{ text-align: right; margin-top: 3em; }}
@media print {{ body {{ margin: 1.5cm; }} }}
</style></head><body>
<h1>表决结果公示</h1>
<p>{scope}就“{question}”进行了表决，表决时间为 {opens} 至 {closes}。现将结果公示如下：</p>
<table>
<tr><th>应参与表决</th><td>{electorate} {unit}</td></tr>
<tr><th>实际参与</th><td>{ballots} {unit}，参与率 {turnout}%（须达到 {quorum}%）</td></tr>
{rows}
</table>
<p class="result">{verdict}</p>
<p>如有异议，请于公示之日起七日内向社区居委会反映。</p>
<p class="signed">{scope}<br>{today}</p>
</body></html>
"""


def notice_html(summary: VoteSummary, zone: ZoneInfo, today: datetime) -> str:
    """The notice of a closed vote; `today` (naive UTC) is the date it is published."""
    result = summary.result
    if result is None:
        raise WorkError(f"表决 {summary.vote_id} 尚未计票，不能公示 the vote is not counted yet")
    rule = Threshold(result["threshold"]).zh
    rows = "\n".join(
        f"<tr><th>{escape(c['text'])}</th><td>{c['count']} 票</td></tr>" for c in result["counts"]
    )
    if result["decided"]:
        winner = next(c for c in result["counts"] if c["position"] == result["winner"])
        verdict = f"表决结果：“{escape(winner['text'])}”获{rule}票数，表决事项按此决定。"
    elif not result["quorum_met"]:
        verdict = "表决结果：参与率未达到要求，本次表决未形成决定。"
    else:
        verdict = f"表决结果：没有选项获得{rule}票数，本次表决未形成决定。"
    return PAGE.format(
        title=escape(f"表决结果公示 {summary.question}"),
        scope=escape(summary.scope),
        question=escape(summary.question),
        opens=_day_time(summary.opens_at, zone),
        closes=_day_time(summary.closes_at, zone),
        unit="人" if summary.members_vote else "户",
        electorate=result["electorate"],
        ballots=result["ballots"],
        turnout=result["turnout_percent"],
        quorum=result["quorum_percent"],
        rows=rows,
        verdict=verdict,
        today=SiteClock(zone.key).text(today, "%Y-%m-%d"),
    )


def _day_time(moment: datetime, zone: ZoneInfo) -> str:
    return SiteClock(zone.key).text(moment, MINUTES)
