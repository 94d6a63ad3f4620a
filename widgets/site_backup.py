"""文件 → 备份… / 恢复…: the whole site to one file and back, from the window.

The work is the core's (`app.store.backup`) and runs on a job thread, so the window keeps painting
while a large site is copied. A restore replaces everything the window has loaded, so once it is done
the window ends with the keeper's "start me again" code and comes back on the restored site; so does
every other window of the site, told by the restore's notice (`app/store/restore_notice.py`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app.events import SITE_RESTORED, Change, Topic
from app.site_clock import SiteClock
from app.store.backup import BackupWritten, Restored, back_up, restore
from app.store.backup_archive import BackupError, Manifest, human_size, read_manifest
from runtime.launcher import RESTART_EXIT_CODE
from widgets.jobs import Jobs
from widgets.plain_text import literal_html
from widgets.shell_context import ShellContext

SUFFIX = ".gccbackup"
RESTART_DELAY_MS = 1500  # long enough to read the status bar's note


def tr(text_: str) -> str:
    return QCoreApplication.translate("SiteBackup", text_)


def default_backup_name(clock: SiteClock) -> str:
    """Named by the site's date and time, whatever zone this computer is set to."""
    return f"网格站点备份-{clock.now().strftime('%Y%m%d-%H%M')}{SUFFIX}"


