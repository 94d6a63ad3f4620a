"""Who is signed in at a seat: a frozen value the seat carries into every service and audit entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    """A signed-in user. `grid_scope` is the set of grid ids of their subtree (the grid and everything
    under it), resolved at sign-in; None means the whole site. Queries scoped to a grid worker filter
    on it, so the scope travels with the user rather than being looked up by every view."""

    id: int
    name: str
    role: str
    grid_id: int | None = None
    grid_scope: frozenset[int] | None = None
    person_id: int | None = None  # the staff member this account belongs to (approvals as a leader)
    person_name: str | None = None  # that staff member's name, read at sign-in

    @property
    def shown_name(self) -> str:
        """The name the screens show: the person's, else (an account linked to nobody) the login."""
        return self.person_name or self.name
