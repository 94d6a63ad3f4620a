"""What the shell hands to every panel factory: the site, the Qt bridge, the status board, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from app.access import Permission, can
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
    page_seconds: int = 20  # the wall dashboard turns its page this often (`gui --page-seconds`)

    def store(self) -> QSettings:
        """This seat's file in the site's folder. Nothing here decides what the seat may do: that is the
        signed-in user's role (app.access), kept in the site's database, as are the layout and language
        (the seat's state, `ShellContext.seat_state`)."""
        return QSettings(str(self.path), QSettings.Format.IniFormat)


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

    def may(self, permission: Permission, grid_id: int | None = None) -> bool:
        """Whether the signed-in user may do this: the permission table's answer, for widgets to show,
        hide or disable what they offer. Nobody signed in (a kiosk wall): no."""
        return can(self.site.seat.user, permission, grid_id)


def site_title(site_name: str, app_title: str) -> str:
    """A window's title: the site's name first when it has one, so two sites' windows are told apart."""
    return f"{site_name} · {app_title}" if site_name else app_title


def build_shell_context(
    db: Database, settings: ShellSettings | None = None, seat: Seat | None = None
) -> ShellContext:
    """A ready context for one database and the seat's signed-in user; tests pass
    `ShellSettings(path=tmp_path / "window.ini")` and a user's seat (what a seat remembers is kept in
    the site's database under its name)."""
    site = SiteContext(db, seat=seat or Seat())
    return ShellContext(site=site, bridge=QtBridge(site.hub), settings=settings or ShellSettings())
