"""The household card: address, people with their tags, paired party member, grid chain, visits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from runtime.read.household import Contact
from runtime.read.household import HouseholdCard as HouseholdCardData
from runtime.types import GridLevel
from widgets.households.tags import TagChips
from widgets.theme import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdCard", text)


def _label(text: str, name: str = "fieldValue", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes as typed: never HTML, never an image
    label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _wrapped(text: str) -> QLabel:
    label = _label(text)
    label.setWordWrap(True)
    return label


class Section(QFrame):
    """A titled box of the card."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSection")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(8)
        heading = _label(title, "sectionTitle")
        outer.addWidget(heading)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(6)
        outer.addLayout(self.grid)

    def add_row(self, *cells: QWidget | str, stretch_last: bool = True) -> None:
        row = self.grid.rowCount()
        for column, cell in enumerate(cells):
            widget = _label(cell) if isinstance(cell, str) else cell
            self.grid.addWidget(widget, row, column)
        if stretch_last:
            self.grid.setColumnStretch(len(cells) - 1, 1)

    def add_wide(self, widget: QWidget) -> None:
        """A widget across the whole section, on its own line."""
        self.grid.addWidget(widget, self.grid.rowCount(), 0, 1, -1)

    def add_note(self, text: str) -> None:
        """A muted line across the whole section."""
        note = _label(text, "fieldName", selectable=True)
        note.setWordWrap(True)
        self.add_wide(note)


def _contact_text(contact: Contact) -> str:
    role = QCoreApplication.translate("Roles", contact.role_zh)
    return f"{role}  {contact.name}  {contact.phone or ''}".rstrip()


class HouseholdCard(QScrollArea):
    """Shows one household; empty until `show_household()` is called.

    ID numbers, phones and health notes are masked; the reveal button asks the owner (who asks why and
    audits it) for the full card.
    """

    reveal_requested = Signal(int)
    visit_requested = Signal(int, str)  # household id, address: open the visit form
    visits_requested = Signal(int, str)  # the household's visit list

    def __init__(self, parent: QWidget | None = None, *, may_reveal: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("householdCard")
        self.may_reveal = may_reveal  # the signed-in user's REVEAL_PERSONAL_DATA: no button without it
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines wrap instead
        self.data: HouseholdCardData | None = None
        self.reveal_button: QPushButton | None = None
        self.visit_button: QPushButton | None = None
        self.visit_list_button: QPushButton | None = None
        self._render()

    def show_household(self, data: HouseholdCardData | None) -> None:
        self.data = data
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        self.reveal_button = self.visit_button = self.visit_list_button = None
        content = QWidget()
        content.setObjectName("cardContent")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        if self.data is None:
            empty = _label(tr("选择一位居民，查看其家庭信息"), "cardEmpty")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(empty)
            layout.addStretch(2)
        else:
            self._fill(layout, self.data)
            layout.addStretch(1)
        self.setWidget(content)

    def _fill(self, layout: QVBoxLayout, data: HouseholdCardData) -> None:
        self._fill_header(layout, data)

        people = Section(tr("家庭成员（{n}人）").replace("{n}", str(len(data.members))))
        for member in data.members:
            age = tr("{n}岁").replace("{n}", str(member.age)) if member.age is not None else ""
            people.add_row(
                _label(member.name, "personName"),
                tr(member.sex) if member.sex else "",
                age,
                QCoreApplication.translate("Relations", member.relation) if member.relation else "",
            )
            if member.tags:
                people.add_wide(TagChips(member.tags))
            numbers = "    ".join(text for text in (member.id_text, member.phone_text) if text)
            people.add_note(numbers)
        if not data.members:
            people.add_note(tr("暂无登记人员"))
        layout.addWidget(people)

        pairing = Section(tr("联户党员"))
        for contact in data.pairings:
            pairing.add_row(_label(contact.name, "personName"), contact.phone or "")
        if not data.pairings:
            pairing.add_note(tr("尚未结对"))
        layout.addWidget(pairing)

        chain = Section(tr("网格责任链"))
        for link in data.chain:
            level = QCoreApplication.translate("Grid", GridLevel(link.level).zh)
            contacts = "\n".join(_contact_text(c) for c in link.contacts) or tr("未配置责任人")
            contacts_label = _label(contacts, selectable=True)
            contacts_label.setWordWrap(True)
            chain.add_row(_label(level, "fieldName"), _label(link.name, "personName"), contacts_label)
        if not data.chain:
            chain.add_note(tr("楼栋未划入网格"))
        layout.addWidget(chain)

        emergency = Section(tr("紧急联系人"))
        if data.emergency_contact or data.emergency_phone:
            emergency.add_row(_label(data.emergency_contact, "personName"), data.emergency_phone)
        else:
            emergency.add_note(tr("未登记"))
        layout.addWidget(emergency)

        visits = self._visits_section(data)
        layout.addWidget(visits)

    def _fill_header(self, layout: QVBoxLayout, data: HouseholdCardData) -> None:
        """The address with its residence type, then the building, the household number and the reveal."""
        header = QHBoxLayout()
        home = QLabel()
        home.setPixmap(icon("home", "#2f8cff").pixmap(QSize(28, 28)))
        home.setStyleSheet("background: transparent;")
        header.addWidget(home)
        title = _label(data.address, "cardTitle", selectable=True)
        title.setWordWrap(True)
        header.addWidget(title, 1)
        badge = _label(QCoreApplication.translate("Residence", data.residence_type_zh), "badge")
        header.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        subtitle = QHBoxLayout()
        subtitle.addWidget(_label(f"{data.building} · {tr('户编号')} {data.household_id}", "cardSubtitle"), 1)
        if data.revealed:
            subtitle.addWidget(_label(tr("已显示完整信息（已记入审计日志）"), "cardSubtitle"))
        elif self.may_reveal:
            self.reveal_button = QPushButton(tr("显示完整号码"))
            self.reveal_button.setObjectName("revealButton")
            self.reveal_button.setToolTip(tr("显示身份证号、电话与健康状况全文，此操作记入审计日志"))
            self.reveal_button.clicked.connect(lambda: self.reveal_requested.emit(data.household_id))
            subtitle.addWidget(self.reveal_button)
        layout.addLayout(subtitle)

    def _visits_section(self, data: HouseholdCardData) -> Section:
        """The recent visits, under the buttons that record one and list them all."""
        visits = Section(tr("近期走访"))
        visit_button = QPushButton(tr("走访"))
        visit_button.setObjectName("visitButton")
        visit_button.setToolTip(tr("登记一次入户走访；走访发现可直接转为工单"))
        visit_button.clicked.connect(lambda: self.visit_requested.emit(data.household_id, data.address))
        list_button = QPushButton(tr("走访记录"))
        list_button.setObjectName("visitListButton")
        list_button.clicked.connect(lambda: self.visits_requested.emit(data.household_id, data.address))
        buttons = QHBoxLayout()
        buttons.addWidget(visit_button)
        buttons.addWidget(list_button)
        buttons.addStretch(1)
        row = QWidget()
        row.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        visits.add_wide(row)
        self.visit_button, self.visit_list_button = visit_button, list_button
        for visit in data.visits:
            visits.add_row(
                _label(visit.at.strftime("%Y-%m-%d"), "fieldName"),
                _label(visit.visitor, "personName"),
                _wrapped(visit.note),
            )
        if not data.visits:
            visits.add_note(tr("暂无走访记录"))
        return visits
