"""What the shell hands to every panel factory: the site, the Qt bridge, the status board, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from app.config import Seat, data_dir
from app.context import SiteContext
from app.events import EventHub
from app.seat_state import SeatMemory
from app.store import Database
from runtime.reads import ReadModels
from runtime.site import RuntimeOptions, SiteRuntime
from widgets.bridge import QtBridge
from widgets.seat_settings import SeatSettings
from widgets.status_bar import StatusBoard

SEAT_ROLES_KEY = "seat/roles"


@dataclass
class ShellSettings:
    """How this run of the window was started and where its remembered state (INI file) lives."""

    path: Path = field(default_factory=lambda: data_dir() / "window.ini")
    language: str | None = None  # None: the remembered choice, else zh_CN
    demo: bool = False
    kiosk: bool = False
    screen: int | None = None
    view: str | None = None  # the panel shown first (kiosk) or alone (screenshot)
    kept: bool = False  # started by the window's keeper, which starts it again when asked

    def store(self) -> QSettings:
        """This seat's file in the site's folder: the hashed supervisor PIN and the seat's roles (the
        layout and language are the seat's state in the site's database, `ShellContext.seat_state`)."""
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def seat_roles(self) -> set[str]:
        """The duty roles of whoever sits at this seat, until seats have a login: `seat/roles` in the
        settings file (e.g. `supervisor`, or `member, police`). Unset means an ordinary operator, no
        role: the AI then shows residents' names to nobody at this seat."""
        value = self.store().value(SEAT_ROLES_KEY, "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return {str(item).strip() for item in items if str(item).strip()}


@dataclass
class ShellContext:
    """Everything a panel needs, passed in explicitly (no singletons)."""

    site: SiteContext
    bridge: QtBridge
    settings: ShellSettings
    status: StatusBoard = field(default_factory=StatusBoard)
    runtime: SiteRuntime = field(init=False)  # the site's running parts, hosted by this process
    seat_state: SeatSettings = field(init=False)  # this seat's layout and language, in the site's database

    def __post_init__(self) -> None:
        self.runtime = SiteRuntime(self.site, RuntimeOptions.for_window(self.site))
        self.seat_state = SeatSettings(SeatMemory(self.site.db, self.site.seat.host))

    @property
    def reads(self) -> ReadModels:
        """What the panels ask of the site instead of the store."""
        return self.runtime.reads

    @property
    def db(self) -> Database:
        return self.site.db

    @property
    def hub(self) -> EventHub:
        return self.site.hub

    @property
    def seat(self) -> Seat:
        return self.site.seat


def site_title(site_name: str, app_title: str) -> str:
    """A window's title: the site's name first when it has one, so two sites' windows are told apart."""
    return f"{site_name} · {app_title}" if site_name else app_title


def build_shell_context(
    db: Database, settings: ShellSettings | None = None, seat: Seat | None = None
) -> ShellContext:
    """A ready context for one database; tests pass `ShellSettings(path=tmp_path / "window.ini")` and a
    seat of their own (what a seat remembers is kept in the site's database under its name)."""
    site = SiteContext(db, seat=seat or Seat())
    return ShellContext(site=site, bridge=QtBridge(site.hub), settings=settings or ShellSettings())
