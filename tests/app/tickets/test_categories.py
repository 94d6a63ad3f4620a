"""The shipped category tree and the errors of a hand-edited file."""

from __future__ import annotations

import json

import pytest

from app.tickets.categories import CategoryError, Limit, load_categories, parse_categories


def test_defaults_cover_the_three_services_and_urban_management():
    book = load_categories()
    groups = {c.group_name for c in book}
    assert {
        "便民服务",
        "综合治理",
        "老人关怀",
        "公用设施",
        "道路交通",
        "市容环境",
        "园林绿化",
        "突发事件",
    } <= groups
    assert {c.case_type.value for c in book} == {"即办件", "承诺件", "协调件"}
    bm03 = book["BM03"]
    assert bm03.limit(3) == Limit(1, "d") and bm03.limit(1) == Limit(4, "h")
    assert book["TF01"].natural_clock and not book["SR01"].natural_clock


def test_the_user_file_overrides_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))
    (tmp_path / "categories.json").write_text(
        json.dumps(
            {
                "groups": [
                    {
                        "code": "X",
                        "name": "自定义",
                        "children": [{"code": "X1", "name": "测试", "case_type": "承诺件", "limit": "2d"}],
                    }
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    book = load_categories()
    assert list(book.categories) == ["X1"] and book["X1"].limit(0) == Limit(2, "d")


def test_every_error_of_a_bad_file_is_reported_with_its_entry():
    document = {
        "groups": [
            {
                "code": "X",
                "name": "组",
                "children": [
                    {"code": "A", "name": "a", "case_type": "承诺件", "limit": "3 weeks"},
                    {"code": "B", "name": "b", "case_type": "加急件", "limit": "1d"},
                    {"code": "C", "name": "c", "case_type": "即办件", "limit": "1d", "limits": {"5": "1h"}},
                    {"code": "D", "name": "d", "case_type": "即办件", "limit": "1d"},
                    {"code": "D", "name": "d2", "case_type": "即办件", "limit": "1d"},
                ],
            }
        ]
    }
    with pytest.raises(CategoryError) as caught:
        parse_categories(document, "cats.json")
    message = str(caught.value)
    for expected in (
        "children[0] A",
        "3 weeks",
        "children[1] B",
        "加急件",
        "children[2] C",
        "level",
        "duplicate",
    ):
        assert expected in message
