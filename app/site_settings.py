"""The site's own settings (its name, time zone and interface language), kept in the site's database so
every seat agrees.

Values are JSON text in `site_settings`; each change is audited with the old and new value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.models import SiteSetting
from app.store import Database

SITE_NAME = "site.name"
TIME_ZONE = "site.time_zone"
DEFAULT_TIME_ZONE = "Asia/Shanghai"
LANGUAGE = "site.language"  # the interface language a seat starts in until it chooses its own
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
NAME_MAX = 60


class SettingError(ValueError):
    """A setting the office typed cannot be stored; the message says why in Chinese and English."""


@dataclass(frozen=True)
class SiteProfile:
    name: str = ""
    time_zone: str = DEFAULT_TIME_ZONE
    language: str = DEFAULT_LANGUAGE


def read_setting(session: Session, key: str, default: object = None) -> object:
    row = session.get(SiteSetting, key)
    return default if row is None else json.loads(row.value)


def write_setting(session: Session, seat: Seat, key: str, value: object) -> bool:
    """Store `value` under `key` in the caller's transaction; audited; False when it was already so."""
    row = session.get(SiteSetting, key)
    old = None if row is None else json.loads(row.value)
    if row is not None and old == value:
        return False
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(SiteSetting(key=key, value=text))
    else:
        row.value = text
    audit.record(session, seat, "site_setting", "site_setting", None, key=key, old=old, new=value)
    return True


def checked_profile(name: str, time_zone: str, language: str = DEFAULT_LANGUAGE) -> SiteProfile:
    """The profile as typed, trimmed, or SettingError naming what is wrong."""
    name, time_zone = name.strip(), time_zone.strip()
    if not name:
        raise SettingError("请填写站点名称 the site needs a name")
    if len(name) > NAME_MAX:
        raise SettingError(
            f"站点名称过长 (最多 {NAME_MAX} 字) the site name is longer than {NAME_MAX} characters"
        )
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(f"未知时区 unknown time zone {time_zone!r} (e.g. Asia/Shanghai)") from None
    if language not in LANGUAGES:
        raise SettingError(f"未知语言 unknown language {language!r} (use {' or '.join(LANGUAGES)})")
    return SiteProfile(name, time_zone, language)


def load_profile(db: Database) -> SiteProfile:
    with db.session() as session:
        return SiteProfile(
            str(read_setting(session, SITE_NAME, "")),
            str(read_setting(session, TIME_ZONE, DEFAULT_TIME_ZONE)),
            str(read_setting(session, LANGUAGE, DEFAULT_LANGUAGE)),
        )


def save_profile(
    db: Database, seat: Seat, name: str, time_zone: str, language: str = DEFAULT_LANGUAGE
) -> SiteProfile:
    """Check and store the site's name, time zone and language in one audited transaction; a new time
    zone recounts the daily roll-ups in it (their days are the site's), in the same transaction."""
    from app.rollups.rebuild import rebuild_all  # the roll-ups read the zone from here

    profile = checked_profile(name, time_zone, language)
    with db.session() as session:
        write_setting(session, seat, SITE_NAME, profile.name)
        if write_setting(session, seat, TIME_ZONE, profile.time_zone):
            rebuild_all(session)
        write_setting(session, seat, LANGUAGE, profile.language)
    return profile
