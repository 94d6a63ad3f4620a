"""The read models of one site, one per area, built on first use and shared by every view of a seat.

Views hold a `ReadModels` (through the shell context) and ask it; they never open a session.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from app.context import SiteContext
from app.site_clock import SiteClock
from runtime.read.alarm_places import AlarmPlaces
from runtime.read.alarms import AlarmReads
from runtime.read.audit import AuditReads
from runtime.read.dashboard import DashboardReads
from runtime.read.grid_chain import GridChains
from runtime.read.grid_work import GridWorkReads
from runtime.read.health import HealthReads
from runtime.read.household import Households
from runtime.read.map import MapReads
from runtime.read.pairing import PairingReads
from runtime.read.reports import ReportReads
from runtime.read.sensors import SensorCatalogue
from runtime.read.stats import SiteStats
from runtime.read.tickets import TicketReads
from runtime.read.trends import TrendReads
from runtime.read.visit_coverage import VisitCoverageReads
from runtime.read.work import WorkReads

if TYPE_CHECKING:
    from runtime.read.ai import AiReads


class ReadModels:
    """Every area's reader for one site; an area's reader is built the first time a view asks for it."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    @property
    def clock(self) -> SiteClock:
        """The site's clock: every time a view shows is in the site's zone, not the computer's."""
        return self.site.clock

    @cached_property
    def map(self) -> MapReads:
        """The grid map: outlines, leaders, overlay counts and markers, a grid's facts, search."""
        return MapReads(self.site)

    @cached_property
    def stats(self) -> SiteStats:
        """The site's counts (统计), the open alarms (status bar) and the store's health."""
        return SiteStats(self.site)

    @cached_property
    def trends(self) -> TrendReads:
        """The statistics panel's charts: tickets per day, rest days and the three rates."""
        return TrendReads(self.site)

    @cached_property
    def dashboard(self) -> DashboardReads:
        """The wall dashboard (信息展示墙): the tree's size, today's tickets, the month's rates, nothing personal."""
        return DashboardReads(self.site, self.tickets.categories)

    @cached_property
    def health(self) -> HealthReads:
        """The statistics panel's alarm and device charts: alarms per day by kind with acknowledgement
        times, the list behind a day, camera availability and the sensors' health."""
        return HealthReads(self.site)

    @cached_property
    def reports(self) -> ReportReads:
        """Work reports (文件 → 导出报告) and each grid's SLA figures for the map's colouring."""
        return ReportReads(self.site)

    @cached_property
    def tickets(self) -> TicketReads:
        """The ticket dock: queues, a ticket's detail, statistics, grids and leaders, place lookups."""
        return TicketReads(self.site)

    @cached_property
    def alarms(self) -> AlarmReads:
        """The alarm list and history, the popup's card and addresses, learn mode, care rules."""
        return AlarmReads(self.site, self.households)

    @cached_property
    def ai(self) -> AiReads:
        """The AI dock: events, their pictures, cameras and zones, the face gallery."""
        # imported here: the AI's modules bring OpenCV and onnxruntime, which a seat loads only once
        # its AI dock opens (the dock itself is built lazily for the same reason)
        from runtime.read.ai import AiReads

        return AiReads(self.site, self.households)

    @cached_property
    def grid_chains(self) -> GridChains:
        """A grid's chain up to the street and who is on duty in it."""
        return GridChains(self.site)

    @cached_property
    def households(self) -> Households:
        """The roster search, the household card (roster and alarm popup) and household addresses."""
        return Households(self.site, self.grid_chains)

    @cached_property
    def sensors(self) -> SensorCatalogue:
        """The site's sensors with where they are and when they were last heard; the heard codes."""
        return SensorCatalogue(self.site)

    @cached_property
    def work(self) -> WorkReads:
        """The grid's own work: visits and their plan, work statistics, votes (totals only)."""
        return WorkReads(self.site)

    @cached_property
    def pairing(self) -> PairingReads:
        """Pairings (board, list, postcards) and the compounds' mutual-aid funds."""
        return PairingReads(self.site, self.grid_chains)

    @cached_property
    def grid_work(self) -> GridWorkReads:
        """The grid-work screens: votes and their voters, meetings, volunteer teams and hours, pickers."""
        return GridWorkReads(self.site)

    @cached_property
    def visit_coverage(self) -> VisitCoverageReads:
        """The map's 走访覆盖: households not visited in N days per building's grid."""
        return VisitCoverageReads(self.site)

    @cached_property
    def alarm_places(self) -> AlarmPlaces:
        """Where alarms are (address, device, grids): the kiosk wall's alarm overlay."""
        return AlarmPlaces(self.site)

    @cached_property
    def audit(self) -> AuditReads:
        """The audit log viewer (supervisors): entries, the chain's check, the export."""
        return AuditReads(self.site)
