"""Every file of a site stays with the site: with --data-dir or --db nothing goes to the user data folder.

Real processes run with HOME pointed at a fresh folder and no GCC_DATA_DIR, as on an operator's PC.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.config import APP_NAME, site_folder, user_data_folder
from tests.runtime.processes import ROOT


@pytest.fixture
def home(tmp_path, monkeypatch) -> dict[str, str]:
    """The environment of a fresh user account: its own HOME, no data folder override."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "GCC_DATA_DIR"}
    env |= {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    return env


def _app_files_in(home: Path) -> list[Path]:
    """Whatever the program left anywhere under HOME (Qt's and fontconfig's own caches aside)."""
    return [p for p in home.rglob("*") if APP_NAME in str(p.relative_to(home))]


def _run(args: list[str], env: dict[str, str], timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
@pytest.mark.gui
def test_a_demo_window_with_a_data_dir_keeps_everything_there(home, tmp_path):
    site = tmp_path / "幸福里站点"
    shot = _run(["gui", "--demo", "--data-dir", str(site), "--screenshot", str(tmp_path / "shot.png")], home)
    assert shot.returncode == 0, shot.stderr
    assert (site / "demo.sqlite").is_file() and (site / "demo_media").is_dir()
    window = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gui", "--demo", "--data-dir", str(site), "--no-keeper"],
        cwd=ROOT,
        env=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not (site / "logs" / "gui.log").exists() and time.monotonic() < deadline:
            assert window.poll() is None, "the window ended early"
            time.sleep(0.5)
        assert (site / "logs" / "gui.log").exists()
    finally:
        window.terminate()
        window.wait(30)
    assert _app_files_in(Path(home["HOME"])) == []


@pytest.mark.slow
def test_commands_on_a_db_file_write_beside_it(home, tmp_path):
    folder = tmp_path / "东城站点"
    url = f"sqlite:///{folder / 'site.sqlite'}"
    folder.mkdir()
    built = _run(["db", "upgrade", "--db", url], home)
    assert built.returncode == 0, built.stderr
    serve = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--db", url, "--claim-every", "0.5"],
        cwd=ROOT,
        env=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (folder / "logs" / "serve.log").exists() and time.monotonic() < deadline:
            assert serve.poll() is None, "serve ended early"
            time.sleep(0.3)
    finally:
        serve.terminate()
        serve.wait(30)
    assert (folder / "logs" / "serve.log").is_file()  # the site's log beside its database
    assert _app_files_in(Path(home["HOME"])) == []


def test_the_sites_folder_is_chosen_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.delenv("GCC_DATA_DIR", raising=False)
    assert site_folder(f"sqlite:///{tmp_path / 'a' / 'site.sqlite'}", None) == tmp_path / "a"
    assert site_folder(f"sqlite:///{tmp_path / 'a' / 'site.sqlite'}", tmp_path / "b") == tmp_path / "b"
    assert site_folder(None, str(tmp_path / "c")) == tmp_path / "c"
    assert site_folder(None, None) is None  # nothing names a site: the user data folder
    assert site_folder("sqlite://", None) is None  # a database in memory has no folder
    on_pg = site_folder("postgresql://gcc:secret@db.example:5432/dongcheng", None)
    assert on_pg == user_data_folder() / "sites" / "db.example-5432-dongcheng"  # one folder per database
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "env"))
    assert site_folder(f"sqlite:///{tmp_path / 'a' / 'site.sqlite'}", None) == tmp_path / "env"
