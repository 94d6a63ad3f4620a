"""设置 → 网格与楼栋… / 人员与职责… (the wizard's file steps on their own, for a running site) and
工单分类与时限… (the site's own ticket time limits)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from app.tickets.categories import CategoryError, load_categories
from runtime.site_setup import Step
from widgets.plain_text import literal_html
from widgets.site_wizard.category_limits import CategoryLimitsDialog
from widgets.site_wizard.step_panel import StepPanel
from widgets.site_wizard.texts import step_titles, tr


class StepDialog(QDialog):
    """One step's panel in a dialog; closing it while a job runs waits for the answer first."""

    def __init__(self, site: SiteContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"stepDialog_{step.value}")
        self.setWindowTitle(step_titles()[step.value])
        self.panel = StepPanel(site, step)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        self.panel.busy_changed.connect(lambda busy: buttons.setEnabled(not busy))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def reject(self) -> None:
        if not self.panel.busy:  # an import half way is never abandoned by closing the window
            super().reject()


class SiteSettingsActions(QObject):
    """The 设置 menu's site entries; `window` parents every dialog."""

    def __init__(self, site: SiteContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.site, self.window = site, window
        self.grids_action = QAction(window)
        self.grids_action.setObjectName("gridsSettingsAction")
        self.grids_action.triggered.connect(lambda: self.open_step(Step.GRIDS))
        self.people_action = QAction(window)
        self.people_action.setObjectName("peopleSettingsAction")
        self.people_action.triggered.connect(lambda: self.open_step(Step.WORKBOOK))
        self.categories_action = QAction(window)
        self.categories_action.setObjectName("categoriesSettingsAction")
        self.categories_action.triggered.connect(self.open_categories)
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.grids_action)
        menu.addAction(self.people_action)
        menu.addAction(self.categories_action)

    def retranslate(self) -> None:
        self.grids_action.setText(tr("网格与楼栋…"))
        self.grids_action.setToolTip(tr("导入或更新网格边界（GeoJSON），微网格即楼栋"))
        self.people_action.setText(tr("人员与职责…"))
        self.people_action.setToolTip(tr("导入站点工作簿：楼栋、人员与职责、摄像机、传感器"))
        self.categories_action.setText(tr("工单分类与时限…"))
        self.categories_action.setToolTip(tr("查看工单分类，修改本站点的办理时限"))

    def open_step(self, step: Step) -> StepDialog:
        dialog = StepDialog(self.site, step, self.window)
        dialog.open()
        return dialog

    def open_categories(self) -> CategoryLimitsDialog | None:
        try:
            base = load_categories()
        except CategoryError as error:
            QMessageBox.warning(self.window, tr("工单分类与时限"), literal_html(str(error)))
            return None
        dialog = CategoryLimitsDialog(self.site, base, self.window)
        dialog.open()
        return dialog
