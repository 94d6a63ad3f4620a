"""`serve` (the site runtime headless) and `events tail` (every change the site publishes, as it happens).

Neither imports Qt: a service host needs no display libraries.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
from pathlib import Path

from app.cli import CommandError
from app.commands.db import open_database
from app.events import Change, EventHub
from app.site_clock import SiteClock, load_clock
from app.store.change_log import ChangeLogRelay
from app.store.leader_lock import lock_path
from app.store.relay import ChangeRelay
from runtime.leadership import CLAIM_EVERY_S, Duties


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="站点服务 run the site's work headless: scheduler, sensors, alarms (no window)"
    )
    serve.add_argument(
        "--log", type=Path, default=None, help="log file (default: logs/serve.log in the data folder)"
    )
    serve.add_argument(
        "--duties",
        choices=[d.value for d in Duties],
        default=Duties.LEAD.value,
        help="lead: run the site's duties when no other process does (default); none: relay and this host's dongles only",
    )
    serve.add_argument(
        "--claim-every", type=float, default=CLAIM_EVERY_S, help="seconds between attempts to take the lead"
    )
    serve.add_argument(
        "--no-clip-capture",
        action="store_true",
        help="do not read the cameras for event clips here (cameras limit their RTSP sessions)",
    )
    serve.set_defaults(handler=_serve)

    events = subparsers.add_parser("events", help="站点变更 the site's changes")
    events_sub = events.add_subparsers(dest="events_command", required=True)
    tail = events_sub.add_parser("tail", help="print every change the site publishes, as it happens")
    tail.add_argument("--json", action="store_true", help="one JSON object per line")
    tail.add_argument("--count", type=int, default=None, help="stop after this many changes")
    tail.set_defaults(handler=_tail)


def _serve(args: argparse.Namespace) -> int:
    from runtime.logs import setup_logging
    from runtime.service import default_log_path, run_service, service_options, stop_on_signals

    setup_logging(args.log or default_log_path(), verbose=args.verbose)
    db = open_database(args.db)
    stop = threading.Event()
    stop_on_signals(stop)
    try:
        run_service(
            db, service_options(args.duties, args.claim_every, clip_capture=not args.no_clip_capture), stop
        )
    finally:
        db.dispose()
    return 0


def _tail(args: argparse.Namespace) -> int:
    db = open_database(args.db, upgrade=False)
    clock = load_clock(db)
    hub = EventHub()
    heard: queue.Queue[Change] = queue.Queue()
    hub.subscribe("*", heard.put)
    relay = _relay(db, hub)
    relay.start()
    if not relay.wait_ready(10):
        relay.stop()
        raise CommandError(f"无法收听站点变更 cannot listen to {db.safe_url}")
    print(f"收听 listening to {db.safe_url} …", file=sys.stderr, flush=True)
    printed = 0
    try:
        while args.count is None or printed < args.count:
            try:
                change = heard.get(timeout=0.5)
            except queue.Empty:
                continue
            print(
                json.dumps(change.as_dict(), ensure_ascii=False) if args.json else describe(change, clock),
                flush=True,
            )
            printed += 1
    finally:
        relay.stop()
        db.dispose()
    return 0


def _relay(db, hub: EventHub) -> ChangeRelay | ChangeLogRelay:
    if not db.is_sqlite:
        return ChangeRelay(db.url, hub)
    if lock_path(db) is None:
        raise CommandError("内存数据库没有可收听的变更 a database in memory has no changes to listen to")
    return ChangeLogRelay(db, hub)


def describe(change: Change, clock: SiteClock) -> str:
    """One line for a person: the site's time, topic, ids, what the payload says, and where it came from."""
    data = change.as_dict()
    fields = " ".join(
        f"{k}={v}"
        for k, v in data.items()
        if k not in ("topic", "ids", "at", "origin") and v not in (None, "")
    )
    ids = ",".join(str(i) for i in change.ids) or "-"
    at = clock.text(change.at)
    return f"{at}  {change.topic.value:<12} {ids:<12} {fields}  ← {change.origin or 'here'}"
