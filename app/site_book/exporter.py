"""Writing the site workbook: the empty template, and the export of the site that imports back to the
same site. Camera passwords are never written: a stored one shows as ******, which the import reads
as "keep the stored password"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import audit
from app.config import Seat
from app.models import DutyRole
from app.models.devices import SENSOR_KIND_ZH
from app.site_book import buildings, cameras, people, sensors
from app.site_book.carried_passwords import PasswordSealer, passphrase_problem
from app.site_book.common import GridIndex
from app.site_book.problems import SiteBookError
from app.site_book.sheets import BUILDINGS, CAMERAS, PASSWORD_CLEARED, PASSWORD_KEPT, PEOPLE, SENSORS
from app.site_book.workbook import write_workbook
from app.store import Database

GUIDE = (
    "站点工作簿 填写说明 (Site workbook: how to fill it in)",
    "",
    "每个工作表第 1 行是表头, 请勿修改表头文字; 鼠标停在表头上可看到英文说明。从第 2 行起每行一条。",
    "导入: main.py import-site 文件.xlsx — 先检查所有行, 任何一行有误则不写入任何数据, 并一次列出所有错误"
    " (工作表、行号、列名); 加 --skip-invalid 则导入无误的行、跳过有误的行。",
    "重复导入是安全的: 楼栋按 地址、人员按 手机、摄像机按 名称、传感器按 编码 识别, 已有的更新, 没有的新增,"
    " 相同的不变; 导入后会列出每个工作表 新增/更新/不变 的数量。文件中没有的数据不会被删除。",
    "",
    "楼栋: 地址 唯一标识一栋楼; 微网格编码 为该楼所在的微网格 (或三级网格) 编码; 经纬度 (WGS-84) 可留空,"
    " 留空时取网格中心; 层数、单元数 留空时新楼取 6 层 2 单元, 已有的楼保持不变。",
    "人员: 手机 (11 位手机号) 唯一标识一人; 职责 可选: "
    + "、".join(r.zh for r in DutyRole)
    + "; 一人在多个网格有职责时每个网格写一行, 同一网格多个职责可用 、 分隔。"
    " 导入后此人的职责即为文件中所写的全部职责。党员 填 是/否。",
    "摄像机: 名称 唯一标识一台; 朝向 为正北顺时针角度 (0-360); 主码流地址 如 rtsp://192.168.1.64:554/Streaming/Channels/101。",
    f"摄像机密码加密保存, 导出时显示为 {PASSWORD_KEPT}: 留空或保留 {PASSWORD_KEPT} 表示不修改已保存的密码,"
    f" 填 {PASSWORD_CLEARED} 表示清除密码。写在地址中的 用户名:密码@ 会移到 用户名/密码 列, 不以明文保存。",
    "迁移到新数据库时, 用 export-site --passwords 导出: 密码以您设定的口令加密 (以 gcc-sealed: 开头),"
    " 在新站点用 import-site --passwords 并输入同一口令导入; 请勿修改这些单元格或摄像机名称。",
    "传感器: 编码 为 433 MHz 遥控码 (6 位十六进制, 如 A1B2C3) 或 Zigbee 设备名; 协议: rf433 / zigbee;"
    " 类型: " + "、".join(f"{k} ({zh})" for k, zh in SENSOR_KIND_ZH.items()) + "。",
    "住户地址 应能唯一确定一户, 如 幸福路1号3号楼1单元101室 (与花名册导出的地址一致); 楼栋须已存在"
    " (来自网格的微网格或本工作簿的 楼栋 表)。该户尚未登记时传感器照样保存为 待绑定, 导入花名册或新增该住户后"
    "自动绑定; 待绑定的传感器报警时仍会报出此地址。请核对地址: 写错的房号会一直待绑定 (设置 → 传感器 中可见)。",
    "",
    "以 = + - @ 开头的内容按文字保存, 不会作为公式执行; 单元格中的公式会被拒绝, 请粘贴为数值。",
)


@dataclass(frozen=True)
class SiteExportReport:
    path: Path
    counts: dict[str, int]
    replaced: int = 0  # control characters replaced by U+FFFD in the texts


def write_template(path: Path) -> None:
    """An empty workbook: the four sheets' headers, their drop-downs, and the 说明 sheet."""
    _check_suffix(path)
    write_workbook(path, {}, GUIDE)


def export_site(
    db: Database, path: Path, passphrase: str | None = None, seat: Seat | None = None
) -> SiteExportReport:
    """The site's buildings, people and duties, cameras and sensors, in the layout the import reads.

    With a passphrase the camera passwords are carried, sealed with it, for a site that does not hold
    them yet (carried_passwords.py); without one they show as ******. The people sheet carries every
    grid worker's mobile number: the export is recorded as a bulk read.
    """
    _check_suffix(path)
    if passphrase is not None and (problem := passphrase_problem(passphrase)):
        raise SiteBookError(problem)
    sealer = PasswordSealer(passphrase) if passphrase is not None else None
    with db.session() as session:
        grids = GridIndex.load(session)
        rows = {
            BUILDINGS.title: buildings.export_rows(session, grids),
            PEOPLE.title: people.export_rows(session, grids),
            CAMERAS.title: cameras.export_rows(session, grids, sealer),
            SENSORS.title: sensors.export_rows(session),
        }
    replaced = write_workbook(path, rows, GUIDE)
    counts = {title: len(sheet_rows) for title, sheet_rows in rows.items()}
    with db.session() as session:
        audit.record(
            session, seat or Seat(), "export_site", "site", None, file=Path(path).name, counts=counts
        )
    return SiteExportReport(Path(path), counts, replaced)


def _check_suffix(path: Path) -> None:
    if Path(path).suffix.lower() != ".xlsx":
        raise SiteBookError(
            f"文件 {Path(path).name}: 站点工作簿应保存为 .xlsx (the site workbook is an .xlsx file)"
        )
