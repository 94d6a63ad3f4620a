"""The grid-work pickers are read on the dialog's worker: the box says it is reading and cannot be used
until the answer comes; the wanted choice is then made (its listeners told once); an answer for a box
already closed is dropped."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QComboBox

from widgets.grid_work.picker_load import fill_later
from widgets.jobs import Jobs

pytestmark = pytest.mark.gui


class SlowRead:
    """Choices handed out only when the test says so, noting the thread that read them."""

    def __init__(self, choices) -> None:
        self.choices, self.go, self.thread = choices, threading.Event(), None

    def __call__(self):
        self.thread = threading.current_thread()
        assert self.go.wait(10)
        return self.choices


def test_the_box_reads_off_the_gui_thread_and_chooses_what_was_wanted(qtbot):
    jobs, box = Jobs(), QComboBox()
    qtbot.addWidget(box)
    box.addItem("全站", None)
    heard = []
    box.currentIndexChanged.connect(lambda index: heard.append(box.itemData(index)))
    read = SlowRead([("一号网格", "G1"), ("二号网格", "G2")])
    fill_later(jobs, box, "grid-choices", read, wanted="G2")
    assert (box.isEnabled(), box.currentText(), box.count()) == (False, "正在读取…", 1)
    read.go.set()
    qtbot.waitUntil(box.isEnabled, timeout=10000)
    assert read.thread is not threading.main_thread()
    assert [box.itemText(i) for i in range(box.count())] == ["全站", "一号网格", "二号网格"]
    assert (box.currentData(), heard) == ("G2", ["G2"])


def test_a_box_of_read_choices_only_starts_on_the_first_and_a_failure_is_said(qtbot):
    jobs, box, errors = Jobs(), QComboBox(), []
    qtbot.addWidget(box)
    fill_later(jobs, box, "grid-choices", lambda: [("朗悦佳苑", "C1")])
    qtbot.waitUntil(box.isEnabled, timeout=10000)
    assert (box.count(), box.currentData()) == (1, "C1")

    def broken():
        raise RuntimeError("数据库暂不可用")

    other = QComboBox()
    qtbot.addWidget(other)
    fill_later(jobs, other, "people-choices", broken, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert other.isEnabled() and other.count() == 0 and "数据库暂不可用" in str(errors[0])


def test_an_answer_for_a_closed_dialog_is_dropped(qtbot):
    jobs, box = Jobs(), QComboBox()
    box.addItem("全站", None)
    read = SlowRead([("一号网格", "G1")])
    fill_later(jobs, box, "grid-choices", read)
    box.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=10000)
    read.go.set()
    assert jobs.wait(10000)
    qtbot.wait(50)  # the answer's delivery runs, and finds its box gone
    assert not jobs.busy()
