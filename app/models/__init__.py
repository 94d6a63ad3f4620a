"""The foundation tables: the grid tree, people and duties, the resident roster, devices, audit."""

from app.models.accounts import CredentialLockout, UserAccount
from app.models.audit import AuditEntry, AuditHead
from app.models.changes import ChangeLogEntry
from app.models.devices import Camera, PendingSensor, Sensor
from app.models.fund import FundEntry, FundKind
from app.models.grid import Grid, GridLevel
from app.models.keys import SiteKey
from app.models.people import Duty, DutyRole, Person, VolunteerTeam, VolunteerTeamMember
from app.models.residents import (
    Building,
    Household,
    Meeting,
    PairingKind,
    PartyPairing,
    ResidenceType,
    Resident,
    ResidentTag,
    Tag,
    Visit,
)
from app.models.settings import SeatState, SiteSetting
from app.models.votes import Ballot, MeetingAttendance, MeetingResolution, Vote, VoteOption
from app.models.work import VisitFinding, VolunteerActivity, VolunteerHours

__all__ = [
    "AuditEntry",
    "AuditHead",
    "Ballot",
    "Building",
    "ChangeLogEntry",
    "Camera",
    "CredentialLockout",
    "Duty",
    "FundEntry",
    "FundKind",
    "DutyRole",
    "Grid",
    "GridLevel",
    "Household",
    "Meeting",
    "MeetingAttendance",
    "MeetingResolution",
    "PairingKind",
    "PartyPairing",
    "PendingSensor",
    "Person",
    "ResidenceType",
    "Resident",
    "ResidentTag",
    "SeatState",
    "Sensor",
    "SiteKey",
    "SiteSetting",
    "Tag",
    "UserAccount",
    "Visit",
    "VisitFinding",
    "Vote",
    "VoteOption",
    "VolunteerActivity",
    "VolunteerHours",
    "VolunteerTeam",
    "VolunteerTeamMember",
]
