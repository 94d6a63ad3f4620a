"""帮助: the user manual (bundled HTML, read offline in the window), the shortcut list, and 关于 with the
versions support asks for first (the app, Qt, Python, the database server, onnxruntime)."""

from __future__ import annotations

import importlib.metadata
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.store.backup_archive import app_version
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext
from widgets.shortcuts import CONTEXT_NAMES, SHORTCUTS

MANUAL_DIR = Path(__file__).resolve().parent.parent / "resources" / "manual"


def tr(text_: str) -> str:
    return QCoreApplication.translate("MainWindow", text_)


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """One 关闭 button in the interface's language (Qt's own Close would stay English in Chinese)."""
    buttons = QDialogButtonBox()
    buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


def manual_path(language: str) -> Path:
    """The manual in the interface's language (Chinese when there is none in it)."""
    localised = MANUAL_DIR / f"manual.{language}.html"
    return localised if localised.exists() else MANUAL_DIR / "manual.zh_CN.html"


class ManualDialog(QDialog):
    """The bundled manual in a QTextBrowser: offline, its screenshots beside it under resources/."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(tr("用户手册"))
        self.browser = QTextBrowser(objectName="manualBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(manual_path(language))))
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(1000, 760)


class ShortcutsDialog(QDialog):
    """Every key of the window from the one table, in the interface's language."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("快捷键"))
        self.table = QTableWidget(len(SHORTCUTS), 3, objectName="shortcutsTable")
        self.table.setHorizontalHeaderLabels([tr("按键"), tr("范围"), tr("功能")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        english = language == "en"
        for row, shortcut in enumerate(SHORTCUTS):
            where = CONTEXT_NAMES[shortcut.context][1 if english else 0]
            for column, text_ in enumerate((shortcut.key, where, shortcut.description(language))):
                self.table.setItem(row, column, QTableWidgetItem(text_))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 120)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)


def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return tr("未安装")


class AboutDialog(QDialog):
    """The product and the versions of what it runs on; the database's version is asked off the GUI
    thread (a PostgreSQL server that does not answer must not freeze the window)."""

    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("关于网格指挥中心"))
        self.versions = {
            tr("网格指挥中心"): app_version(),
            "Qt": qVersion(),
            "PySide6": PySide6.__version__,
            "Python": platform.python_version(),
            tr("数据库"): "…",
            "onnxruntime": package_version("onnxruntime"),
        }
        self.text = QLabel(objectName="aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self._where = context.db.safe_url
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self._show()
        self._jobs = Jobs(self)
        self._jobs.submit(
            "db", context.reads.stats.server_version, self._database_known, self._database_failed
        )

    def _database_known(self, version: str) -> None:
        self.versions[tr("数据库")] = version
        self._show()

    def _database_failed(self, error: Exception) -> None:
        self.versions[tr("数据库")] = tr("无法连接：%1").replace("%1", str(error).splitlines()[0][:120])
        self._show()

    def _show(self) -> None:
        rows = "".join(
            f"<tr><td>{name}</td><td><b>{value}</b></td></tr>" for name, value in self.versions.items()
        )
        self.text.setText(
            f"<p>{tr('网格指挥中心：社区网格化治理的桌面指挥平台。')}</p>"
            f"<table cellspacing='6'>{rows}</table>"
            f"<p>{tr('数据库位置')}: {self._where}</p>"
        )
