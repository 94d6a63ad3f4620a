"""Which gallery entries were enrolled with another recognition model and must be enrolled again.

A template is a vector of one model: after the recogniser changes (a new default, another file), the
old templates cannot be compared with new faces, so those people would be seen as strangers. This
finds them, for `ai models`, `ai gallery` and the site's start-up log.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.store import Database
from video.ai.records import FaceSubject, FaceTemplate


@dataclass(frozen=True)
class StaleSubject:
    subject_id: int
    list_name: str
    resident_id: int | None
    label: str
    models: tuple[str, ...]  # the models its templates were made with (none of them the current one)


def stale_subjects(db: Database, model_tag: str) -> list[StaleSubject]:
    """Subjects without any template of `model_tag` (the recogniser now in use)."""
    with db.session() as session:
        rows = session.execute(
            select(
                FaceSubject.id,
                FaceSubject.list_name,
                FaceSubject.resident_id,
                FaceSubject.label,
                FaceTemplate.model,
            )
            .join(FaceTemplate)
            .order_by(FaceSubject.id)
        ).all()
    models: dict[int, set[str]] = {}
    about: dict[int, tuple[str, int | None, str]] = {}
    for sid, list_name, resident_id, label, model in rows:
        models.setdefault(sid, set()).add(model)
        about[sid] = (list_name, resident_id, label)
    return [
        StaleSubject(sid, *about[sid], tuple(sorted(tags)))
        for sid, tags in models.items()
        if model_tag not in tags
    ]


def re_enrol_notice(stale: list[StaleSubject], model_tag: str) -> str:
    """What to tell the office, with the commands that fix it ("" when nothing is stale)."""
    if not stale:
        return ""
    residents = [s.resident_id for s in stale if s.resident_id is not None]
    watch = [s.subject_id for s in stale if s.resident_id is None]
    lines = [
        f"{len(stale)} 人的人脸模板由其他模型生成，须重新录入后才能识别 "
        f"{len(stale)} people were enrolled with another model and are not recognised until re-enrolled "
        f"(current model {model_tag}):"
    ]
    if residents:
        shown = ", ".join(str(r) for r in residents[:20]) + (" …" if len(residents) > 20 else "")
        lines.append(f"  居民 residents {shown}: ai enrol --person ID PHOTO --consent 方式")
    if watch:
        shown = ", ".join(str(s) for s in watch[:20]) + (" …" if len(watch) > 20 else "")
        lines.append(
            f"  布控 watch-list subjects {shown}: ai forget --subject ID, then ai enrol --watchlist LABEL PHOTO"
        )
    return "\n".join(lines)
