"""`clips export` from the command line burns in the same watermark band as the window's 导出 (site,
camera, event time, who exported it and when) in the site's language or `--lang`, audited with the
line; (the original bytes with `--original` and its SHA-256: test_clip_processes); a seat without the
export permission is refused and nothing is written."""

from __future__ import annotations

import json
import subprocess

import av
import numpy as np
from sqlalchemy import select

from app.config import Seat
from app.models.audit import AuditEntry
from app.site_settings import LANGUAGE, SITE_NAME, write_setting
from tests.video.clips.site import add_clip, site_with_cameras
from tests.video.clips.test_clip_processes import clips_command


def _probe(path) -> dict:
    return json.loads(
        subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def _first_rgb(path) -> np.ndarray:
    with av.open(str(path)) as container:
        return next(container.decode(video=0)).to_ndarray(format="rgb24").astype(int)


def _audits(db) -> list[dict]:
    with db.session() as session:
        rows = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "clip.export").order_by(AuditEntry.id)
        ).all()
    return [json.loads(row) for row in rows]


def test_the_command_lines_export_is_watermarked_in_the_sites_language_or_the_one_asked(
    sqlite_db, clip, tmp_path, cli_user
):
    _, cameras = site_with_cameras(sqlite_db, "rtsp://127.0.0.1:1/none")
    cli_user(sqlite_db.url)
    with sqlite_db.session() as session:
        write_setting(session, Seat(), SITE_NAME, "幸福里社区")
        write_setting(session, Seat(), LANGUAGE, "en")
    clip_id = add_clip(sqlite_db, tmp_path / "clips", clip, cameras["near"], 0)

    in_english = clips_command(sqlite_db, "export", str(clip_id), str(tmp_path / "en.mp4"))
    assert in_english.returncode == 0, in_english.stderr
    assert "with its watermark" in in_english.stdout
    in_chinese = clips_command(sqlite_db, "export", str(clip_id), str(tmp_path), "--lang", "zh_CN")
    assert in_chinese.returncode == 0, in_chinese.stderr

    for name, words in (("en.mp4", "event"), (f"clip-{clip_id}.mp4", "事件")):
        probe = _probe(tmp_path / name)
        stream, comment = probe["streams"][0], probe["format"]["tags"]["comment"]
        assert stream["codec_name"] == "h264" and (stream["width"], stream["height"]) == (320, 180)
        assert f"幸福里社区 · 东门 · {words} " in comment and "测试管理员" in comment
        before, after = _first_rgb(clip), _first_rgb(tmp_path / name)
        assert np.abs(after[-14:] - before[-14:]).mean() > 20  # the band is burnt in
        assert np.abs(after[:100] - before[:100]).mean() < 6
    # the band's text is drawn: its white letters are there, not only the dark band
    assert _first_rgb(tmp_path / "en.mp4")[-14:].max() > 200
    lines = [entry["watermark"] for entry in _audits(sqlite_db)]
    assert "exported by 测试管理员" in lines[0] and "导出 测试管理员" in lines[1]


def test_a_seat_without_the_export_permission_writes_nothing(sqlite_db, clip, tmp_path, cli_user):
    _, cameras = site_with_cameras(sqlite_db, "rtsp://127.0.0.1:1/none")
    clip_id = add_clip(sqlite_db, tmp_path / "clips", clip, cameras["near"], 0)
    cli_user(sqlite_db.url, name="值班员", role="operator")
    for extra in ((), ("--original",)):
        refused = clips_command(sqlite_db, "export", str(clip_id), str(tmp_path / "x.mp4"), *extra)
        assert refused.returncode != 0 and not (tmp_path / "x.mp4").exists()
    assert _audits(sqlite_db) == []


def test_an_export_to_a_missing_folder_says_so(sqlite_db, clip, tmp_path, cli_user):
    _, cameras = site_with_cameras(sqlite_db, "rtsp://127.0.0.1:1/none")
    cli_user(sqlite_db.url)
    clip_id = add_clip(sqlite_db, tmp_path / "clips", clip, cameras["near"], 0)
    answer = clips_command(sqlite_db, "export", str(clip_id), str(tmp_path / "missing" / "x.mp4"))
    assert answer.returncode != 0 and "文件夹不存在" in answer.stderr
    assert _audits(sqlite_db) == []
