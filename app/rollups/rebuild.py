"""Rebuilding and checking every roll-up at once (`main.py rollups rebuild|check`, the demo builder)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.rollups import alarms, tickets


def rebuild_all(session: Session) -> dict[str, int]:
    """Recount every roll-up from the raw rows in the caller's transaction; rows written per roll-up."""
    return {"tickets": tickets.rebuild(session), "alarms": alarms.rebuild(session)}


def differences(session: Session) -> dict[str, Any]:
    """Where the stored roll-ups differ from a recount (empty when they agree): {key: [stored, recount]}."""
    found: dict[str, Any] = {}
    pairs = {
        "tickets": (tickets.stored(session), _nonzero(tickets.recount(session))),
        "alarms": (alarms.stored(session)[0], _nonzero(alarms.recount(session)[0])),
        "alarm_ack_buckets": (
            alarms.stored(session)[1],
            {k: n for k, n in alarms.recount(session)[1].items() if n},
        ),
    }
    for name, (stored, recounted) in pairs.items():
        keys = sorted(set(stored) | set(recounted), key=str)
        wrong = {
            str(key): [_plain(stored.get(key)), _plain(recounted.get(key))]
            for key in keys
            if not _same(stored.get(key), recounted.get(key))
        }
        if wrong:
            found[name] = wrong
    return found


def _nonzero(totals: dict) -> dict:
    """Counters without their zero entries, keys without any count left out (as `stored` gives them)."""
    trimmed = {key: {name: n for name, n in counter.items() if n} for key, counter in totals.items()}
    return {key: counter for key, counter in trimmed.items() if counter}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) == set(b) and all(abs(a[k] - b[k]) < 1e-3 for k in a)
    return a == b


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value
