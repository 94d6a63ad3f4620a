"""How a vote is decided, with no store: the quorum (a share of the electorate must vote) and the
threshold an option needs among the ballots cast (过半数: more than half; 三分之二以上: at least two
thirds, as the 民法典 art. 278 counts owners' decisions). Integer arithmetic, so 2/3 is exact."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Threshold(StrEnum):
    MAJORITY = "majority"  # 过半数
    TWO_THIRDS = "two_thirds"  # 三分之二以上

    @property
    def zh(self) -> str:
        return {"majority": "过半数", "two_thirds": "三分之二以上"}[self.value]

    def reached(self, count: int, ballots: int) -> bool:
        if ballots == 0:
            return False
        if self is Threshold.MAJORITY:
            return count * 2 > ballots
        return count * 3 >= ballots * 2


@dataclass(frozen=True)
class OptionCount:
    position: int
    text: str
    count: int


@dataclass(frozen=True)
class Tally:
    electorate: int  # households (or members) entitled to vote
    ballots: int
    counts: tuple[OptionCount, ...]  # in ballot order
    quorum_percent: int
    threshold: str  # a Threshold value

    @property
    def turnout_percent(self) -> float:
        return round(100 * self.ballots / self.electorate, 1) if self.electorate else 0.0

    @property
    def quorum_met(self) -> bool:
        return self.electorate > 0 and self.ballots * 100 >= self.quorum_percent * self.electorate

    @property
    def winner(self) -> OptionCount | None:
        """The option that reached the threshold with the quorum met; None: nothing was decided."""
        if not self.quorum_met:
            return None
        rule = Threshold(self.threshold)
        return next((c for c in self.counts if rule.reached(c.count, self.ballots)), None)

    def as_dict(self) -> dict:
        winner = self.winner
        return {
            "electorate": self.electorate,
            "ballots": self.ballots,
            "turnout_percent": self.turnout_percent,
            "quorum_percent": self.quorum_percent,
            "quorum_met": self.quorum_met,
            "threshold": self.threshold,
            "counts": [{"position": c.position, "text": c.text, "count": c.count} for c in self.counts],
            "winner": None if winner is None else winner.position,
            "decided": winner is not None,
        }


def tally(
    electorate: int,
    options: Sequence[tuple[int, str]],
    choices: Iterable[int],
    quorum_percent: int,
    threshold: str,
) -> Tally:
    """Count `choices` (one option position per ballot) against `options` (position, text)."""
    counted = Counter(choices)
    counts = tuple(OptionCount(position, text, counted.get(position, 0)) for position, text in options)
    return Tally(electorate, sum(counted.values()), counts, quorum_percent, threshold)
