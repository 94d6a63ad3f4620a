"""The one place that decides whether a seat may see personal data whole.

Every full disclosure (a revealed household card, `export-roster --full`, a full notice list) asks
`require_reveal`, which wants a reason and the seat's permission, and the caller writes the audit
entry with that reason in the same transaction as the read. Masked output needs neither.

`may_reveal` is deliberately the only permission test: a signed-in user's role decides it through the
site's permission table (`app.access`, REVEAL_PERSONAL_DATA). The local system (a maintenance command
run on the machine, no user) may, and the audit log (seat, reason) holds it to account.
"""

from __future__ import annotations

from app.access import Permission, PermissionDenied, can
from app.config import Seat

MIN_REASON_CHARS = 2  # "核查" is a reason; "x" or " " is not


class RevealRefused(Exception):
    """A full disclosure was refused; the message says why in words the operator can act on."""


class RevealNotPermitted(RevealRefused, PermissionDenied):
    """The permission table refused a signed-in user: a RevealRefused to every caller of a reveal, and
    a PermissionDenied naming REVEAL_PERSONAL_DATA like any other refusal of the table."""


def may_reveal(seat: Seat) -> bool:
    """Whether this seat may see ID numbers, phones and health notes whole (with a reason, audited)."""
    if seat.user is not None:
        return can(seat.user, Permission.REVEAL_PERSONAL_DATA)
    return bool(seat.operator.strip())


def require_reveal(seat: Seat, reason: str | None) -> str:
    """The reason, tidied, when `seat` may reveal; otherwise RevealRefused saying what is missing
    (RevealNotPermitted when the permission table refuses the signed-in user)."""
    text = (reason or "").strip()
    if len(text) < MIN_REASON_CHARS:
        raise RevealRefused(
            "查看或导出完整个人信息须说明理由（至少 2 个字），并记入审计日志"
            " (a reason of at least 2 characters is required to see or export personal data in full;"
            " it is recorded in the audit log)"
        )
    if not may_reveal(seat):
        if seat.user is not None:
            raise RevealNotPermitted(seat.user, Permission.REVEAL_PERSONAL_DATA)
        raise RevealRefused(
            f"席位 {seat.label} 无权查看完整个人信息 (seat {seat.label} may not see personal data in full)"
        )
    return text
