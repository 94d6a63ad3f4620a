"""The transitions: each action checks it is legal, changes the ticket and says what happened.

Pure domain logic on a loaded Ticket; the desk wraps it in a unit of work with locking and audit.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.tickets.categories import Category, CategoryBook, Limit
from app.tickets.clock import BREACHED, Clock, Clocks, refresh, start_level
from app.tickets.errors import TransitionRefused
from app.tickets.intake import Actor
from app.tickets.models import Ticket
from app.tickets.routing import GridBook, LeaderBook, approvers, assign
from app.tickets.states import ALLOWED_FROM, CLOCK_RUNNING, LEVEL_ZH, Action, Satisfaction, State


@dataclass
class Step:
    """What one action did, for the timeline and the audit log."""

    action: str
    from_state: str
    to_state: str
    at: datetime
    note: str
    detail: dict[str, Any] = field(default_factory=dict)
    level: int | None = None
    grid_id: int | None = None
    person_id: int | None = None


@dataclass
class Workflow:
    categories: CategoryBook
    clocks: Clocks
    grids: GridBook
    leaders: LeaderBook

    def category(self, ticket: Ticket) -> Category:
        return self.categories[ticket.category_code]

    def clock(self, ticket: Ticket) -> Clock:
        return self.clocks.of(self.category(ticket))

    def apply(
        self, ticket: Ticket, action: Action, at: datetime, actor: Actor, params: dict[str, Any]
    ) -> Step:
        """Run one action; raises TransitionRefused (in Chinese) when it is not allowed."""
        state = State(ticket.state)
        if state not in ALLOWED_FROM[action]:
            allowed = "、".join(s.zh for s in ALLOWED_FROM[action])
            raise TransitionRefused(
                f"工单 {ticket.id} 当前为「{state.zh}」，不能{action.zh}（仅限：{allowed}）。"
                f" Action {action.value!r} is not allowed in state {state.value!r}."
            )
        handler: Callable[..., tuple[str, dict]] = getattr(self, f"_{action.value}")
        accepted = set(inspect.signature(handler).parameters) - {"ticket", "at", "actor"}
        unknown = sorted(set(params) - accepted)
        if unknown:
            raise TransitionRefused(
                f"{action.zh}不接受参数 {', '.join(unknown)}（可用：{', '.join(sorted(accepted)) or '无'}）"
                f" {action.value!r} does not take {unknown}"
            )
        note, detail = handler(ticket, at, actor, **params)
        step = Step(action.value, state.value, ticket.state, at, note, detail)
        self._settle(ticket, state, at)
        step.level, step.grid_id, step.person_id = ticket.level, ticket.assigned_grid_id, ticket.assignee_id
        return step

    # --- the clock around a state change -------------------------------------------------------

    def _settle(self, ticket: Ticket, before: State, at: datetime) -> None:
        after = State(ticket.state)
        clock = self.clock(ticket)
        if before in CLOCK_RUNNING and after not in CLOCK_RUNNING:
            ticket.paused_at = at
        elif before not in CLOCK_RUNNING and after in CLOCK_RUNNING and ticket.paused_at is not None:
            ticket.paused_minutes += clock.between(ticket.paused_at, at)
            ticket.paused_at = None
        if after in CLOCK_RUNNING:
            ticket.paused_at = None
        ticket.updated_at = at
        refresh(ticket, clock, at)

    def _route(self, ticket: Ticket, level: int, at: datetime) -> str:
        """Assign the handler at `level` (or above, with the reason) and start that level's limit."""
        chain = self.grids.chain(ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id)
        target = assign(chain, level, self.leaders)
        ticket.assigned_grid_id, ticket.assignee_id = target.grid_id, target.person_id
        start_level(ticket, self.category(ticket), self.clock(ticket), target.level, at)
        ticket.paused_at = None
        where = (
            self.grids.name(target.grid_id)
            if target.level > 0
            else f"{self.grids.name(target.grid_id)}包联县级领导"
        )
        note = f"{where}（{LEVEL_ZH[target.level]}），承办人{self.leaders.name(target.person_id)}"
        if target.notes:
            note += "；" + "；".join(target.notes)
        return note

    # --- actions ---------------------------------------------------------------------------------

    def _file(self, ticket: Ticket, at: datetime, actor: Actor) -> tuple[str, dict]:
        ticket.state = State.FILED.value
        return "立案", {}

    def _dismiss(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "不予立案须说明理由 a reason is required")
        ticket.state = State.DISMISSED.value
        ticket.closed_at = at
        return f"不予立案：{reason}", {"reason": reason}

    def _dispatch(
        self, ticket: Ticket, at: datetime, actor: Actor, grid: str | None = None, category: str | None = None
    ) -> tuple[str, dict]:
        detail: dict[str, Any] = {}
        if category:
            self.categories[category]  # noqa: B018 -- refuses an unknown code before anything changes
            detail["category"] = {"from": ticket.category_code, "to": category}
            ticket.category_code = category
        if ticket.state == State.RETURNED and not grid:
            raise TransitionRefused(
                "退回的工单须指定新的承办网格（--grid CODE） a returned ticket needs --grid"
            )
        if grid:
            info = self.grids.by_code.get(grid)
            if info is None:
                raise TransitionRefused(f"网格编码 {grid} 不存在 unknown grid code")
            chain = self.grids.chain(info.id)
            if ticket.state == State.RETURNED and info.id == ticket.assigned_grid_id:
                raise TransitionRefused(
                    f"{info.name} 已退回此工单，请派往其他网格 that grid returned the ticket"
                )
            ticket.grid_l1_id = chain[1].id if 1 in chain else None
            ticket.grid_l2_id = chain[2].id if 2 in chain else None
            ticket.grid_l3_id = chain[3].id if 3 in chain else None
            ticket.grid_l4_id = chain[4].id if 4 in chain else None
            detail["grid"] = info.code
        if ticket.grid_l1_id is None:
            raise TransitionRefused(
                "工单没有所属网格，请指定 --grid CODE the ticket has no grid; give --grid"
            )
        level = min(3, max(self.grids.chain(ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id)))
        ticket.state = State.DISPATCHED.value
        ticket.dispatched_at = at
        ticket.acknowledged_at = None
        ticket.overdue_since = None
        return "派遣至" + self._route(ticket, level, at), detail

    def _start(self, ticket: Ticket, at: datetime, actor: Actor) -> tuple[str, dict]:
        ticket.state = State.IN_PROGRESS.value
        if ticket.acknowledged_at is None:
            ticket.acknowledged_at = at
            used = self.clock(ticket).between(ticket.dispatched_at or at, at)
            limit = self.category(ticket).response.minutes(self.clock(ticket).minutes_per_day)
            ticket.responded_on_time = used <= limit
        return "签收，开始处置", {}

    def _wait(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "等待居民须说明原因 a reason is required")
        ticket.state = State.WAITING.value
        return f"等待居民（计时暂停）：{reason}", {"reason": reason}

    def _resume(self, ticket: Ticket, at: datetime, actor: Actor) -> tuple[str, dict]:
        ticket.state = State.IN_PROGRESS.value
        return "恢复处置（计时继续）", {}

    def _handle(
        self, ticket: Ticket, at: datetime, actor: Actor, result: str | None = None, photos: int = 0
    ) -> tuple[str, dict]:
        result = _required(result, "处置完成须填写处置结果 a result is required")
        ticket.state = State.HANDLED.value
        ticket.result = result
        ticket.handled_at = at
        ticket.closed_on_time = ticket.overdue_since is None and (
            ticket.deadline_at is None or at <= ticket.deadline_at
        )
        return f"{LEVEL_ZH.get(ticket.level or 0, '')}处置完成：{result}", {
            "result": result,
            "photos": photos,
        }

    def _verify(
        self, ticket: Ticket, at: datetime, actor: Actor, note: str | None = None
    ) -> tuple[str, dict]:
        ticket.state = State.VERIFIED.value
        return "核查通过" + (f"：{note}" if note else ""), {}

    def _reject(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "核查不通过须说明原因 a reason is required")
        ticket.state = State.IN_PROGRESS.value
        return f"核查不通过，退回承办人：{reason}", {"reason": reason}

    def _close(self, ticket: Ticket, at: datetime, actor: Actor) -> tuple[str, dict]:
        ticket.state = State.CLOSED.value
        ticket.closed_at = at
        return "结案，已生成反馈告知单，待回访评价", {}

    def _feedback(
        self,
        ticket: Ticket,
        at: datetime,
        actor: Actor,
        satisfaction: str | None = None,
        comment: str | None = None,
    ) -> tuple[str, dict]:
        try:
            rating = Satisfaction(satisfaction or "")
        except ValueError:
            raise TransitionRefused(
                "评价须为 满意 / 基本满意 / 不满意 satisfaction must be one of the three"
            ) from None
        ticket.satisfaction = rating.value
        ticket.evaluated_at = at
        detail = {"satisfaction": rating.value, "comment": comment or ""}
        note = f"回访评价：{rating.value}" + (f"（{comment}）" if comment else "")
        if rating != Satisfaction.UNSATISFIED:
            ticket.state = State.EVALUATED.value
            return note + "，工单闭环", detail
        ticket.rework_count += 1
        ticket.state = State.DISPATCHED.value
        ticket.dispatched_at = at
        ticket.acknowledged_at = None
        ticket.handled_at = ticket.closed_at = None
        ticket.overdue_since = None
        level = min(
            3, max(self.grids.chain(ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id) or {3: None})
        )
        return note + f"，重新办理（第 {ticket.rework_count} 次返工），派遣至" + self._route(
            ticket, level, at
        ), detail

    def _return(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "退回须说明理由 a reason is required")
        detail = {"reason": reason, "grid_id": ticket.assigned_grid_id}
        ticket.state = State.RETURNED.value
        ticket.assignee_id = None
        return f"{self.grids.name(ticket.assigned_grid_id)}退回（非本网格事项）：{reason}，待重新派遣", detail

    def _request_extension(
        self,
        ticket: Ticket,
        at: datetime,
        actor: Actor,
        duration: str | None = None,
        reason: str | None = None,
    ) -> tuple[str, dict]:
        reason = _required(reason, "申请延期须说明理由 a reason is required")
        self._no_pending(ticket)
        limit = Limit.parse(_required(duration, "须给出延期时长，如 2d / 8h  a duration is required"), "延期")
        ticket.pending_request = "extension"
        ticket.pending_minutes = limit.minutes(self.clock(ticket).minutes_per_day)
        ticket.pending_reason = reason
        _, who = approvers(self.chain_of(ticket), ticket.level or 0, self.leaders)
        return f"申请延期 {limit.zh}：{reason}（待{who}审批）", {"duration": str(limit), "reason": reason}

    def _request_park(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "申请挂账须说明理由 a reason is required")
        self._no_pending(ticket)
        ticket.pending_request = "park"
        ticket.pending_minutes = None
        ticket.pending_reason = reason
        _, who = approvers(self.chain_of(ticket), ticket.level or 0, self.leaders)
        return f"申请挂账：{reason}（待{who}审批）", {"reason": reason}

    def _approve(
        self, ticket: Ticket, at: datetime, actor: Actor, note: str | None = None
    ) -> tuple[str, dict]:
        kind = self._check_approver(ticket, actor)
        detail = {"request": kind, "approver_id": actor.person_id}
        if kind == "extension":
            ticket.extension_minutes += ticket.pending_minutes or 0.0
            ticket.extension_count += 1
            if ticket.warn_level >= BREACHED:  # a breach at the top level: the new deadline counts again
                ticket.warn_level = 90
            text = f"{self.leaders.name(actor.person_id)}批准延期"
        else:
            ticket.state = State.PARKED.value
            text = f"{self.leaders.name(actor.person_id)}批准挂账（计时停止）"
        ticket.pending_request = ticket.pending_reason = None
        ticket.pending_minutes = None
        return text + (f"：{note}" if note else ""), detail

    def _deny(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        kind = self._check_approver(ticket, actor)
        ticket.pending_request = ticket.pending_reason = None
        ticket.pending_minutes = None
        name = {"extension": "延期", "park": "挂账"}[kind]
        return f"{self.leaders.name(actor.person_id)}驳回{name}申请" + (f"：{reason}" if reason else ""), {
            "request": kind
        }

    def _unpark(
        self, ticket: Ticket, at: datetime, actor: Actor, note: str | None = None
    ) -> tuple[str, dict]:
        ticket.state = State.IN_PROGRESS.value
        return "解除挂账，恢复处置（计时继续）" + (f"：{note}" if note else ""), {}

    def _escalate(
        self, ticket: Ticket, at: datetime, actor: Actor, reason: str | None = None
    ) -> tuple[str, dict]:
        reason = _required(reason, "手动升级须说明理由 a reason is required")
        if (ticket.level or 0) <= 0:
            raise TransitionRefused("已在最高层级（县级领导），无法再升级 already at the top level")
        note = self.escalate(ticket, at, breach=False)
        return f"手动升级：{reason}；{note}", {"reason": reason}

    def _note(self, ticket: Ticket, at: datetime, actor: Actor, text: str | None = None) -> tuple[str, dict]:
        return _required(text, "备注内容不能为空 the note is empty"), {}

    # --- escalation (also used by the sweep) -------------------------------------------------------

    def escalate(self, ticket: Ticket, at: datetime, *, breach: bool) -> str:
        """Move the ticket one level up the tree; that level's limit starts at `at`."""
        before = ticket.level or 0
        if breach and ticket.overdue_since is None:
            ticket.overdue_since = at
        ticket.escalation_count += 1
        ticket.pending_request = ticket.pending_reason = None
        ticket.pending_minutes = None
        ticket.state = State.DISPATCHED.value  # the new handler must sign for it
        return f"由{LEVEL_ZH[before]}升级至" + self._route(ticket, before - 1, at)

    def chain_of(self, ticket: Ticket):
        return self.grids.chain(ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id)

    def _no_pending(self, ticket: Ticket) -> None:
        if ticket.pending_request:
            name = {"extension": "延期", "park": "挂账"}[ticket.pending_request]
            raise TransitionRefused(f"已有待审批的{name}申请 a request is already pending approval")

    def _check_approver(self, ticket: Ticket, actor: Actor) -> str:
        if not ticket.pending_request:
            raise TransitionRefused("没有待审批的申请 nothing is pending approval")
        allowed, who = approvers(self.chain_of(ticket), ticket.level or 0, self.leaders)
        if actor.person_id is None or actor.person_id not in allowed:
            raise TransitionRefused(
                f"须由上一级（{who}）审批，当前操作人无权审批 only the level above ({who}) may approve"
            )
        return ticket.pending_request


def _required(value: str | None, message: str) -> str:
    if value is None or not str(value).strip():
        raise TransitionRefused(message)
    return str(value).strip()
