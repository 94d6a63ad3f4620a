"""The face gallery: enrolment with consent, encrypted templates, matching, complete deletion.

Rules it keeps: no enrolment without the person's separate consent, checked part by part
(`video.ai.consent`); enrolment never puts a resident on the watch list (that is its own audited step
with a reason, `video.ai.watchlist`); the template is encrypted under its subject's own key
(`video.ai.subject_keys`, wrapped with the site secret, so every seat of the site reads one gallery)
before it is stored; the enrolment photo is dropped unless the office switched
raw images on (then it is encrypted too); forgetting a person deletes every template, photo, consent
and event face crop linked to them, destroys their key (what the store may still hold of the deleted
rows cannot be decrypted), and writes an audit entry that holds no face data.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import cv2
import numpy as np
from sqlalchemy import select, update

from app.audit import record
from app.config import Seat
from app.events import Change, EventHub, GalleryChanged, Topic
from app.models import Resident
from app.store import Database
from video.ai.consent import Consent, ConsentError, check_consent
from video.ai.crypto import KEY_FILE_NAME
from video.ai.legacy_keys import adopt_seat_key
from video.ai.recognition import Recogniser
from video.ai.records import AiEvent, FaceConsent, FaceSubject, FaceTemplate
from video.ai.registry import Detector
from video.ai.subject_keys import SubjectKeys, scrub
from video.ai.types import Detection

LISTS = ("resident", "watchlist")
TOPIC = Topic.FACE_GALLERY  # announced after an enrolment or a deletion, so running galleries reload


class EnrolmentError(Exception):
    """Enrolment was refused; the message says why in words the operator can act on."""


@dataclass(frozen=True)
class SubjectSummary:
    """One line of the gallery list: who (by id, not by name), which list, what is held, the consent."""

    subject_id: int
    list_name: str
    resident_id: int | None
    label: str
    templates: int
    consent_on: date | None
    consent_method: str
    consent_recorded_by: str = ""
    note: str = ""  # why a watch-list entry is on the list


@dataclass(frozen=True)
class Match:
    subject_id: int | None
    list_name: str | None
    score: float


def choose_face(faces: list[Detection]) -> Detection:
    """The one clear face of an enrolment photo (with landmarks); refuses none, or several similar ones.

    A much smaller face in the background (under half the main face's area) does not count.
    """
    faces = sorted((f for f in faces if f.landmarks), key=lambda f: f.box.area, reverse=True)
    if not faces:
        raise EnrolmentError("照片中未找到人脸 no face found in the photo")
    if len(faces) > 1 and faces[1].box.area > 0.5 * faces[0].box.area:
        raise EnrolmentError(f"照片中有 {len(faces)} 张人脸，请用单人照片 the photo shows several faces")
    return faces[0]


class FaceGallery:
    """Enrols and forgets faces in the store and keeps a decrypted matrix in memory for matching."""

    def __init__(
        self,
        db: Database,
        keys: SubjectKeys,
        seat: Seat,
        *,
        keep_raw_images: bool = False,
        hub: EventHub | None = None,
    ) -> None:
        self.db = db
        self.keys = keys
        self.seat = seat
        self.keep_raw_images = keep_raw_images
        self.hub = hub  # when given, enrolments and deletions are announced under TOPIC
        self._lock = threading.Lock()
        # per model tag: the template matrix and its rows' (subject, list); vectors of different
        # models cannot be compared, so each recogniser matches only against its own templates
        self._by_model: dict[str, tuple[np.ndarray, list[tuple[int, str]]]] = {}
        self.unreadable = 0  # templates of an older gallery whose seat key file is elsewhere

    @classmethod
    def of_site(
        cls,
        db: Database,
        seat: Seat,
        folder: Path,
        *,
        create_key: bool = True,
        keep_raw_images: bool = False,
        hub: EventHub | None = None,
    ) -> FaceGallery:
        """The site's gallery with the site secret this seat holds in `folder` (TemplateKeyError
        saying what to copy when it holds none), after adopting an older per-seat key file there."""
        keys = SubjectKeys.of_site(db, folder, create=create_key)
        adopt_seat_key(db, keys, folder / KEY_FILE_NAME)
        return cls(db, keys, seat, keep_raw_images=keep_raw_images, hub=hub)

    def enrol(
        self,
        photo_bgr: np.ndarray,
        consent: Consent | None,
        detector: Detector,
        recogniser: Recogniser,
        *,
        resident_id: int | None = None,
        list_name: str = "resident",
        label: str = "",
        note: str = "",
    ) -> int:
        """Enrol the single clear face in a photo; returns the subject id."""
        consent = _checked(consent)
        _check_list(list_name, resident_id, note)
        face = choose_face(detector.detect(photo_bgr))
        vector = recogniser.embed(photo_bgr, face.landmarks)
        if vector is None:
            raise EnrolmentError("人脸无法对齐 the face could not be aligned")
        with self.db.session() as session:
            subject = self._subject(session, resident_id, list_name, label)
            if note:
                subject.note = note
            recorded_by = consent.recorded_by or self.seat.operator
            session.add(
                FaceConsent(
                    subject_id=subject.id,
                    given_on=consent.given_on,
                    method=consent.method,
                    form=consent.form.value,
                    scope=consent.scope,
                    given_by=consent.given_by,
                    recorded_by=recorded_by,
                )
            )
            raw_image_kept = self._add_template(session, subject.id, photo_bgr, vector, recogniser.model_tag)
            record(
                session,
                self.seat,
                "face.enrol",
                "face_subject",
                subject.id,
                list=list_name,
                resident_id=resident_id,
                consent_on=consent.given_on,
                consent_form=consent.form.value,
                consent_method=consent.method,
                consent_scope=consent.scope,
                consent_given_by=consent.given_by,
                consent_recorded_by=recorded_by,
                raw_image_kept=raw_image_kept,
            )
            subject_id = subject.id
        self.reload()
        self._announce(subject_id, "enrol")
        return subject_id

    def _add_template(
        self, session, subject_id: int, photo_bgr: np.ndarray, vector: np.ndarray, model: str
    ) -> bool:
        """The face's template, encrypted with the subject's key, and the photo too when the site keeps
        raw images; returns whether it kept the photo."""
        cipher = self.keys.cipher(session, subject_id, create=True)
        photo = None
        if self.keep_raw_images:
            ok, jpeg = cv2.imencode(".jpg", photo_bgr)
            photo = cipher.encrypt(jpeg.tobytes(), subject_id) if ok else None
        session.add(
            FaceTemplate(
                subject_id=subject_id,
                model=model,
                dimensions=int(vector.size),
                ciphertext=cipher.encrypt(vector.astype(np.float32).tobytes(), subject_id),
                photo_ciphertext=photo,
            )
        )
        return photo is not None

    def _subject(self, session, resident_id: int | None, list_name: str, label: str) -> FaceSubject:
        if resident_id is not None:
            if session.get(Resident, resident_id) is None:
                raise EnrolmentError(f"居民不存在 no resident with id {resident_id}")
            subject = session.scalar(select(FaceSubject).where(FaceSubject.resident_id == resident_id))
            if subject is not None:  # another template for the same person, on the list they are on
                return subject
        subject = FaceSubject(
            list_name=list_name, resident_id=resident_id, label=label, created_by=self.seat.operator
        )
        session.add(subject)
        session.flush()
        return subject

    def forget(self, subject_id: int) -> dict[str, int]:
        """Delete everything face-related about one subject; returns what was removed (also audited)."""
        with self.db.session() as session:
            subject = session.get(FaceSubject, subject_id)
            if subject is None:
                raise EnrolmentError(f"人脸库中没有此人 no face subject {subject_id}")
            removed = {
                "templates": len(subject.templates),
                "photos": sum(1 for t in subject.templates if t.photo_ciphertext is not None),
                "consents": len(subject.consents),
            }
            crops = session.execute(
                update(AiEvent)
                .where(AiEvent.subject_id == subject_id)
                .values(face_crop=None, snapshot=None, subject_id=None)
            )
            removed["event_images"] = crops.rowcount or 0
            record(
                session,
                self.seat,
                "face.forget",
                "face_subject",
                subject_id,
                list=subject.list_name,
                resident_id=subject.resident_id,
                **removed,
            )
            self.keys.destroy(session, subject_id)
            session.delete(subject)
        scrub(self.db)
        self.reload()
        self._announce(subject_id, "forget")
        return removed

    def _announce(self, subject_id: int, action: str) -> None:
        if self.hub is not None:
            self.hub.publish(Change(TOPIC, (subject_id,), GalleryChanged(action)))

    def subjects(self, list_name: str | None = None) -> list[SubjectSummary]:
        """The residents and watch-list entries the gallery holds."""
        return gallery_subjects(self.db, list_name)

    def subject_for_resident(self, resident_id: int) -> int | None:
        return resident_subject(self.db, resident_id)

    def reload(self) -> None:
        """Decrypt every template into the in-memory matrix (after enrolment, deletion, or at start)."""
        with self.db.session() as session:
            ciphers = self.keys.ciphers(session)
            rows = session.execute(
                select(
                    FaceTemplate.subject_id,
                    FaceTemplate.ciphertext,
                    FaceSubject.list_name,
                    FaceTemplate.model,
                ).join(FaceSubject)
            ).all()
        readable = [row for row in rows if row[0] in ciphers]
        grouped: dict[str, tuple[list[np.ndarray], list[tuple[int, str]]]] = {}
        for sid, blob, list_name, model in readable:
            vectors, subjects = grouped.setdefault(model, ([], []))
            vectors.append(np.frombuffer(ciphers[sid].decrypt(blob, sid), dtype=np.float32))
            subjects.append((sid, list_name))
        by_model = {model: (np.vstack(vectors), subjects) for model, (vectors, subjects) in grouped.items()}
        with self._lock:
            self.unreadable = len(rows) - len(readable)
            self._by_model = by_model

    def match(self, vector: np.ndarray, model: str) -> Match:
        """The closest subject enrolled with the same model, and its cosine similarity (None: nobody)."""
        with self._lock:
            matrix, subjects = self._by_model.get(model, (np.zeros((0, 0), dtype=np.float32), []))
            if not subjects or matrix.shape[1] != vector.size:
                return Match(None, None, 0.0)
            scores = matrix @ vector
            best = int(np.argmax(scores))
            subject_id, list_name = subjects[best]
        return Match(subject_id, list_name, float(scores[best]))

    def holds(self, model: str) -> bool:
        """Whether templates of this model are loaded: without any, no face can be told from a stranger."""
        with self._lock:
            return model in self._by_model

    def __len__(self) -> int:
        with self._lock:
            return sum(len(subjects) for _, subjects in self._by_model.values())

    def names(self, subject_ids: list[int]) -> dict[int, str]:
        """Display names: the resident's roster name, or the watch-list label."""
        return subject_names(self.db, subject_ids)


