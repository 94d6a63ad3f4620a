"""Exponential backoff for reconnect attempts: 0.5 s, 1 s, 2 s … capped at 30 s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Backoff:
    first: float = 0.5
    ceiling: float = 30.0
    factor: float = 2.0
    failures: int = 0

    def next_delay(self) -> float:
        """The wait before the next attempt, growing with each failure in a row."""
        delay = min(self.first * self.factor**self.failures, self.ceiling)
        self.failures += 1
        return delay

    def reset(self) -> None:
        self.failures = 0
