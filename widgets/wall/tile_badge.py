"""What a tile says about its stream: the state badge over a stale picture, and the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app.site_clock import TIME_ONLY
from video.status import StreamState


def state_text(state: StreamState) -> str:
    """The badge text for a state (translated in the context "Tile")."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        StreamState.CONNECTING: "连接中",
        StreamState.RECONNECTING: "重连中",
        StreamState.OFFLINE: "离线",
        StreamState.ERROR: "错误",
        StreamState.STOPPED: "已停止",
        StreamState.LIVE: "在线",
    }
    return QCoreApplication.translate("Tile", texts[state])


class TileBadge:
    """The `Tile`'s state badge and status text (translated in the context "Tile")."""

    def badge(self) -> tuple[str, str] | None:
        """(state text, reason) the tile shows over the picture, or None while the picture is live."""
        status = self._status
        if (
            self.camera is None
            or status is None
            or (status.state is StreamState.LIVE and not self._is_stale())
        ):
            return None
        if status.state is StreamState.LIVE:
            return self.tr("画面停滞"), ""
        reason = status.reason
        if status.next_retry_in and status.state is not StreamState.ERROR:
            reason += self.tr(" · 每 %1 秒重试").replace("%1", f"{status.next_retry_in:g}")
        return state_text(status.state), reason

    def status_text(self) -> str:
        """State, rate, size, drops and last picture time: the tile's tooltip."""
        status = self.status()
        if self.camera is None or status is None:
            return ""
        last = (
            self.site_clock.from_timestamp(status.last_frame_at).strftime(TIME_ONLY) if status.last_frame_at else "—"
        )
        lines = [
            f"{self.camera.name} · {state_text(status.state)}",
            self.tr("地址: %1").replace("%1", status.url),
            self.tr("分辨率: %1  帧率: %2 fps")
            .replace("%1", status.resolution or "—")
            .replace("%2", f"{status.fps:g}"),
            self.tr("丢帧: %1  重连: %2 次  最后画面: %3")
            .replace("%1", str(status.dropped))
            .replace("%2", str(status.restarts))
            .replace("%3", last),
        ]
        if status.reason:
            lines.append(self.tr("原因: %1").replace("%1", status.reason))
        return "\n".join(lines)

    def _draw_badge(self, painter: QPainter, rect: QRectF) -> None:
        badge = self.badge()
        if badge is None:
            return
        text, reason = badge
        state = self._status.state if self._status is not None else StreamState.STOPPED
        colour = {
            StreamState.CONNECTING: QColor("#3da5ff"),
            StreamState.RECONNECTING: QColor("#f0b429"),
            StreamState.LIVE: QColor("#f0b429"),
            StreamState.OFFLINE: QColor("#ef5350"),
            StreamState.ERROR: QColor("#ef5350"),
        }.get(state, QColor("#7a8699"))
        font = QFont(self.font())
        font.setPixelSize(max(12, min(22, int(rect.height() / 9))))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        small = QFont(self.font())
        small.setPixelSize(max(10, min(13, int(rect.height() / 16))))
        width = max(metrics.horizontalAdvance(text) + 24, 80)
        reason_lines = []
        if reason:
            painter.setFont(small)
            reason_lines = [
                painter.fontMetrics().elidedText(reason, Qt.TextElideMode.ElideRight, int(rect.width() - 16))
            ]
            width = max(
                width, min(rect.width() - 8, painter.fontMetrics().horizontalAdvance(reason_lines[0]) + 20)
            )
        height = metrics.height() + 10 + (painter.fontMetrics().height() + 2) * len(reason_lines)
        box = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(colour)
        painter.setFont(font)
        painter.drawText(
            QRectF(box.x(), box.y() + 4, box.width(), metrics.height()), Qt.AlignmentFlag.AlignCenter, text
        )
        if reason_lines:
            painter.setFont(small)
            painter.setPen(QColor("#d5dbe3"))
            painter.drawText(
                QRectF(
                    box.x() + 6,
                    box.y() + metrics.height() + 6,
                    box.width() - 12,
                    painter.fontMetrics().height(),
                ),
                Qt.AlignmentFlag.AlignCenter,
                reason_lines[0],
            )
