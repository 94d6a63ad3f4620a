"""The roster's edit forms: a household (address, residence type, emergency contact) and a resident
(name, ID number, phone, relation, health, tag chips).

Stored ID numbers and phones are only ever shown masked, as the field's placeholder: an empty field
keeps the stored value, a typed one replaces it, and a stored phone's 清除 removes it (`stored_phone`). Each field says what is wrong under itself, as typed
(the roster's own parsers) and as the core refused it; saving runs off the GUI thread and a refusal
keeps everything entered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.roster.edits import FIELD_ENGLISH, HouseholdForm, ResidentForm, RosterEditError
from app.roster.idcard import IdNumberError, parse_id_number
from app.roster.phone import PhoneError, normalise_phone
from runtime.read.household import BuildingChoice, HouseholdDraft
from runtime.read.household_draft import ResidentDraft
from runtime.types import ResidenceType, StoreFailure, Tag
from widgets.households.stored_phone import StoredPhone
from widgets.households.tags import tag_colour, tag_text
from widgets.jobs import Jobs
from widgets.plain_text import plain

SAVE_JOB = "save"
RELATIONS = ("户主", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "租户", "其他")


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterEdit", text)


def _checked(parse: Callable[[str], object], field: str, text: str) -> str:
    """The roster parser's reason for `text`, with the field's English; empty when it is fine."""
    try:
        parse(text)
    except (IdNumberError, PhoneError) as error:
        return f"{error.reason} ({FIELD_ENGLISH[field]})"
    return ""


class FormDialog(QDialog):
    """Fields with an error line under each, 保存 / 取消, and saving off the GUI thread."""

    def __init__(self, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterEditDialog")
        self.setMinimumWidth(520)
        self._jobs = jobs
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.errors: dict[str, QLabel] = {}
        self.status = QLabel()
        plain(self.status)
        self.status.setObjectName("dialogError")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # the dialog grows when error lines appear instead of squeezing the fields
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        """A row for the field and, under it, its (hidden until needed) error line."""
        error = QLabel()
        plain(error)
        error.setObjectName("dialogError")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        cell = QWidget()
        cell.setObjectName("formCell")
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, cell)

    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is None:  # a refusal about the record as a whole
            self.status.setText(message)
            return
        label.setText(message)
        label.setVisible(bool(message))
        self.adjustSize()  # a wrapped error line needs height the form layout does not ask for

    def clear_errors(self) -> None:
        for key in self.errors:
            self.show_error(key, "")
        self.status.clear()

    def save(self) -> None:
        """Check what can be checked here, then write off the GUI thread."""
        self.clear_errors()
        local = self.local_problems()
        for key, message in local.items():
            self.show_error(key, message)
        if local:
            return
        self.buttons.setEnabled(False)
        self.status.setText(tr("正在保存…"))
        self._jobs.submit(SAVE_JOB, self.write_work(), self._saved, self._refused)

    def local_problems(self) -> dict[str, str]:
        return {}

    def write_work(self) -> Callable[[], object]:
        raise NotImplementedError

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.status.clear()
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.clear()
        if isinstance(error, RosterEditError):
            for key, message in error.problems.items():
                self.show_error(key, message)
        elif isinstance(error, StoreFailure):
            self.status.setText(tr("数据库暂时无法写入, 已录入的内容保留, 请稍后再保存"))
        else:
            self.status.setText(tr("保存失败：{error}").replace("{error}", str(error)[:160]))


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(300)
    return edit


class HouseholdDialog(FormDialog):
    """新增住户 / 编辑住户: where the household lives, how, and whom to call in an emergency."""

    def __init__(
        self,
        jobs: Jobs,
        buildings: list[BuildingChoice],
        write: Callable[[HouseholdForm], object],
        draft: HouseholdDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self._write = write
        self.setWindowTitle(tr("编辑住户") if draft else tr("新增住户"))
        self.building = QComboBox()
        for choice in buildings:
            self.building.addItem(f"{choice.name}  {choice.address}", choice.building_id)
        self.unit = _line(draft.unit if draft else "", tr("如 1"))
        self.room = _line(draft.room if draft else "", tr("如 101"))
        self.residence = QComboBox()
        for kind in ResidenceType:
            self.residence.addItem(QCoreApplication.translate("Residence", kind.zh), kind.value)
        self.contact = _line(draft.emergency_contact if draft else "", tr("姓名"))
        masked = draft.masked_emergency_phone if draft else ""
        self.contact_phone = _line("", masked + tr("（留空不变）") if masked else tr("手机或 区号-号码"))
        self.contact_phone_box = StoredPhone(self.contact_phone) if masked else None
        self.note = _line(draft.note if draft else "")
        if draft is not None:
            self.building.setCurrentIndex(max(self.building.findData(draft.building_id), 0))
            self.residence.setCurrentIndex(max(self.residence.findData(draft.residence_type), 0))
        for key, label, widget in (
            ("building", tr("楼栋"), self.building),
            ("unit", tr("单元"), self.unit),
            ("room", tr("房号"), self.room),
            ("residence_type", tr("居住类型"), self.residence),
            ("emergency_contact", tr("紧急联系人"), self.contact),
            ("emergency_phone", tr("紧急联系电话"), self.contact_phone_box or self.contact_phone),
            ("note", tr("备注"), self.note),
        ):
            self.add_field(key, label, widget)
        self.contact_phone.editingFinished.connect(self._check_phone)

    def _check_phone(self) -> None:
        text = self.contact_phone.text().strip()
        self.show_error("emergency_phone", _checked(normalise_phone, "emergency_phone", text) if text else "")

    def local_problems(self) -> dict[str, str]:
        text = self.contact_phone.text().strip()
        problem = _checked(normalise_phone, "emergency_phone", text) if text else ""
        return {"emergency_phone": problem} if problem else {}

    def household_form(self) -> HouseholdForm:
        box = self.contact_phone_box
        return HouseholdForm(
            building_id=int(self.building.currentData() or 0),
            unit=self.unit.text(),
            room=self.room.text(),
            residence_type=str(self.residence.currentData()),
            emergency_contact=self.contact.text(),
            emergency_phone=box.form_value() if box else self.contact_phone.text().strip(),
            note=self.note.text(),
        )

    def write_work(self) -> Callable[[], object]:
        form, write = self.household_form(), self._write
        return lambda: write(form)


class TagToggles(QWidget):
    """One checkable chip per tag, in the tag's colour when on."""

    def __init__(self, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        tags = list(Tag)
        for start in range(0, len(tags), 4):
            row = QHBoxLayout()
            row.setSpacing(6)
            for tag in tags[start : start + 4]:
                button = QPushButton(tag_text(tag.value))
                button.setCheckable(True)
                button.setChecked(tag.value in chosen)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setStyleSheet(
                    "QPushButton { border: 1px solid #3a4a63; border-radius: 10px; padding: 2px 10px;"
                    " color: #8fa3bf; background: transparent; }"
                    f" QPushButton:checked {{ background: {tag_colour(tag.value)}; color: #ffffff;"
                    f" border-color: {tag_colour(tag.value)}; }}"
                )
                self.buttons[tag.value] = button
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)

    def chosen(self) -> frozenset[str]:
        return frozenset(tag for tag, button in self.buttons.items() if button.isChecked())


