"""派单's confirmation text: the ticket the alarm will become, said before it is created."""

from __future__ import annotations

from collections.abc import Callable

from alarms.values import AlarmView
from app.tickets.preview import TicketPreview
from widgets.alarms.alarm_words import alarm_title


def dispatch_consequence(tr: Callable[[str], str], view: AlarmView, preview: TicketPreview) -> str:
    """Category, the grid and handler it goes to, the time limit; or the open ticket it joins."""
    lines = [tr("告警“%1”将转为工单：").replace("%1", alarm_title(view))]
    lines.append(
        tr("分类：%1（%2）").replace("%1", preview.category_path).replace("%2", preview.category_code)
    )
    if preview.joins_ticket is not None:
        lines.append(
            tr("此处已有同类未办结工单 #%1，本告警将并入该工单。").replace("%1", str(preview.joins_ticket))
        )
    else:
        dispatch = preview.dispatch
        if dispatch.grid is None and dispatch.handler is None:
            lines.append(tr("位置不在任何网格内，将转指挥中心人工派遣。"))
        else:
            lines.append(
                tr("派往：%1（%2），承办人 %3")
                .replace("%1", dispatch.grid or "—")
                .replace("%2", tr(preview.level_zh))
                .replace("%3", dispatch.handler or "—")
            )
        clock = tr("全天候计时") if preview.natural_clock else tr("按工作时间计")
        lines.append(tr("时限：%1（%2）").replace("%1", preview.limit_zh).replace("%2", clock))
        lines.extend(dispatch.notes)
    lines.append(tr("告警随即标记为已处置（转工单）。"))
    return "\n".join(lines)
