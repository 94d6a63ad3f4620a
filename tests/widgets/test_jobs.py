"""A panel's worker: work runs off the Qt thread, and only the newest answer for a key is delivered."""

from __future__ import annotations

import threading

import pytest
import shiboken6

from widgets.jobs import Jobs

pytestmark = pytest.mark.gui


def test_work_runs_off_the_qt_thread_and_answers_on_it(qtbot):
    jobs = Jobs()
    ran_on, answered_on = [], []
    jobs.submit(
        "k",
        lambda: ran_on.append(threading.current_thread()) or 42,
        lambda result: answered_on.append((threading.current_thread(), result)),
    )
    qtbot.waitUntil(lambda: bool(answered_on), timeout=5_000)
    assert ran_on[0] is not threading.main_thread()
    assert answered_on == [(threading.main_thread(), 42)]


def test_a_newer_job_with_the_same_key_supersedes_the_older(qtbot):
    jobs = Jobs()
    gate = threading.Event()
    started, delivered = [], []

    def slow(n):
        def work():
            started.append(n)
            gate.wait(5)
            return n

        return work

    for n in range(5):  # typing five characters quickly
        jobs.submit("search", slow(n), delivered.append)
    jobs.submit("other", lambda: "kept", delivered.append)
    gate.set()
    qtbot.waitUntil(lambda: not jobs.busy(), timeout=5_000)
    assert delivered == [4, "kept"] or delivered == ["kept", 4]
    assert started[-1] == 4 and len(started) <= 2  # at most the first had begun; the stale rest never ran


def test_a_failure_reaches_the_failed_callback(qtbot):
    jobs = Jobs()
    errors = []
    jobs.submit("k", lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_finished_jobs_leave_no_stale_wrapper_for_later_qt_objects(qtbot):
    """A job's runnable is freed by the pool; a Qt object later built at its address keeps its own type.

    With runnables from QRunnable.create() about 3% of new tables got a stale QRunnable wrapper as
    their selection model (the ticket dock then failed to open).
    """
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QTableView

    jobs = Jobs()
    wrong = []
    for round_ in range(2000):
        for _ in range(3):
            jobs.submit("k", lambda: None, lambda _r: None)
        jobs.wait()
        table = QTableView()
        table.setModel(QStringListModel(table))
        if not hasattr(table.selectionModel(), "selectionChanged"):
            wrong.append(type(table.selectionModel()).__name__)
        table.deleteLater()
        if round_ % 50 == 0:  # free the tables now and then, so addresses are reused as in a long session
            QApplication.processEvents()
    assert wrong == []


def test_an_answer_for_a_closed_dialog_is_dropped_not_raised(qtbot):
    """A dialog sharing its panel's pool is closed and deleted while its preview is still being computed:
    the answer must not reach the dialog's deleted label (it raised "QLabel already deleted" before),
    while an answer for a dialog still open arrives."""
    from PySide6.QtWidgets import QDialog, QLabel

    jobs = Jobs()
    closed, still_open = QDialog(), QDialog()
    closed_label, open_label = QLabel(closed), QLabel(still_open)
    gate = threading.Event()
    for key, label, owner in (("closed", closed_label, closed), ("open", open_label, still_open)):
        jobs.submit(
            key, lambda: gate.wait(5) and "答复", lambda text, label=label: label.setText(text), owner=owner
        )
    closed.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(closed), timeout=5_000)
    gate.set()
    qtbot.waitUntil(lambda: not jobs.busy(), timeout=5_000)
    assert open_label.text() == "答复"
