"""Ticket states and the legal moves between them (GB/T 30428: 受理 → 立案 → 派遣 → 处置 → 核查 → 结案 → 评价).

`queue` is derived from the state at every transition and stored, so every queue of the panel is one
indexed range: (grid, queue, sort instant).
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    ACCEPTED = "accepted"  # 受理
    FILED = "filed"  # 立案
    DISPATCHED = "dispatched"  # 已派遣
    IN_PROGRESS = "in_progress"  # 处置中
    WAITING = "waiting"  # 等待居民 (clock paused)
    HANDLED = "handled"  # 已处置
    VERIFIED = "verified"  # 已核查
    CLOSED = "closed"  # 已结案, awaiting the return visit
    EVALUATED = "evaluated"  # 已评价: the loop is done
    RETURNED = "returned"  # 退回 (not ours), awaiting re-dispatch
    PARKED = "parked"  # 挂账 (approved), clock stopped
    DISMISSED = "dismissed"  # 不予立案

    @property
    def zh(self) -> str:
        return STATE_ZH[self]


STATE_ZH = {
    State.ACCEPTED: "已受理",
    State.FILED: "已立案",
    State.DISPATCHED: "已派遣",
    State.IN_PROGRESS: "处置中",
    State.WAITING: "等待居民",
    State.HANDLED: "已处置",
    State.VERIFIED: "已核查",
    State.CLOSED: "已结案",
    State.EVALUATED: "已评价",
    State.RETURNED: "已退回",
    State.PARKED: "已挂账",
    State.DISMISSED: "不予立案",
}

CLOCK_RUNNING = frozenset({State.DISPATCHED, State.IN_PROGRESS})
OPEN_STATES = frozenset(State) - {State.EVALUATED, State.DISMISSED}
FINAL_STATES = frozenset({State.EVALUATED, State.DISMISSED})


class Action(StrEnum):
    FILE = "file"  # 立案
    DISMISS = "dismiss"  # 不予立案
    DISPATCH = "dispatch"  # 派遣 / 重新派遣
    START = "start"  # 签收, start handling
    WAIT = "wait"  # 等待居民 (pause the clock)
    RESUME = "resume"  # 恢复处置
    HANDLE = "handle"  # 处置完成 with result and photos
    VERIFY = "verify"  # 核查通过
    REJECT = "reject"  # 核查不通过, back to the handler
    CLOSE = "close"  # 结案, produces the feedback notice
    FEEDBACK = "feedback"  # 回访评价 满意 / 基本满意 / 不满意
    RETURN = "return"  # 退回 not ours
    REQUEST_EXTENSION = "request_extension"  # 申请延期
    REQUEST_PARK = "request_park"  # 申请挂账
    APPROVE = "approve"  # 上级批准
    DENY = "deny"  # 上级驳回
    UNPARK = "unpark"  # 解除挂账
    ESCALATE = "escalate"  # 手动升级
    NOTE = "note"  # 备注

    @property
    def zh(self) -> str:
        return ACTION_ZH[self]


ACTION_ZH = {
    Action.FILE: "立案",
    Action.DISMISS: "不予立案",
    Action.DISPATCH: "派遣",
    Action.START: "签收处置",
    Action.WAIT: "等待居民",
    Action.RESUME: "恢复处置",
    Action.HANDLE: "处置完成",
    Action.VERIFY: "核查通过",
    Action.REJECT: "核查不通过",
    Action.CLOSE: "结案",
    Action.FEEDBACK: "回访评价",
    Action.RETURN: "退回",
    Action.REQUEST_EXTENSION: "申请延期",
    Action.REQUEST_PARK: "申请挂账",
    Action.APPROVE: "批准",
    Action.DENY: "驳回申请",
    Action.UNPARK: "解除挂账",
    Action.ESCALATE: "升级",
    Action.NOTE: "备注",
}

_ACTIVE = (State.DISPATCHED, State.IN_PROGRESS, State.WAITING)

# Which states each action may start from. The target state is decided by the action (and for
# feedback/approve by its arguments) in the workflow.
ALLOWED_FROM: dict[Action, frozenset[State]] = {
    Action.FILE: frozenset({State.ACCEPTED}),
    Action.DISMISS: frozenset({State.ACCEPTED, State.FILED}),
    Action.DISPATCH: frozenset({State.FILED, State.RETURNED}),
    Action.START: frozenset({State.DISPATCHED}),
    Action.WAIT: frozenset({State.IN_PROGRESS}),
    Action.RESUME: frozenset({State.WAITING}),
    Action.HANDLE: frozenset({State.IN_PROGRESS}),
    Action.VERIFY: frozenset({State.HANDLED}),
    Action.REJECT: frozenset({State.HANDLED}),
    Action.CLOSE: frozenset({State.VERIFIED}),
    Action.FEEDBACK: frozenset({State.CLOSED}),
    Action.RETURN: frozenset({State.DISPATCHED, State.IN_PROGRESS}),
    Action.REQUEST_EXTENSION: frozenset(_ACTIVE),
    Action.REQUEST_PARK: frozenset(_ACTIVE),
    Action.APPROVE: frozenset(_ACTIVE),
    Action.DENY: frozenset(_ACTIVE),
    Action.UNPARK: frozenset({State.PARKED}),
    Action.ESCALATE: frozenset(_ACTIVE),
    Action.NOTE: frozenset(State),
}


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"


class Queue(StrEnum):
    """Where a ticket shows up; stored next to a sort instant so each queue is one index range."""

    INTAKE = "intake"  # accepted / filed / returned: the command centre must act
    ACTIVE = "active"  # with the handler, clock running (sorted by deadline)
    OVERDUE = "overdue"  # with the handler, a limit was missed (sorted by when)
    PAUSED = "paused"  # waiting for the resident or parked
    VERIFY = "verify"  # handled, awaiting verification
    FEEDBACK = "feedback"  # verified or closed, awaiting close / the return visit
    DONE = "done"


def queue_for(state: State, overdue: bool) -> Queue:
    if state in (State.ACCEPTED, State.FILED, State.RETURNED):
        return Queue.INTAKE
    if state in CLOCK_RUNNING:
        return Queue.OVERDUE if overdue else Queue.ACTIVE
    if state in (State.WAITING, State.PARKED):
        return Queue.PAUSED
    if state == State.HANDLED:
        return Queue.VERIFY
    if state in (State.VERIFIED, State.CLOSED):
        return Queue.FEEDBACK
    return Queue.DONE


class Source(StrEnum):
    PHONE = "phone"
    WALK_IN = "walk_in"
    HOME_VISIT = "home_visit"
    PATROL = "patrol"
    CAMERA = "camera"
    SENSOR = "sensor"
    IMPORT = "import"

    @property
    def zh(self) -> str:
        return {
            "phone": "电话",
            "walk_in": "来访",
            "home_visit": "入户走访",
            "patrol": "网格巡查",
            "camera": "视频发现",
            "sensor": "传感器",
            "import": "导入",
        }[self.value]


SWEEP_ACTOR = "系统时限监控"  # the actor of the time-limit sweep's own steps

LEVEL_ZH = {3: "三级网格", 2: "二级网格", 1: "一级网格", 0: "县级领导"}