class ResidentDialog(FormDialog):
    """新增居民 / 编辑居民 in one household; sex and birth date come from the ID number."""

    def __init__(
        self,
        jobs: Jobs,
        address: str,
        write: Callable[[ResidentForm], object],
        draft: ResidentDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self._write = write
        self._existing = draft is not None
        self.setWindowTitle(tr("编辑居民") if draft else tr("新增居民"))
        where = QLabel(address)
        plain(where)
        where.setObjectName("dialogMessage")
        self.name = _line(draft.name if draft else "")
        keep = tr("（留空不变）")
        self.id_number = _line(
            "", draft.masked_id + keep if draft and draft.masked_id else tr("18 位身份证号")
        )
        self.id_number.setMaxLength(24)
        self.phone = _line(
            "", draft.masked_phone + keep if draft and draft.masked_phone else tr("手机或 区号-号码")
        )
        self.phone_box = StoredPhone(self.phone) if draft and draft.masked_phone else None
        self.relation = QComboBox()
        self.relation.setEditable(True)
        for relation in RELATIONS:  # shown in the window's language, stored in Chinese
            self.relation.addItem(tr(relation), relation)
        relation = draft.relation if draft and draft.relation else ""
        self.relation.setCurrentText(tr(relation) if relation in RELATIONS else relation)
        self.health = _line(draft.health_note if draft else "")
        self.tags = TagToggles(draft.tags if draft else ())
        self.form.addRow(tr("住户"), where)
        for key, label, widget in (
            ("name", tr("姓名"), self.name),
            ("id_number", tr("身份证号"), self.id_number),
            ("phone", tr("联系电话"), self.phone_box or self.phone),
            ("relation", tr("与户主关系"), self.relation),
            ("health_note", tr("健康状况"), self.health),
            ("tags", tr("人员类别"), self.tags),
        ):
            self.add_field(key, label, widget)
        self.id_number.editingFinished.connect(lambda: self._check("id_number"))
        self.phone.editingFinished.connect(lambda: self._check("phone"))

    def _problem(self, key: str) -> str:
        edit, parse = (
            (self.id_number, parse_id_number) if key == "id_number" else (self.phone, normalise_phone)
        )
        text = edit.text().strip()
        if not text:
            needed = key == "id_number" and not self._existing
            missing = tr("缺少身份证号")
            return f"{missing} ({FIELD_ENGLISH[key]})" if needed else ""
        return _checked(parse, key, text)

    def _check(self, key: str) -> None:
        edit = self.id_number if key == "id_number" else self.phone
        if edit.text().strip():  # an untouched empty field is not scolded before saving
            self.show_error(key, self._problem(key))

    def local_problems(self) -> dict[str, str]:
        problems = {key: self._problem(key) for key in ("id_number", "phone")}
        if not self.name.text().strip():
            missing = tr("缺少姓名")
            problems["name"] = f"{missing} ({FIELD_ENGLISH['name']})"
        return {key: message for key, message in problems.items() if message}

    def _relation(self) -> str:
        """The chosen relation as stored (户主, 配偶…), or what the person typed."""
        index = self.relation.findText(self.relation.currentText())
        return self.relation.itemData(index) if index >= 0 else self.relation.currentText()

    def resident_form(self) -> ResidentForm:
        box = self.phone_box
        return ResidentForm(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=box.form_value() if box else self.phone.text().strip(),
            relation=self._relation(),
            health_note=self.health.text(),
            tags=self.tags.chosen(),
        )

    def write_work(self) -> Callable[[], object]:
        form, write = self.resident_form(), self._write
        return lambda: write(form)
