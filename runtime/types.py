"""The store's vocabularies that views show (levels, duties, tags, alarm states), for views that may not
import the store's tables: they name them through here."""

from sqlalchemy.exc import SQLAlchemyError as StoreFailure

from alarms.models import ALARM_KIND_ZH, AlarmState, Outcome, Priority
from app.models.devices import SENSOR_KIND_ZH, SENSOR_KINDS, SENSOR_PROTOCOLS
from app.models.grid import GridLevel
from app.models.people import DutyRole
from app.models.residents import TAG_ZH, ResidenceType, Tag

# StoreFailure: what a write raises when the store does not answer (locked, connection lost); a view
# catches it to say so in words and keep what the operator entered.
__all__ = [
    "ALARM_KIND_ZH",
    "SENSOR_KINDS",
    "SENSOR_KIND_ZH",
    "SENSOR_PROTOCOLS",
    "TAG_ZH",
    "AlarmState",
    "DutyRole",
    "GridLevel",
    "Outcome",
    "Priority",
    "ResidenceType",
    "StoreFailure",
    "Tag",
]
