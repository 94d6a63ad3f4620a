"""Where the problem is: a household from the roster, a building, or a point (typed, or clicked on the map).

Searches run on the dock's worker; the lists show masked phones and ID numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from runtime.read.tickets import BuildingHit, HouseholdHit, TicketReads
from widgets.households.model import short_address
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250
RESULTS = 30
HOUSEHOLD, BUILDING, POINT = 0, 1, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


@dataclass(frozen=True)
class PlaceChoice:
    """What the intake needs: exactly one of household, building or lon/lat; the label for the form."""

    household_id: int | None = None
    building_id: int | None = None
    lon: float | None = None
    lat: float | None = None
    label: str = ""


def household_text(hit: HouseholdHit) -> str:
    """Two lines: who (masked phone and ID), then the household's address without city and district."""
    who = "  ".join(p for p in (hit.name, hit.phone_masked, hit.id_masked) if p)
    return f"{who}\n{short_address(hit.address)}"


class _SearchList(QWidget):
    """A search box over a result list; the query runs `SEARCH_DELAY_MS` after the last keystroke."""

    picked = Signal()

    def __init__(self, placeholder: str, empty_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAlternatingRowColors(True)  # two-line entries stay apart
        self.results.setSpacing(1)
        self.results.itemSelectionChanged.connect(self.picked.emit)
        self.hint = QLabel(empty_hint)
        plain(self.hint)
        self.hint.setObjectName("placeHint")
        self.hint.setWordWrap(True)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)

    def show_results(self, rows: list[tuple[int, str, str]], none_text: str) -> None:
        """(id, text, tooltip) rows; the first is selected when it is the only one."""
        self.results.clear()
        for item_id, text, tip in rows:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, item_id)
            item.setToolTip(literal_html(tip))
            self.results.addItem(item)
        if len(rows) == 1:
            self.results.setCurrentRow(0)
        self.hint.setText(none_text if not rows else tr("共 {0} 条，选择一条").format(len(rows)))

    def chosen(self) -> tuple[int, str] | None:
        items = self.results.selectedItems()
        return (items[0].data(ID_ROLE), items[0].text()) if items else None


class PlacePicker(QWidget):
    changed = Signal()

    def __init__(
        self,
        places: TicketReads,
        jobs: Jobs,
        point: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.places = places
        self.jobs = jobs
        self.households = _SearchList(
            tr("姓名、地址或电话，如 张 / 3号楼1单元 / 1380000"), tr("输入后在住户名册中查找")
        )
        self.households.timer.timeout.connect(self._search_households)
        self.buildings = _SearchList(tr("楼栋名称或地址，如 幸福小区1号楼"), tr("输入后查找楼栋"))
        self.buildings.timer.timeout.connect(self._search_buildings)
        self.lon = QLineEdit()
        self.lat = QLineEdit()
        for edit, low, high, example in ((self.lon, -180, 180, "113.6250"), (self.lat, -90, 90, "34.7460")):
            validator = QDoubleValidator(low, high, 7, edit)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            edit.setValidator(validator)
            edit.setPlaceholderText(tr("如 ") + example)
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.point_hint = QLabel(tr("WGS-84 经纬度（度）"))
        self.point_hint.setObjectName("placeHint")
        self.point_hint.setWordWrap(True)
        point_page = QWidget()
        form = QFormLayout(point_page)
        form.setContentsMargins(6, 6, 6, 6)
        form.addRow(tr("经度"), self.lon)
        form.addRow(tr("纬度"), self.lat)
        form.addRow(self.point_hint)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.households, tr("按住户"))
        self.tabs.addTab(self.buildings, tr("按楼栋"))
        self.tabs.addTab(point_page, tr("按经纬度"))
        self.tabs.currentChanged.connect(lambda _i: self.changed.emit())
        self.households.picked.connect(self.changed.emit)
        self.buildings.picked.connect(self.changed.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        if point is not None:
            self.lon.setText(f"{point[0]:.6f}")
            self.lat.setText(f"{point[1]:.6f}")
            self.point_hint.setText(tr("已填入地图上点选的位置（WGS-84）"))
            self.tabs.setCurrentIndex(POINT)

    # --- searching ---------------------------------------------------------------------------------

    def _search_households(self) -> None:
        text, places = self.households.search.text().strip(), self.places
        if not text:
            self.jobs.cancel("intake.households")
            self.households.show_results([], tr("输入后在住户名册中查找"))
            return

        def arrived(hits: tuple[HouseholdHit, ...]) -> None:
            rows = [(h.household_id, household_text(h), h.address) for h in hits]
            self.households.show_results(rows, tr("名册中没有找到，可改用楼栋或经纬度"))

        self.households.hint.setText(tr("正在查找…"))
        self.jobs.submit(
            "intake.households",
            lambda: places.find_households(text, RESULTS),
            arrived,
            self._failed(self.households),
        )

    def _search_buildings(self) -> None:
        text, places = self.buildings.search.text().strip(), self.places
        if not text:
            self.jobs.cancel("intake.buildings")
            self.buildings.show_results([], tr("输入后查找楼栋"))
            return

        def arrived(hits: tuple[BuildingHit, ...]) -> None:
            rows = [
                (h.id, f"{h.address}（{h.name}）" if h.name not in h.address else h.address, h.address)
                for h in hits
            ]
            self.buildings.show_results(rows, tr("没有找到该楼栋"))

        self.buildings.hint.setText(tr("正在查找…"))
        self.jobs.submit(
            "intake.buildings",
            lambda: places.find_buildings(text, RESULTS),
            arrived,
            self._failed(self.buildings),
        )

    @staticmethod
    def _failed(target: _SearchList):
        return lambda error: target.hint.setText(tr("查找失败：") + str(error))

    # --- the choice --------------------------------------------------------------------------------

    def choice(self) -> PlaceChoice | str:
        """The chosen place, or why there is none (a message for the form)."""
        page = self.tabs.currentIndex()
        if page == HOUSEHOLD:
            chosen = self.households.chosen()
            if chosen is None:
                return tr("请搜索并在列表中选择住户，或改用楼栋、经纬度")
            return PlaceChoice(household_id=chosen[0], label=chosen[1])
        if page == BUILDING:
            chosen = self.buildings.chosen()
            if chosen is None:
                return tr("请搜索并在列表中选择楼栋")
            return PlaceChoice(building_id=chosen[0], label=chosen[1])
        lon_text, lat_text = self.lon.text().strip(), self.lat.text().strip()
        if not lon_text or not lat_text:
            return tr("请填写经度和纬度")
        try:
            lon, lat = float(lon_text), float(lat_text)
        except ValueError:
            return tr("经纬度应为数字，如 113.6250、34.7460")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return tr("经度应在 -180 到 180 之间，纬度在 -90 到 90 之间")
        return PlaceChoice(lon=lon, lat=lat, label=f"{lon:.6f}, {lat:.6f}")
