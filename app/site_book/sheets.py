"""The workbook's sheets and columns: what the template writes, the reader expects and the export fills.

Headers are Chinese, exactly as offices write them; each header cell carries its English name in a
comment, and the reader accepts either.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models import DutyRole
from app.models.devices import SENSOR_KINDS, SENSOR_PROTOCOLS

YES, NO = "是", "否"
PASSWORD_KEPT = "******"  # written instead of a stored password; read back as "keep it"
PASSWORD_CLEARED = "无"  # removes a stored password
DUTY_SEPARATOR = "、"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    width: float = 12
    required: bool = False
    choices: tuple[str, ...] = ()  # a drop-down in the template
    strict: bool = True  # Excel refuses other values (False: warns, e.g. several duties in one cell)
    text: bool = False  # a text cell (phones, codes): Excel must not turn it into a number


@dataclass(frozen=True)
class SheetSpec:
    title: str
    en: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


YES_NO = (YES, NO)
DUTY_WORDS = tuple(role.zh for role in DutyRole)

BUILDINGS = SheetSpec(
    "楼栋",
    "buildings",
    (
        Column("name", "楼栋名称", "building name", 14, required=True),
        Column("address", "地址", "address (the building's key)", 36, required=True),
        Column("grid_code", "微网格编码", "micro-grid code", 16, required=True, text=True),
        Column("floors", "层数", "floors", 8),
        Column("units", "单元数", "units (entrances)", 8),
        Column("lon", "经度", "longitude (WGS-84)", 12),
        Column("lat", "纬度", "latitude (WGS-84)", 12),
    ),
)
PEOPLE = SheetSpec(
    "人员",
    "people",
    (
        Column("name", "姓名", "name", 10, required=True),
        Column("phone", "手机", "mobile phone (the person's key)", 15, required=True, text=True),
        Column("title", "职务", "job title", 16),
        Column("party_member", "党员", "party member (是/否)", 8, choices=YES_NO),
        Column("grid_code", "网格编码", "grid code of the duty", 16, text=True),
        Column("duties", "职责", "duties, several separated by 、", 18, choices=DUTY_WORDS, strict=False),
    ),
)
CAMERAS = SheetSpec(
    "摄像机",
    "cameras",
    (
        Column("name", "名称", "camera name (the camera's key)", 18, required=True),
        Column("grid_code", "网格编码", "grid code", 16, required=True, text=True),
        Column("lon", "经度", "longitude (WGS-84)", 12),
        Column("lat", "纬度", "latitude (WGS-84)", 12),
        Column("bearing", "朝向", "bearing, degrees clockwise from north", 8),
        Column("main_url", "主码流地址", "main stream URL", 40, required=True),
        Column("sub_url", "子码流地址", "sub-stream URL", 40),
        Column("username", "用户名", "user name", 12),
        Column("password", "密码", f"password ({PASSWORD_KEPT} keeps the stored one)", 12),
        Column("ai_enabled", "智能分析", "AI analysis (是/否)", 10, choices=YES_NO),
    ),
)
SENSORS = SheetSpec(
    "传感器",
    "sensors",
    (
        Column("code", "编码", "device code (the sensor's key)", 18, required=True, text=True),
        Column("protocol", "协议", "protocol", 10, required=True, choices=SENSOR_PROTOCOLS),
        Column("kind", "类型", "kind", 10, required=True, choices=SENSOR_KINDS),
        Column("household", "住户地址", "household address", 40, required=True),
    ),
)
SHEETS = (BUILDINGS, PEOPLE, CAMERAS, SENSORS)
GUIDE_TITLE = "说明"
