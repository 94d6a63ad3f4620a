"""`ai models | detect | enrol | forget | watchlist | gallery | zone | events`: the AI from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import av
import cv2
import numpy as np

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.config import Seat, data_dir
from app.store import Database
from app.store.announce import announced
from video.ai import config as ai_config
from video.ai import provenance
from video.ai.consent import DEFAULT_SCOPE, SELF, Consent, ConsentError, check_consent
from video.ai.crypto import TemplateKeyError
from video.ai.events import KINDS, recent_events
from video.ai.gallery import EnrolmentError, FaceGallery, gallery_subjects
from video.ai.models import AiModels
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.service import InferenceService
from video.ai.template_models import re_enrol_notice, stale_subjects
from video.ai.types import FrameAnalysis
from video.ai.watchlist import WatchlistError, add_to_watchlist, remove_from_watchlist
from video.ai.zone_commands import add_zone_commands

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ai", help="人脸与人体识别 AI on the camera wall")
    parser.add_argument(
        "--config", type=Path, default=None, help="AI settings file (default: ai.toml in the data folder)"
    )
    sub = parser.add_subparsers(dest="ai_command", required=True)

    sub.add_parser("models", help="what is configured and whether it loads").set_defaults(handler=_models)

    detect = sub.add_parser("detect", help="detections and labels per frame of an image, file or URL")
    detect.add_argument("source", help="image, video file, rtsp://, http:// or demo://scene/<k>")
    detect.add_argument("--json", action="store_true", help="one JSON object per analysed frame")
    detect.add_argument("--frames", type=int, default=50, help="stop after this many analysed frames")
    detect.set_defaults(handler=_detect)

    _add_enrol(sub)

    watch = sub.add_parser("watchlist", help="put an enrolled resident on the watch list, or take them off")
    watch_sub = watch.add_subparsers(dest="watchlist_command", required=True)
    for name, helptext in (("add", "列入重点人员名单 put on the watch list"), ("remove", "移出 take off it")):
        move = watch_sub.add_parser(name, help=helptext + " (audited)")
        move.add_argument("person", type=int, help="resident id")
        move.add_argument("--reason", required=True, help="理由 why (recorded in the audit)")
        move.set_defaults(handler=_watchlist, permission=Permission.MANAGE_FACES)

    forget = sub.add_parser("forget", help="delete all face data of a person (audited)")
    target = forget.add_mutually_exclusive_group(required=True)
    target.add_argument("--person", type=int, help="resident id")
    target.add_argument("--subject", type=int, help="gallery subject id (watch-list entries)")
    forget.set_defaults(handler=_forget, permission=Permission.MANAGE_FACES)

    listing = sub.add_parser("gallery", help="the residents and watch-list entries with face data")
    listing.add_argument("--list", choices=("resident", "watchlist"), dest="list_name")
    listing.set_defaults(handler=_gallery_list, permission=Permission.MANAGE_FACES)

    add_zone_commands(sub)

    events = sub.add_parser("events", help="the stored AI events, newest first")
    events.add_argument("--limit", type=int, default=20)
    events.add_argument("--kind", choices=sorted(KINDS))
    events.set_defaults(handler=_events)


def _add_enrol(sub: argparse._SubParsersAction) -> None:
    """ai enrol: a face from a photo, with the consent it was given under."""
    enrol = sub.add_parser("enrol", help="enrol a face from a photo (needs the person's consent)")
    who = enrol.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", type=int, help="resident id (enrolled on the resident list)")
    who.add_argument("--watchlist", metavar="LABEL", help="a watch-list entry under this label (no resident)")
    enrol.add_argument("photo", type=Path)
    enrol.add_argument(
        "--consent", required=True, help="同意方式 how: 书面 / 口头 / 电子 (e.g. '书面签字 编号 031')"
    )
    enrol.add_argument(
        "--consent-date",
        type=date.fromisoformat,
        default=None,
        help="YYYY-MM-DD, not after today (default today)",
    )
    enrol.add_argument(
        "--scope", default=DEFAULT_SCOPE, help=f"同意范围 what was agreed (default {DEFAULT_SCOPE})"
    )
    enrol.add_argument("--given-by", default=SELF, help="同意人: 本人, or the guardian's name")
    enrol.add_argument("--recorded-by", default="", help="记录人 who took the consent down (default: you)")
    enrol.add_argument("--reason", default="", help="列入重点人员名单的理由 (with --watchlist)")
    enrol.set_defaults(handler=_enrol, permission=Permission.MANAGE_FACES)


def _config(args: argparse.Namespace) -> ai_config.AiConfig:
    try:
        return ai_config.load(args.config or data_dir() / "ai.toml")
    except ai_config.AiConfigError as error:
        raise CommandError(str(error)) from error


def _models(args: argparse.Namespace) -> int:
    config = _config(args)
    models = AiModels.load(config, SessionCache())
    for status in models.status:
        mark = "OK  " if status.loaded else "FAIL"
        line = f"{mark} {status.job}: {status.configured}"
        print(line + (f" — {status.message}" if status.message else ""))
    if models.recogniser is not None:
        print(
            f"     识别阈值 match threshold {models.recogniser.match_threshold:g} ({models.recogniser.model_tag})"
        )
    if config.recogniser.kind() == "none":
        print("--   人脸识别 face recognition: 已关闭 switched off (recogniser.type = none)")
    if models.mask is not None:
        print(f"     口罩阈值 mask threshold {config.mask.threshold:g}")
    if not config.mask.enabled:
        print("--   口罩识别 mask: 已关闭 switched off (mask.enabled = false)")
    print("模型文件 model files (resources/models/LICENSES.md):")
    for model in provenance.MODEL_FILES:
        print(f"  {model.job} {model.name} — {model.source()} — {model.licence}")
        print(f"    sha256 {model.sha256} {provenance.check(model)}")
    if models.recogniser is not None:
        tag = models.recogniser.model_tag
        try:
            notice = re_enrol_notice(stale_subjects(open_database(args.db), tag), tag)
        except CommandError as error:  # the models are still worth reporting without the database
            notice = f"--   无法检查人脸库 cannot check the gallery's templates: {error}"
        if notice:
            print(notice)
    return 0 if all(s.loaded for s in models.status) else 1


def _gallery(db: Database, config: ai_config.AiConfig, seat: Seat, *, create_key: bool) -> FaceGallery:
    try:
        gallery = FaceGallery.of_site(
            db, seat, data_dir(), create_key=create_key, keep_raw_images=config.keep_raw_images
        )
        gallery.reload()
    except TemplateKeyError as error:
        raise CommandError(str(error)) from error
    return gallery


def _strict_models(config: ai_config.AiConfig, *, need_recogniser: bool) -> AiModels:
    try:
        models = AiModels.load(config, SessionCache(), strict=True)
    except (ModelLoadError, ai_config.AiConfigError) as error:
        raise CommandError(str(error)) from error
    if models.face is None:
        raise CommandError("未配置人脸检测器 no face detector configured (face_detector.type)")
    if need_recogniser and models.recogniser is None:
        raise CommandError("人脸识别已关闭 face recognition is switched off (recogniser.type = none)")
    return models


def _frames(source: str, limit_s: float) -> Iterator[tuple[np.ndarray, float]]:
    """BGR frames with their time in seconds: one for an image, the decoded stream otherwise."""
    if Path(source).suffix.lower() in IMAGE_SUFFIXES:
        image = cv2.imread(source)
        if image is None:
            raise CommandError(f"无法读取图片 cannot read image: {source}")
        yield image, 0.0
        return
    if source.lower().startswith("demo://"):
        from video.demo_scenes import scene_path
        from video.sources import parse_demo_url

        source = str(scene_path(parse_demo_url(source)))
    try:
        container = av.open(source, timeout=10)
    except (av.error.FFmpegError, OSError) as error:
        raise CommandError(f"无法打开视频 cannot open {source}: {error}") from error
    with container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            t = float(frame.time or 0.0)
            if t > limit_s:
                return
            yield frame.to_ndarray(format="bgr24"), t


def _detect(args: argparse.Namespace) -> int:
    config = _config(args)
    models = _strict_models(config, need_recogniser=False)
    gallery = None
    if models.recogniser is not None:
        try:  # a seat without the site secret still detects, it just recognises no one
            gallery = _gallery(open_database(args.db), config, args.seat, create_key=False)
        except CommandError as error:
            print(f"人脸库不可用 no gallery: {error}", file=sys.stderr)
    service = InferenceService(config, models, gallery=gallery, workers=1)
    service.add_camera(0)
    seen = 0
    for frame, t in _frames(args.source, limit_s=args.frames / config.detect_fps + 1):
        result = service.process(0, frame, t)
        if result is None:
            continue
        print(json.dumps(_as_json(result), ensure_ascii=False) if args.json else _as_text(result))
        seen += 1
        if seen >= args.frames:
            break
    service.close()
    return 0


def _as_json(result: FrameAnalysis) -> dict:
    return {
        "time": round(result.timestamp, 3),
        "size": list(result.frame_size),
        "tracks": [
            {
                "track": t.track_id,
                "kind": t.kind,
                "box": [round(v, 1) for v in (t.box.x1, t.box.y1, t.box.x2, t.box.y2)],
                "label": t.identity.value,
                "subject": t.subject_id,
                "mask": t.mask.value,
                "landmarks": [[round(x, 1), round(y, 1)] for x, y in t.landmarks],
            }
            for t in result.tracks
        ],
    }


def _as_text(result: FrameAnalysis) -> str:
    parts = [f"{t.kind}#{t.track_id} {t.identity.zh} {t.box.as_int()}" for t in result.tracks]
    return f"{result.timestamp:7.2f}s  " + ("; ".join(parts) if parts else "—")


def _enrol(args: argparse.Namespace) -> int:
    try:  # the consent first: a bad one is refused before any model or photo is loaded
        consent = check_consent(
            Consent(
                args.consent_date or date.today(), args.consent, args.scope, args.given_by, args.recorded_by
            ),
            date.today(),
        )
    except ConsentError as error:
        raise CommandError(f"同意记录有误，拒绝录入: {error}") from error
    if args.watchlist and len(args.reason.strip()) < 2:
        raise CommandError("列入重点人员名单须说明理由: --reason (a watch-list entry needs a reason)")
    config = _config(args)
    models = _strict_models(config, need_recogniser=True)
    photo = cv2.imread(str(args.photo))
    if photo is None:
        raise CommandError(f"无法读取照片 cannot read photo: {args.photo}")
    gallery = _gallery(open_database(args.db), config, args.seat, create_key=True)
    list_name = "watchlist" if args.watchlist else "resident"
    try:
        subject = gallery.enrol(
            photo,
            consent,
            models.face,
            models.recogniser,
            resident_id=args.person,
            list_name=list_name,
            label=args.watchlist or "",
            note=args.reason.strip() if args.watchlist else "",
        )
    except EnrolmentError as error:
        raise CommandError(str(error)) from error
    print(f"已录入 enrolled: subject {subject} ({list_name})")
    return 0


def _watchlist(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    move = add_to_watchlist if args.watchlist_command == "add" else remove_from_watchlist
    try:
        with announced(db) as hub:  # running galleries reload the subject's list
            subject = move(db, args.seat, args.person, args.reason, hub)
    except WatchlistError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    where = "重点人员名单 watch list" if args.watchlist_command == "add" else "居民名单 resident list"
    print(f"居民 {args.person} (subject {subject}) → {where}")
    return 0


def _forget(args: argparse.Namespace) -> int:
    config = _config(args)
    gallery = _gallery(open_database(args.db), config, args.seat, create_key=False)
    subject = args.subject if args.subject is not None else gallery.subject_for_resident(args.person)
    if subject is None:
        raise CommandError(f"人脸库中没有此居民 resident {args.person} has no face data")
    try:
        removed = gallery.forget(subject)
    except EnrolmentError as error:
        raise CommandError(str(error)) from error
    print("已删除 deleted: " + ", ".join(f"{k} {v}" for k, v in removed.items()))
    return 0


def _gallery_list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    subjects = gallery_subjects(db, args.list_name)  # nothing decrypted: no key needed
    if not subjects:
        print("人脸库为空 the gallery is empty")
        return 0
    stale, notice = _stale(_config(args), db)
    for s in subjects:
        who = f"resident {s.resident_id}" if s.resident_id is not None else s.label
        mark = "  需重新录入 re-enrol" if s.subject_id in stale else ""
        print(
            f"#{s.subject_id} {s.list_name:9} {who}  templates {s.templates}  consent {s.consent_on} {s.consent_method}"
            + mark
        )
    if notice:
        print(notice)
    return 0


def _stale(config: ai_config.AiConfig, db: Database) -> tuple[set[int], str]:
    """Subjects enrolled with another model than the configured recogniser's, and what to do about it."""
    try:
        recogniser = _strict_models(config, need_recogniser=True).recogniser
    except CommandError:
        return set(), ""  # no recogniser to compare with: nothing can be called stale
    stale = stale_subjects(db, recogniser.model_tag)
    return {s.subject_id for s in stale}, re_enrol_notice(stale, recogniser.model_tag)


def _events(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    for event in recent_events(db, args.limit, args.kind):
        urgent = "!" if event.urgent else " "
        where = f" zone={event.zone}" if event.zone else ""
        print(
            f"{urgent} {event.at:%Y-%m-%d %H:%M:%S} #{event.id} {KINDS[event.kind]} camera={event.camera_id}"
            f" track={event.track_id}{where}"
        )
    return 0
