"""Every model file is accounted for: LICENSES.md and `ai models` list it with licence and checksum."""

from __future__ import annotations

from main import main
from video.ai import provenance

LICENSES = provenance.MODELS_DIR / "LICENSES.md"


def test_licenses_md_lists_every_model_file_with_its_checksum():
    rows = [line for line in LICENSES.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    for model in provenance.MODEL_FILES:
        row = next((r for r in rows if f"| {model.name} |" in r), None)
        assert row is not None, f"{model.name} missing from LICENSES.md"
        assert model.sha256 in row and model.package in row


def test_installed_files_are_the_listed_ones():
    for model in provenance.MODEL_FILES:
        assert provenance.check(model) == "OK", model.name


def test_ai_models_prints_licences_and_checksums(capsys, tmp_path, monkeypatch, sqlite_db):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    assert main(["ai", "--config", str(tmp_path / "absent.toml"), "models", "--db", sqlite_db.url]) == 0
    out = capsys.readouterr().out
    assert (
        "OK   人脸识别 face recognition: dlib" in out
        and "match threshold 0.93" in out
        and "mask threshold 0.4" in out
    )
    for model in provenance.MODEL_FILES:
        assert f"sha256 {model.sha256} OK" in out and model.name in out


def test_a_changed_file_is_reported(tmp_path, monkeypatch):
    changed = tmp_path / "pnet.onnx"
    changed.write_bytes(b"not the weights")
    model = provenance.MODEL_FILES[0]
    monkeypatch.setattr(provenance.ModelFile, "path", lambda self: changed)
    assert provenance.check(model).startswith("校验和不符 checksum differs")
    monkeypatch.setattr(provenance.ModelFile, "path", lambda self: None)
    assert provenance.check(model) == "缺失 missing"
