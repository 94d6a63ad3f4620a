"""The main window's menus, filled through the MenuBuilder (widgets/menu_builder.py):

文件  导入 ▸ 花名册… / 网格与楼栋… / 人员与职责…(站点工作簿); 导出 ▸ 花名册… / 站点工作簿… / 站点工作簿模板…;
      导出报告…(日报/周报/月报, with a preview);
      备份… / 恢复…; 退出
视图  one switch per panel, 转到 ▸ each panel (the rail's keys), 恢复默认布局, 全屏
设置  网格与楼栋… / 人员与职责… / 工单分类与时限…, 摄像机…
网格工作  入户走访… / 议事表决… / 会议… / 志愿服务与居民自治… / 楼院自治… / 工作统计… (widgets/grid_work/work_menu.py);
      联户党员包联看板…, 爱心基金… (widgets/grid_work/pairing_actions.py)
工具  设置值班长密码…, 录像机回放（按时间）…, 审计日志…
语言  中文 / English
帮助  用户手册, 快捷键, 关于
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from app.access.kiosk_pin import KioskPin
from app.access.permissions import Permission
from widgets.accounts.account_actions import AccountActions, offer_by_permission
from widgets.audit_viewer import AuditLogActions
from widgets.clips.recorder_dialog import RecorderPlaybackDialog
from widgets.grid_work.pairing_actions import PairingActions
from widgets.grid_work.work_menu import GridWorkActions
from widgets.help_menu import AboutDialog, ManualDialog, ShortcutsDialog
from widgets.i18n import LANGUAGES
from widgets.kiosk import SetPinDialog
from widgets.menu_builder import MenuBuilder
from widgets.panels import Panel
from widgets.reports.export_dialog import ReportExportDialog, export_entry_text
from widgets.roster_files import RosterFileActions
from widgets.settings.cameras import CameraSettingsDialog
from widgets.settings.sensors import SensorSettingsDialog
from widgets.shell_context import ShellContext
from widgets.site_backup import SiteBackupActions
from widgets.site_book_files import SiteBookFileActions
from widgets.site_wizard.settings_menu import SiteSettingsActions


def tr(text_: str) -> str:
    return QCoreApplication.translate("MainWindow", text_)


class MenuHost(Protocol):
    """What the menus need of the window."""

    context: ShellContext
    panels: list[Panel]
    docks: dict[str, QDockWidget]

    def show_panel(self, key: str) -> None: ...

    def reset_layout(self) -> None: ...

    def switch_language(self, language: str) -> None: ...

    def close(self) -> bool: ...


class WindowMenus:
    """Builds and translates the window's menus; the helpers' own actions translate themselves."""

    def __init__(self, window: QMainWindow, host: MenuHost, language: str) -> None:
        self.window = window
        self.host = host
        self.language = language
        self.builder = MenuBuilder(window.menuBar(), window)
        context = host.context
        self.site_backup = SiteBackupActions(context, window)
        self.roster_files = RosterFileActions(context, window)
        self.site_book = SiteBookFileActions(context, window)
        self.site_settings = SiteSettingsActions(context.site, window)
        self.account = AccountActions(context, window)
        self._file()
        self._view()
        self._settings()
        self.grid_work = GridWorkActions(context, window)
        self.grid_work.add_to(self.builder)
        self.builder.separator("gridwork")
        self.pairing = PairingActions(context, window)
        self.pairing.add_to(self.builder.menu("gridwork"))
        self._tools()
        self._languages()
        self._help()
        offer_by_permission(context, self)

    def _file(self) -> None:
        menus = self.builder
        imports = menus.submenu("file", "import", lambda: tr("导入"))
        imports.addAction(self.roster_files.import_action)
        imports.addAction(self.site_settings.grids_action)
        imports.addAction(self.site_settings.people_action)
        exports = menus.submenu("file", "export", lambda: tr("导出"))
        exports.addAction(self.roster_files.export_action)
        exports.addAction(self.site_book.export_action)
        exports.addAction(self.site_book.template_action)
        report = menus.add("file", "file.export_report", export_entry_text, self.open_report_export)
        report.setEnabled(self.host.context.may(Permission.VIEW_SITE))  # a report holds no personal data
        menus.separator("file")
        self.site_backup.add_to(menus.menu("file"))
        menus.separator("file")
        self.account.add_to(menus.menu("file"))
        menus.separator("file")
        menus.add("file", "file.quit", lambda: tr("退出"), self.window.close)

    def _view(self) -> None:
        menus, host = self.builder, self.host
        for panel in host.panels:
            menus.menu("view").addAction(host.docks[panel.key].toggleViewAction())
        go_to = menus.submenu("view", "go", lambda: tr("转到"))
        rail = getattr(self.window, "rail", None)
        if rail is not None:  # the rail's own actions: one key, one highlight
            for panel in host.panels:
                go_to.addAction(rail.actions_by_key[panel.key])
        menus.separator("view")
        menus.add("view", "view.reset_layout", lambda: tr("恢复默认布局"), host.reset_layout)
        menus.add(
            "view",
            "view.fullscreen",
            lambda: tr("全屏"),
            self._toggle_fullscreen,
            checkable=True,
            signal="toggled",
        )

    def _settings(self) -> None:
        self.site_settings.add_to(self.builder.menu("settings"))
        self.builder.add("settings", "settings.cameras", lambda: tr("摄像机…"), self.open_camera_settings)
        self.builder.add("settings", "settings.sensors", lambda: tr("传感器…"), self.open_sensor_settings)
        self.account.add_users_to(self.builder.menu("settings"))

    def _tools(self) -> None:
        self.builder.add("tools", "tools.pin", lambda: tr("设置值班长密码…"), self._set_pin)
        self.builder.add(
            "tools",
            "tools.recorder_playback",
            lambda: tr("录像机回放（按时间）…"),
            self.open_recorder_playback,
        )
        self.audit_log = AuditLogActions(self.host.context.reads.audit, self.window)
        self.audit_log.add_to(self.builder.menu("tools"))

    def _languages(self) -> None:
        group = QActionGroup(self.window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.window, checkable=True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _checked=False, code=code: self.host.switch_language(code))
            group.addAction(action)
            self.builder.menu("language").addAction(action)
            self.language_actions[code] = action

    def _help(self) -> None:
        menus = self.builder
        menus.add("help", "help.manual", lambda: tr("用户手册"), self.open_manual)
        menus.add("help", "help.shortcuts", lambda: tr("快捷键"), self.open_shortcuts)
        menus.separator("help")
        menus.add("help", "help.about", lambda: tr("关于"), self.open_about)

    # ---- entries ----------------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_report_export(self) -> QWidget:
        return self._open(ReportExportDialog(self.host.context.reads.reports, self.window))

    def open_camera_settings(self) -> QWidget:
        return self._open(CameraSettingsDialog(self.host.context, self.window))

    def open_recorder_playback(self) -> QWidget:
        return self._open(RecorderPlaybackDialog(self.host.context.site, self.window))

    def open_sensor_settings(self) -> QWidget:
        return self._open(SensorSettingsDialog(self.host.context, self.window))

    def open_manual(self) -> QWidget:
        return self._open(ManualDialog(self.language, self.window))

    def open_shortcuts(self) -> QWidget:
        return self._open(ShortcutsDialog(self.language, self.window))

    def open_about(self) -> QWidget:
        return self._open(AboutDialog(self.host.context, self.window))

    def _set_pin(self) -> None:
        SetPinDialog(KioskPin(self.host.context.db, self.host.context.seat), self.window).open()

    def _toggle_fullscreen(self, on: bool) -> None:
        self.window.showFullScreen() if on else self.window.showNormal()

    def retranslate(self, language: str) -> None:
        self.language = language
        self.builder.retranslate()
        self.site_backup.retranslate()
        self.roster_files.retranslate()
        self.site_book.retranslate()
        self.site_settings.retranslate()
        self.audit_log.retranslate()
        self.pairing.retranslate()
        self.account.retranslate()
