"""What can go wrong with a ticket action, said in Chinese first (English after) for the seat that tried."""

from __future__ import annotations

from typing import Any

from app.access import Permission, PermissionDenied, User, require


class TicketError(Exception):
    """A refusal the operator can act on."""


class TicketNotFound(TicketError):
    def __init__(self, ticket_id: int) -> None:
        super().__init__(f"工单 {ticket_id} 不存在 ticket {ticket_id} does not exist")
        self.ticket_id = ticket_id


class TransitionRefused(TicketError):
    """The action is not allowed in the ticket's state, or its arguments are missing or wrong."""


class TicketConflict(TicketError):
    """Another seat changed the ticket first; `fresh` is the ticket as it is now."""

    def __init__(self, ticket_id: int, fresh: dict[str, Any] | None) -> None:
        state = fresh.get("state_zh", "?") if fresh else "?"
        version = fresh.get("version", "?") if fresh else "?"
        super().__init__(
            f"工单 {ticket_id} 已被其他席位更新（当前状态：{state}，版本 {version}），请查看最新状态后再操作。"
            f" Ticket {ticket_id} was changed by another seat; review its current state and try again."
        )
        self.ticket_id = ticket_id
        self.fresh = fresh


class DuplicateReport(TicketError):
    """An open ticket for the same place and category exists: offer a merge instead of a second ticket."""

    def __init__(self, candidates: list[dict[str, Any]]) -> None:
        ids = "、".join(str(c["id"]) for c in candidates)
        super().__init__(
            f"同一地点同类问题已有未办结工单 {ids}，可合并（--merge ID）或确认新建（--force）。"
            f" An open ticket for the same place and category exists: {ids}."
        )
        self.candidates = candidates


class NotPermitted(TransitionRefused):
    """The signed-in user's role (or grid scope) does not allow this (app.access's permission table)."""


def refuse_unless(user: User | None, permission: Permission, grid_id: int | None = None) -> None:
    """NotPermitted unless the permission table lets `user` do `permission` (in `grid_id`)."""
    try:
        require(user, permission, grid_id)
    except PermissionDenied as error:
        raise NotPermitted(str(error)) from None
