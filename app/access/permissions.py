"""Who may do what: the one permission table of the site. Widgets and commands ask `can`, never a role.

A grid worker's permissions hold inside their own grid subtree only: `can(user, p, grid_id)` checks
that the grid is in the user's scope; without a grid it answers whether the user may do it anywhere.
"""

from __future__ import annotations

from enum import StrEnum

from app.access.user import User


class Role(StrEnum):
    ADMIN = "admin"  # 管理员: accounts, site settings, cameras, backups
    SUPERVISOR = "supervisor"  # 值班长: the duty shift's lead, approves, sees personal data
    OPERATOR = "operator"  # 值班员: takes calls, opens and moves tickets, acknowledges alarms
    GRID_WORKER = "grid_worker"  # 网格长/网格员: their own grid subtree only
    POLICE = "police"  # 民警: sees residents and face matches by name, does not run the desk
    WALL = "wall"  # 值守墙: view only, no personal data

    @property
    def zh(self) -> str:
        return ROLE_NAMES[self][0]

    @property
    def en(self) -> str:
        return ROLE_NAMES[self][1]


ROLE_NAMES = {
    Role.ADMIN: ("管理员", "administrator"),
    Role.SUPERVISOR: ("值班长", "shift supervisor"),
    Role.OPERATOR: ("值班员", "operator"),
    Role.GRID_WORKER: ("网格长/网格员", "grid worker"),
    Role.POLICE: ("民警", "police officer"),
    Role.WALL: ("值守墙", "video wall"),
}


class Permission(StrEnum):
    VIEW_SITE = "view_site"  # the wall, the map, alarm and ticket queues without personal data
    REVEAL_PERSONAL_DATA = "reveal_personal_data"  # unmask ID numbers, phones, health (audited reveal)
    SEE_FACE_NAMES = "see_face_names"  # residents' names on recognised faces
    ACKNOWLEDGE_ALARMS = "acknowledge_alarms"  # acknowledge and handle alarms
    OPEN_TICKETS = "open_tickets"
    ACT_ON_TICKETS = "act_on_tickets"  # the ticket workflow's actions
    RECORD_FOR_OTHERS = "record_for_others"  # record an approval a leader gave by phone (`--as`)
    SWEEP_TICKETS = "sweep_tickets"  # run the escalation sweep by hand
    EDIT_ROSTER = "edit_roster"  # households, residents, care rules
    EXPORT_PERSONAL_DATA = "export_personal_data"  # full-number roster export, bulk reads
    MANAGE_FACES = "manage_faces"  # the face gallery and AI zones
    MANAGE_SITE = "manage_site"  # grids, buildings, people, time limits, site workbook, site settings
    MANAGE_CAMERAS = "manage_cameras"
    MANAGE_USERS = "manage_users"  # add, disable, reset passwords, set roles and grids
    SET_KIOSK_PIN = "set_kiosk_pin"
    BACKUP_RESTORE = "backup_restore"
    VIEW_AUDIT = "view_audit"  # read, check and export the audit log
    KEEP_FUND = "keep_fund"  # 爱心基金: record and reverse a compound's fund entries


_DESK = {
    Permission.VIEW_SITE,
    Permission.ACKNOWLEDGE_ALARMS,
    Permission.OPEN_TICKETS,
    Permission.ACT_ON_TICKETS,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.SUPERVISOR: frozenset(
        _DESK
        | {
            Permission.REVEAL_PERSONAL_DATA,
            Permission.SEE_FACE_NAMES,
            Permission.RECORD_FOR_OTHERS,
            Permission.SWEEP_TICKETS,
            Permission.EDIT_ROSTER,
            Permission.EXPORT_PERSONAL_DATA,
            Permission.MANAGE_FACES,
            Permission.SET_KIOSK_PIN,
            Permission.VIEW_AUDIT,
            Permission.KEEP_FUND,
        }
    ),
    Role.OPERATOR: frozenset(_DESK),
    Role.GRID_WORKER: frozenset(
        _DESK | {Permission.REVEAL_PERSONAL_DATA, Permission.EDIT_ROSTER, Permission.KEEP_FUND}
    ),
    Role.POLICE: frozenset(
        {Permission.VIEW_SITE, Permission.REVEAL_PERSONAL_DATA, Permission.SEE_FACE_NAMES}
    ),
    Role.WALL: frozenset({Permission.VIEW_SITE}),
}

# Roles whose user row must name a grid: their permissions hold in that grid's subtree only.
SCOPED_ROLES = frozenset({Role.GRID_WORKER})


def can(user: User | None, permission: Permission, grid_id: int | None = None) -> bool:
    """Whether `user` may do `permission` (in `grid_id`'s place, when given). Nobody signed in: no."""
    if user is None or permission not in ROLE_PERMISSIONS[Role(user.role)]:
        return False
    if grid_id is None or user.grid_scope is None:
        return True
    return grid_id in user.grid_scope


class PermissionDenied(PermissionError):
    """The signed-in user may not do this; the message names the user and the permission."""

    def __init__(self, user: User | None, permission: Permission) -> None:
        who = user.name if user else "未登录 nobody signed in"
        super().__init__(f"{who} 无权执行此操作 may not do this ({permission.value})")
        self.permission = permission


def require(user: User | None, permission: Permission, grid_id: int | None = None) -> None:
    """`can`, or PermissionDenied: for the core's services to refuse what the seat may not do."""
    if not can(user, permission, grid_id):
        raise PermissionDenied(user, permission)
