"""`site template`: the four sheets with their exact headers, English comments, drop-downs and 说明."""

from __future__ import annotations

from openpyxl import load_workbook

import main
from app.models.devices import SENSOR_KINDS

HEADERS = {
    "楼栋": ["楼栋名称", "地址", "微网格编码", "层数", "单元数", "经度", "纬度"],
    "人员": ["姓名", "手机", "职务", "党员", "网格编码", "职责"],
    "摄像机": [
        "名称",
        "网格编码",
        "经度",
        "纬度",
        "朝向",
        "主码流地址",
        "子码流地址",
        "用户名",
        "密码",
        "智能分析",
    ],
    "传感器": ["编码", "协议", "类型", "住户地址"],
}


def _validations(sheet) -> dict[str, str]:
    """Column letter -> the list formula of the drop-down that covers it."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = validation.formula1
    return found


def test_template_has_the_sheets_headers_comments_and_drop_downs(tmp_path, capsys):
    path = tmp_path / "site.xlsx"
    assert main.main(["site", "template", str(path)]) == 0
    assert "template written" in capsys.readouterr().out
    book = load_workbook(path)
    assert book.sheetnames == ["楼栋", "人员", "摄像机", "传感器", "说明"]
    for title, headers in HEADERS.items():
        sheet = book[title]
        assert [c.value for c in sheet[1]] == headers
        english = [c.comment.text.split(" (")[0] for c in sheet[1]]
        assert all(text and text[0].isascii() and text[0].isalpha() for text in english), english
        assert sheet.max_row == 1
    assert book["人员"]["B1"].comment.text.startswith("mobile phone")
    people, cameras, sensors = (
        _validations(book["人员"]),
        _validations(book["摄像机"]),
        _validations(book["传感器"]),
    )
    assert people["D"] == '"是,否"' and cameras["J"] == '"是,否"'
    assert people["F"] == '"网格长,网格员,包联县级领导,值班长,社区民警,志愿者,楼栋长,微网格员"'
    assert sensors["B"] == '"rf433,zigbee"'
    assert sensors["C"] == '"' + ",".join(SENSOR_KINDS) + '"'
    guide = "\n".join(str(c.value) for c in book["说明"]["A"] if c.value)
    assert "--skip-invalid" in guide and "******" in guide


def test_template_refuses_another_extension(tmp_path, capsys):
    assert main.main(["site", "template", str(tmp_path / "site.csv")]) != 0
    assert ".xlsx" in capsys.readouterr().err