class SiteBackupActions(QObject):
    """The two menu entries and the dialogs around them; `window` parents every dialog."""

    def __init__(self, context: ShellContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.jobs = Jobs(self)
        self.backup_action = QAction(window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action = QAction(window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self.ask_restore)
        self._restoring = False
        context.bridge.on(Topic.SITE, self._site_replaced, self)
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)

    def retranslate(self) -> None:
        self.backup_action.setText(tr("备份…"))
        self.backup_action.setToolTip(tr("把整个站点备份到一个文件（站点照常运行）"))
        self.restore_action.setText(tr("恢复…"))
        self.restore_action.setToolTip(tr("用备份文件替换当前站点的全部数据"))

    # ---- backup ----------------------------------------------------------------------------------

    def ask_backup(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            tr("备份站点"),
            str(Path(folder or Path.home()) / default_backup_name(self.context.site.clock)),
            tr("站点备份") + f" (*{SUFFIX})",
        )
        if chosen:
            self.start_backup(Path(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX))

    def start_backup(self, target: Path) -> None:
        """Write the backup off the Qt thread; the answer comes back as a message box."""
        self._busy(True)
        self._restoring = True
        db, seat = self.context.db, self.context.seat
        self.window.statusBar().showMessage(tr("正在备份站点…"))
        self.jobs.submit("backup", lambda: back_up(db, target, seat), self._backed_up, self._failed)

    def _backed_up(self, written: BackupWritten) -> None:
        self._busy(False)
        self.window.statusBar().showMessage(tr("备份完成") + f": {written.path}", 10_000)
        QMessageBox.information(
            self.window,
            tr("备份完成"),
            "\n".join(
                [
                    tr("站点已备份到："),
                    str(written.path),
                    "",
                    tr("大小：") + human_size(written.size_bytes),
                    tr("内容：") + _counts_text(written.manifest),
                ]
            ),
        )

    # ---- restore ---------------------------------------------------------------------------------

    def ask_restore(self) -> None:
        if not self.context.db.is_sqlite:
            QMessageBox.information(self.window, tr("恢复站点"), _postgresql_restore_text())
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window,
            tr("选择要恢复的备份"),
            "",
            tr("站点备份") + f" (*{SUFFIX});;" + tr("所有文件") + " (*)",
        )
        if not chosen:
            return
        try:
            manifest = read_manifest(Path(chosen))
        except BackupError as error:
            QMessageBox.warning(self.window, tr("无法恢复"), literal_html(str(error)))
            return
        if self.confirm_restore(manifest):
            self.start_restore(Path(chosen))

    def confirm_restore(self, manifest: Manifest) -> bool:
        answer = QMessageBox.question(
            self.window,
            tr("恢复站点"),
            _restore_question(manifest, self.context.site.clock),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_restore(self, source: Path) -> None:
        """Check and restore off the Qt thread; the site in this window is replaced only if all is well."""
        self._busy(True)
        self._restoring = True
        db, seat = self.context.db, self.context.seat
        self.jobs.submit(
            "restore", lambda: restore(db, source, seat, force=True), self._restored, self._failed
        )

    def _restored(self, restored: Restored) -> None:
        kept = tr("之前的数据库保留为：") + f"\n{restored.previous}"
        again = tr("窗口将重新启动。") if self.context.settings.kept else tr("窗口将关闭，请重新打开。")
        QMessageBox.information(
            self.window,
            tr("恢复完成"),
            tr("站点已从备份恢复。") + "\n\n" + (kept + "\n\n" if restored.previous else "") + again,
        )
        QCoreApplication.exit(RESTART_EXIT_CODE)  # the keeper starts the window again at once

    def _site_replaced(self, change: Change) -> None:
        """Another seat or a `restore` command replaced the site: everything this window loaded is the
        old site's, so it starts again (through its keeper) on the restored one."""
        if self._restoring or change.payload.what != SITE_RESTORED:
            return  # this window's own restore says so itself
        self._busy(True)
        note = (
            tr("站点已由其他席位或命令从备份恢复")
            + f" ({_site_time(change.payload.backup_created_at, self.context.site.clock)})"
        )
        if self.context.settings.kept:  # unattended walls too: no dialog to wait for
            self.window.statusBar().showMessage(note + tr("，窗口正在重新启动…"))
            QTimer.singleShot(RESTART_DELAY_MS, lambda: QCoreApplication.exit(RESTART_EXIT_CODE))
            return
        QMessageBox.information(self.window, tr("站点已恢复"), note + "\n\n" + tr("窗口将关闭，请重新打开。"))
        QCoreApplication.exit(RESTART_EXIT_CODE)

    def _failed(self, error: Exception) -> None:
        self._restoring = False
        self._busy(False)
        QMessageBox.warning(
            self.window, tr("操作失败，站点数据未改动"), literal_html(f"{type(error).__name__}: {error}")
        )

    def _busy(self, busy: bool) -> None:
        self.backup_action.setEnabled(not busy)
        self.restore_action.setEnabled(not busy)


def _restore_question(manifest: Manifest, clock: SiteClock) -> str:
    return "\n".join(
        [
            tr("将用这份备份替换当前站点的全部数据："),
            "",
            tr("备份时间：") + _site_time(manifest.created_at, clock),
            tr("来源：") + manifest.source,
            tr("内容：") + _counts_text(manifest),
            "",
            tr(
                "当前数据库会先另存一份（.before-restore）。恢复后本窗口、其他席位和 serve 服务都会在恢复的站点上重新启动。"
            ),
            "",
            tr("确定恢复吗？"),
        ]
    )


def _postgresql_restore_text() -> str:
    return "\n".join(
        [
            tr("PostgreSQL 站点只能恢复到一个新建的空数据库，不会覆盖正在使用的数据库。"),
            "",
            tr("请在服务器上新建数据库（如 createdb 新库名），然后运行："),
            "main.py restore FILE --db postgresql://…/NEWNAME",
            "",
            tr("再让各席位连接新库。"),
        ]
    )


def _site_time(iso_utc: str, clock: SiteClock) -> str:
    """The manifest's UTC time as the site's clock shows it."""
    try:
        return clock.text(datetime.fromisoformat(iso_utc))
    except ValueError:  # a hand-edited manifest: show what it says
        return iso_utc


def _counts_text(manifest: Manifest) -> str:
    labels = {
        "grids": tr("网格"),
        "households": tr("户"),
        "residents": tr("居民"),
        "tickets": tr("工单"),
        "cameras": tr("摄像机"),
    }
    return ", ".join(
        f"{label} {manifest.counts[key]}" for key, label in labels.items() if key in manifest.counts
    )
