"""`ai models | detect | enrol | forget | events` through main(), on a config naming the test models."""

from __future__ import annotations

import json

import cv2
import pytest

from main import main
from tests.video.ai.clips import astronaut, cameraman
from tests.video.ai.conftest import TEST_MATCH_THRESHOLD, add_resident
from tests.video.ai.real_faces import photo


@pytest.fixture
def site(tmp_path, monkeypatch, model_dir, sqlite_db, cli_user):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    cli_user(sqlite_db.url)
    config = tmp_path / "ai.toml"
    config.write_text(
        f'[face_detector]\ntype = "mtcnn"\nmin_face_size = 40\n'
        f'[recogniser]\nmodel = "{model_dir / "test_sface.onnx"}"\nmatch_threshold = {TEST_MATCH_THRESHOLD}\n'
        f"[tracking]\nmin_faces = 1\n",
        encoding="utf-8",
    )
    photos = {}
    for name, image in (
        ("astronaut", astronaut()),
        ("cameraman", cameraman()),
        ("obama", photo("obama.jpg")),
    ):
        photos[name] = tmp_path / f"{name}.png"
        cv2.imwrite(str(photos[name]), image)
    return {"config": str(config), "db": sqlite_db.url, "photos": photos, "tmp": tmp_path}


def run(site, *args) -> int:
    return main(["ai", "--config", site["config"], *args, "--db", site["db"]])


def test_models_lists_what_loads_and_fails_on_a_missing_file(site, capsys, tmp_path):
    assert run(site, "models") == 0
    assert "OK   人脸检测 face detection: mtcnn" in capsys.readouterr().out
    broken = tmp_path / "broken.toml"
    broken.write_text('[person_detector]\ntype = "yolo"\nmodel = "/nowhere/yolov8n.onnx"\n', encoding="utf-8")
    assert main(["ai", "--config", str(broken), "models", "--db", site["db"]]) == 1
    assert "FAIL 人体检测 person detection: yolo — 模型文件不存在" in capsys.readouterr().out


def test_a_config_with_an_unknown_key_is_a_plain_error(site, capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[tracking]\nmin_face = 3\n", encoding="utf-8")
    assert main(["ai", "--config", str(bad), "models", "--db", site["db"]]) == 2
    assert "unknown key(s) in [tracking]: min_face" in capsys.readouterr().err


def test_enrol_detect_and_forget(site, capsys, sqlite_db):
    resident = add_resident(sqlite_db)
    assert (
        run(
            site,
            "enrol",
            "--person",
            str(resident),
            str(site["photos"]["astronaut"]),
            "--consent",
            "书面签字",
        )
        == 0
    )
    assert "已录入" in capsys.readouterr().out

    assert run(site, "detect", str(site["photos"]["astronaut"]), "--json") == 0
    (frame,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (track,) = frame["tracks"]
    assert track["label"] == "resident" and len(track["landmarks"]) == 5

    assert run(site, "detect", str(site["photos"]["obama"]), "--json") == 0
    (frame,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [t["label"] for t in frame["tracks"]] == ["stranger"]
    assert run(site, "detect", str(site["photos"]["cameraman"]), "--json") == 0
    (frame,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [t["label"] for t in frame["tracks"]] == ["pending"]  # turned aside: not recognised at all

    assert run(site, "gallery") == 0
    assert f"resident {resident}  templates 1  consent" in capsys.readouterr().out

    assert run(site, "forget", "--person", str(resident)) == 0
    assert "templates 1" in capsys.readouterr().out
    assert run(site, "forget", "--person", str(resident)) == 2
    assert "没有" in capsys.readouterr().err


def test_enrol_refuses_blank_consent_and_unreadable_photos(site, capsys, sqlite_db):
    resident = add_resident(sqlite_db)
    assert (
        run(site, "enrol", "--person", str(resident), str(site["photos"]["astronaut"]), "--consent", " ") == 2
    )
    assert "同意" in capsys.readouterr().err
    missing = site["tmp"] / "missing.jpg"
    assert run(site, "enrol", "--person", str(resident), str(missing), "--consent", "书面签字") == 2
    assert "无法读取照片" in capsys.readouterr().err


def test_detect_on_a_video_file(site, capsys, tmp_path):
    from tests.video.ai.clips import face_clip

    path = tmp_path / "clip.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 5, (640, 360))
    for clip_frame in face_clip(8):
        writer.write(clip_frame.image)
    writer.release()
    assert run(site, "detect", str(path), "--json", "--frames", "8") == 0
    frames = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(frames) == 8
    assert sum(1 for f in frames if [t for t in f["tracks"] if t["kind"] == "face"]) >= 7


def test_zones_from_the_command_line(site, capsys, sqlite_db):
    from tests.video.ai.conftest import add_camera

    add_camera(sqlite_db, 17)
    assert run(site, "zone", "add", "--camera", "17", "--name", "禁入区", "0.5,0.5", "1,0.5", "1,1") == 0
    assert run(site, "zone", "add", "--camera", "17", "--name", "x", "0.5,1.5", "1,0.5", "1,1") == 2
    assert run(site, "zone", "add", "--camera", "99", "--name", "x", "0.5,0.5", "1,0.5", "1,1") == 2
    assert (
        run(site, "zone", "add", "--camera", "17", "--name", "仓库", "--rule", "night", "0,0", "1,0", "1,1")
        == 0
    )
    capsys.readouterr()
    assert run(site, "zone", "list", "--camera", "17") == 0
    assert capsys.readouterr().out.strip().splitlines() == [
        "禁入区 [forbidden]: 0.5,0.5 1,0.5 1,1",
        "仓库 [night]: 0,0 1,0 1,1",
    ]
