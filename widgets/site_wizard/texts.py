"""The wizard's words: one translation context, and the labels of what a step writes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from runtime.site_setup import StepReport


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteSetup", text)


def _count_label(key: str) -> str:
    labels = {
        "grids_created": tr("新增网格"),
        "grids_updated": tr("更新网格"),
        "grids_unchanged": tr("未变网格"),
        "buildings_created": tr("新增楼栋"),
        "buildings_updated": tr("更新楼栋"),
        "buildings_added": tr("新增楼栋"),
        "buildings_unchanged": tr("未变楼栋"),
        "people_added": tr("新增人员"),
        "people_updated": tr("更新人员"),
        "people_unchanged": tr("未变人员"),
        "cameras_added": tr("新增摄像机"),
        "cameras_updated": tr("更新摄像机"),
        "cameras_unchanged": tr("未变摄像机"),
        "sensors_added": tr("新增传感器"),
        "sensors_updated": tr("更新传感器"),
        "sensors_unchanged": tr("未变传感器"),
        "sensors_pending": tr("其中待绑定住户的传感器"),
        "residents": tr("居民"),
        "households_created": tr("新增住户"),
    }
    return labels.get(key, key)


def counts_text(report: StepReport) -> str:
    """'新增网格 9, 新增楼栋 2': the counts that are not zero, in the core's order."""
    shown = [f"{_count_label(key)} {value}" for key, value in report.counts.items() if value]
    return ", ".join(shown) if shown else tr("没有需要写入的内容")


def step_titles() -> dict[str, str]:
    return {"grids": tr("网格与楼栋"), "workbook": tr("人员与职责"), "roster": tr("居民花名册")}
