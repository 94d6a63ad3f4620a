"""新建站点: the first start on an empty database walks the office through its own site.

Pages: the site's name and time zone, its first administrator, the grids (and so the buildings), the site workbook (people and
their duties, cameras, sensors), the roster, and what was done. Every file step is checked before it
is imported and may be skipped; the 设置 menu offers the same steps later.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.access.accounts import Accounts
from app.context import SiteContext
from app.site_settings import DEFAULT_TIME_ZONE, SettingError, SiteProfile, checked_profile, save_profile
from runtime.site_setup import Step
from widgets.accounts.admin_page import AdminPage
from widgets.i18n import LANGUAGES
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.site_wizard.step_panel import StepPanel
from widgets.site_wizard.texts import counts_text, step_titles, tr

TIME_ZONES = (DEFAULT_TIME_ZONE, "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "UTC")
STEPS = (Step.GRIDS, Step.WORKBOOK, Step.ROSTER)


class ProfilePage(QWizardPage):
    """The site's name and time zone, stored (off the GUI thread) when the office goes on."""

    def __init__(self, site: SiteContext) -> None:
        super().__init__()
        self.site = site
        self.jobs = Jobs(self)
        self.saved: SiteProfile | None = None
        self.setTitle(tr("新建站点"))
        self.setSubTitle(tr("这是一个新的数据库。请填写站点信息，再逐步导入本站点的网格、人员和居民。"))
        self.name_edit = QLineEdit(placeholderText=tr("如：建设路街道幸福社区"))
        self.name_edit.setObjectName("siteName")
        self.zone_box = QComboBox(editable=True)
        self.zone_box.setObjectName("siteTimeZone")
        self.zone_box.addItems(TIME_ZONES)
        self.language_box = QComboBox(objectName="siteLanguage")
        for code, label in LANGUAGES.items():
            self.language_box.addItem(label, code)
        self.error = QLabel(wordWrap=True)
        plain(self.error)
        self.error.setObjectName("profileError")
        form = QFormLayout()
        form.addRow(tr("站点名称"), self.name_edit)
        form.addRow(tr("时区"), self.zone_box)
        form.addRow(tr("界面语言"), self.language_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        try:
            profile = checked_profile(
                self.name_edit.text(), self.zone_box.currentText(), self.language_box.currentData()
            )
        except SettingError as error:
            self.error.setText(str(error))
            return False
        if profile == self.saved:
            return True
        self.error.setText(tr("正在保存…"))
        db, seat = self.site.db, self.site.seat
        self.jobs.submit(
            "profile",
            lambda: save_profile(db, seat, profile.name, profile.time_zone, profile.language),
            self._saved,
            lambda error: self.error.setText(f"{type(error).__name__}: {error}"),
        )
        return False  # the wizard goes on once the profile is stored

    def _saved(self, profile: SiteProfile) -> None:
        self.saved = profile
        self.site.reload_profile()  # the window opened after the wizard shows the new name and zone
        self.error.clear()
        self.wizard().next()


class StepPage(QWizardPage):
    """One file step inside the wizard; the office can go on without importing (done later)."""

    def __init__(self, site: SiteContext, step: Step, number: int) -> None:
        super().__init__()
        self.setTitle(f"{number}. {step_titles()[step.value]}")
        self.panel = StepPanel(site, step)
        self.panel.busy_changed.connect(self._busy_changed)
        self.panel.written.connect(self._written)
        self._advance_when_written = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.panel.busy

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """下一步 imports a checked file that has no problems; without one it skips the step."""
        if not self.panel.pending:
            return True
        self._advance_when_written = True
        self.panel.start_import()
        return False

    def _busy_changed(self, busy: bool) -> None:
        if not busy and not (self.panel.report and self.panel.report.written):
            self._advance_when_written = False  # the import found problems: stay and show them
        self.completeChanged.emit()

    def _written(self, _report: object) -> None:
        if self._advance_when_written:
            self._advance_when_written = False
            self.wizard().next()


class DonePage(QWizardPage):
    """What the wizard wrote, step by step, and what is left for the 设置 menu."""

    def __init__(self, steps: dict[Step, StepPage]) -> None:
        super().__init__()
        self.steps = steps
        self.setTitle(tr("完成"))
        self.text = QLabel(wordWrap=True)
        plain(self.text)
        self.text.setObjectName("doneSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        lines = []
        for step, page in self.steps.items():
            imported = page.panel.imported
            done = counts_text(imported) if imported else tr("跳过，可稍后在 设置 菜单中导入")
            lines.append(f"• {step_titles()[step.value]}: {done}")
        lines += ["", tr("摄像机和传感器也可在站点工作簿中填写后导入。点击“完成”打开站点。")]
        self.text.setText("\n".join(lines))


class SiteWizard(QWizard):
    def __init__(self, site: SiteContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteWizard")
        self.setWindowTitle(tr("新建站点"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.profile = ProfilePage(site)
        self.addPage(self.profile)
        accounts = Accounts(site.db, site.seat)
        self.admin = AdminPage(accounts) if accounts.count() == 0 else None
        if self.admin is not None:
            self.addPage(self.admin)
        self.steps = {step: StepPage(site, step, number) for number, step in enumerate(STEPS, start=1)}
        for page in self.steps.values():
            self.addPage(page)
        self.addPage(DonePage(self.steps))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("取消"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(900, 620)
