"""What ingest remembers of messages that raise nothing: codes heard but not bound, and the last MQTT
message of each device.

Heard codes are listed for learn mode. Anything on the broker can publish under the base topic, so
the list is capped (HEARD_CAP, the oldest forgotten first) and a code not heard for HEARD_DAYS is
dropped: the table never grows without bound.

A broker hands a retained message out again on every subscription (each restart, each change of
lead); `seen_before` recognises one handled already by the digest of its topic and payload, kept in
the store so it holds across restarts. Live messages are always handled: a second press of an SOS
button sends the same payload and is a second call for help.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from alarms.models import HeardCode, MqttLastMessage
from alarms.sensor_event import SensorEvent

HEARD_CAP = 500
HEARD_DAYS = 7


def seen_before(session: Session, event: SensorEvent) -> bool:
    """True for a retained MQTT message identical to the device's last handled one; otherwise the
    message is remembered as the device's last."""
    if not event.digest:
        return False
    last = session.get(MqttLastMessage, (event.dongle, event.device_code))
    if last is not None and event.retained and last.digest == event.digest:
        return True
    if last is None:
        session.add(
            MqttLastMessage(
                dongle=event.dongle, device=event.device_code, digest=event.digest, received_at=event.at
            )
        )
    else:
        last.digest, last.received_at = event.digest, event.at
    return False


def record_heard(session: Session, event: SensorEvent) -> None:
    heard = session.scalar(
        select(HeardCode).where(
            HeardCode.protocol == event.protocol, HeardCode.device_code == event.device_code
        )
    )
    if heard is not None:
        heard.last_heard_at = event.at
        heard.times += 1
        heard.dongle = event.dongle
        return
    _make_room(session, event)
    session.add(
        HeardCode(
            protocol=event.protocol,
            device_code=event.device_code,
            dongle=event.dongle,
            first_heard_at=event.at,
            last_heard_at=event.at,
            times=1,
        )
    )


def _make_room(session: Session, event: SensorEvent) -> None:
    """Forget codes not heard for HEARD_DAYS, then the oldest until one more fits under HEARD_CAP."""
    session.execute(delete(HeardCode).where(HeardCode.last_heard_at < event.at - timedelta(days=HEARD_DAYS)))
    excess = (session.scalar(select(func.count(HeardCode.id))) or 0) - HEARD_CAP + 1
    if excess > 0:
        oldest = select(HeardCode.id).order_by(HeardCode.last_heard_at, HeardCode.id).limit(excess)
        session.execute(delete(HeardCode).where(HeardCode.id.in_(oldest.scalar_subquery())))
