"""A Zigbee2MQTT dongle's login to its broker: a user of its own, so the broker's ACL can keep every
other client from publishing under the Zigbee2MQTT base topic (where a forged `{"action":"sos"}`
would raise a P1). See docs/deploy/mosquitto.conf and docs/deploy/mosquitto.acl.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from alarms.models import Dongle
from app.site_keys import BrokerPasswords


@dataclass(frozen=True)
class BrokerLogin:
    username: str
    password: str | None

    def __repr__(self) -> str:  # never the password in a log line
        return f"BrokerLogin({self.username!r}, password={'set' if self.password else 'none'})"


def broker_login(session: Session, dongle: Dongle) -> BrokerLogin | None:
    """The dongle's login with its password opened, or None when it connects anonymously."""
    if not dongle.mqtt_username:
        return None
    password = None
    if dongle.mqtt_password_sealed is not None:
        password = BrokerPasswords.of_site(session).open(dongle.mqtt_password_sealed, dongle.id)
    return BrokerLogin(dongle.mqtt_username, password)


def set_broker_login(session: Session, dongle: Dongle, username: str | None, password: str | None) -> None:
    """Store the login in the caller's transaction (the dongle must have its id)."""
    dongle.mqtt_username = username or None
    dongle.mqtt_password_sealed = (
        BrokerPasswords.of_site(session).seal(password, dongle.id) if username and password else None
    )