def _checked(consent: Consent | None) -> Consent:
    if consent is None:
        raise EnrolmentError(
            "缺少本人单独同意，拒绝录入 enrolment refused: the person's separate consent is required"
        )
    try:
        return check_consent(consent, date.today())
    except ConsentError as error:
        raise EnrolmentError(f"同意记录有误，拒绝录入: {error}") from error


def _check_list(list_name: str, resident_id: int | None, note: str) -> None:
    """A resident is enrolled on the resident list only; a watch-list entry (no resident) needs a reason."""
    if list_name not in LISTS:
        raise EnrolmentError(f"名单只能是 resident 或 watchlist, not {list_name!r}")
    if list_name == "resident" and resident_id is None:
        raise EnrolmentError("居民名单录入需要居民编号 a resident enrolment needs the resident id")
    if list_name == "watchlist" and resident_id is not None:
        raise EnrolmentError(
            "录入人脸不会把居民列入重点人员名单; 请另行操作并说明理由: ai watchlist add PERSON --reason"
            " (enrolment never puts a resident on the watch list: use `ai watchlist add` with a reason)"
        )
    if list_name == "watchlist" and len(note.strip()) < 2:
        raise EnrolmentError("列入重点人员名单须说明理由 a watch-list entry needs a reason")


def gallery_subjects(db: Database, list_name: str | None = None) -> list[SubjectSummary]:
    """The residents and watch-list entries a gallery holds (no key needed: nothing is decrypted)."""
    with db.session() as session:
        query = select(FaceSubject).order_by(FaceSubject.list_name, FaceSubject.id)
        if list_name:
            query = query.where(FaceSubject.list_name == list_name)
        summaries = []
        for subject in session.scalars(query):
            consent = max(subject.consents, key=lambda c: c.given_on, default=None)
            summaries.append(
                SubjectSummary(
                    subject.id,
                    subject.list_name,
                    subject.resident_id,
                    subject.label,
                    len(subject.templates),
                    consent.given_on if consent else None,
                    consent.method if consent else "",
                    consent.recorded_by if consent else "",
                    subject.note,
                )
            )
        return summaries


def resident_subject(db: Database, resident_id: int) -> int | None:
    """The gallery subject enrolled for a resident, if any."""
    with db.session() as session:
        return session.scalar(select(FaceSubject.id).where(FaceSubject.resident_id == resident_id))


def subject_names(db: Database, subject_ids: list[int]) -> dict[int, str]:
    """Display names: the resident's roster name, or the watch-list label."""
    if not subject_ids:
        return {}
    with db.session() as session:
        rows = session.execute(
            select(FaceSubject.id, FaceSubject.label, Resident.name)
            .outerjoin(Resident, Resident.id == FaceSubject.resident_id)
            .where(FaceSubject.id.in_(subject_ids))
        ).all()
    return {sid: (name or label) for sid, label, name in rows}
