"""The person's separate consent to face recognition: when, how, and who took it down. All required."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from video.ai.consent import Consent, ConsentError, parse_form

# Stored as written here (the record is Chinese whatever the screen language); shown translated.
METHODS = ("书面签字", "口头同意并录音", "线上确认", "监护人代为签字", "公安机关书面通知")


class ConsentForm(QGroupBox):
    """Without a complete form there is no `consent()`, and enrolment stays disabled."""

    changed = Signal()

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentForm")
        self.given_on = QDateEdit(calendarPopup=True, objectName="consentDate")
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMaximumDate(QDate.currentDate())  # consent cannot be dated in the future
        self.given_on.setDate(QDate.currentDate())
        self.method = QComboBox(objectName="consentMethod", editable=True)
        self.method.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recorded_by = QLineEdit(operator, objectName="consentRecordedBy")
        self.recorded_by.setMaxLength(64)
        self._labels = [QLabel(), QLabel(), QLabel()]
        layout = QFormLayout(self)
        for label, field in zip(self._labels, (self.given_on, self.method, self.recorded_by), strict=True):
            layout.addRow(label, field)
        self.given_on.dateChanged.connect(lambda *_: self.changed.emit())
        self.method.currentTextChanged.connect(lambda *_: self.changed.emit())
        self.recorded_by.textChanged.connect(lambda *_: self.changed.emit())
        self._retranslate()
        self.method.setCurrentIndex(-1)  # nothing chosen until the operator says how it was given

    def _retranslate(self) -> None:
        self.setTitle(self.tr("本人同意（必填）"))
        for label, text in zip(
            self._labels, (self.tr("同意日期"), self.tr("同意方式"), self.tr("记录人")), strict=True
        ):
            label.setText(text)
        current = self.method_text()
        self.method.blockSignals(True)
        self.method.clear()
        for method in METHODS:
            self.method.addItem(self.tr(method), method)
        index = self.method.findData(current)
        self.method.setCurrentIndex(index)
        if index < 0 and current:
            self.method.setEditText(current)
        self.method.blockSignals(False)
        self.method.lineEdit().setPlaceholderText(self.tr("如何取得本人同意"))
        self.recorded_by.setPlaceholderText(self.tr("记录同意的工作人员"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def method_text(self) -> str:
        """The method as it is stored: a listed method in Chinese, or what the operator typed."""
        text = self.method.currentText().strip()
        index = self.method.currentIndex()
        if index >= 0 and text == self.method.itemText(index):
            return str(self.method.itemData(index))
        return text

    def consent(self) -> Consent | None:
        """The consent as entered, or None while any part is missing."""
        method, recorder = self.method_text(), self.recorded_by.text().strip()
        given_on: date = self.given_on.date().toPython()
        if not method or not recorder or given_on > date.today():
            return None
        try:
            parse_form(method)  # a typed way must say whether it was written, oral or electronic
        except ConsentError:
            return None
        return Consent(given_on, method, recorded_by=recorder)

    def set_consent(self, method: str, recorded_by: str | None = None, given_on: date | None = None) -> None:
        index = self.method.findData(method)
        if index >= 0:
            self.method.setCurrentIndex(index)
        else:
            self.method.setEditText(method)
        if recorded_by is not None:
            self.recorded_by.setText(recorded_by)
        if given_on is not None:
            self.given_on.setDate(QDate(given_on.year, given_on.month, given_on.day))
