"""What the AI screens need of the AI: the gallery, the face detector and recogniser, name visibility.

One set per shell (`tools_for`): the models load on first use (off the GUI thread, see Background)
and are shared by every enrolment dialog. The gallery announces each enrolment and deletion on the
hub, so the AI running on the wall (this seat's or, relayed, another's) reloads its templates.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.config import data_dir
from app.events import EventHub
from app.store import Database
from video.ai import config as ai_config
from video.ai.consent import Consent
from video.ai.gallery import EnrolmentError, FaceGallery, choose_face
from video.ai.recognition import Recogniser
from video.ai.registry import Detector, create_detector, create_recogniser
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Detection
from widgets.ai_runtime import names_visible_for
from widgets.bridge import QtBridge
from widgets.shell_context import ShellContext


@dataclass(frozen=True)
class FaceCheck:
    """What the detector found on an enrolment photo: every face, the one to enrol, or why none."""

    faces: tuple[Detection, ...]
    chosen: Detection | None
    problem: str = ""  # the gallery's refusal when no single clear face was found


@dataclass
class FaceTools:
    db: Database
    hub: EventHub
    config: ai_config.AiConfig
    gallery: FaceGallery
    names_visible: bool
    sessions: SessionCache = field(default_factory=SessionCache)
    _detector: Detector | None = None
    _recogniser: Recogniser | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def for_site(
        cls,
        context: ShellContext,
        *,
        config_path: Path | None = None,
        secret_folder: Path | None = None,
    ) -> FaceTools:
        """The tools for a shell: settings from ai.toml, the site secret apart from the database."""
        config = ai_config.load(config_path or data_dir() / "ai.toml")
        gallery = FaceGallery.of_site(
            context.db,
            context.seat,
            secret_folder or data_dir(),
            keep_raw_images=config.keep_raw_images,
            hub=context.hub,
        )
        names = names_visible_for(context)
        return cls(context.db, context.hub, config, gallery, names)

    def detector(self) -> Detector:
        """The configured face detector (MTCNN by default), loaded on first use."""
        with self._lock:
            if self._detector is None:
                self._detector = create_detector(self.config.face_detector, "face", self.sessions)
                if self._detector is None:
                    raise ModelLoadError("未配置人脸检测器 no face detector configured (face_detector.type)")
            return self._detector

    def recogniser(self) -> Recogniser:
        """The configured face recogniser (dlib by default); ModelLoadError says why when it cannot load."""
        with self._lock:
            if self._recogniser is None:
                self._recogniser = create_recogniser(self.config.recogniser, self.sessions)
                if self._recogniser is None:
                    raise ModelLoadError("人脸识别已关闭 face recognition is switched off (recogniser.type)")
            return self._recogniser

    @property
    def can_enrol(self) -> bool:
        return self.config.recogniser.kind() != "none"

    def check_photo(self, photo: np.ndarray) -> FaceCheck:
        """Find the faces and apply the gallery's rule (one clear face) so the operator sees the result."""
        faces = tuple(self.detector().detect(photo))
        try:
            return FaceCheck(faces, choose_face(list(faces)))
        except EnrolmentError as error:  # shown to the operator, not raised
            return FaceCheck(faces, None, str(error))

    def enrol(
        self,
        photo: np.ndarray,
        consent: Consent,
        *,
        resident_id: int | None,
        list_name: str,
        label: str = "",
        note: str = "",
    ) -> int:
        return self.gallery.enrol(
            photo,
            consent,
            self.detector(),
            self.recogniser(),
            resident_id=resident_id,
            list_name=list_name,
            label=label,
            note=note,
        )


_TOOLS: weakref.WeakKeyDictionary[QtBridge, FaceTools] = weakref.WeakKeyDictionary()


def tools_for(context: ShellContext) -> FaceTools:
    """The shell's one set of face tools (kept with its bridge, gone with it)."""
    tools = _TOOLS.get(context.bridge)
    if tools is None:
        tools = FaceTools.for_site(context)
        _TOOLS[context.bridge] = tools
    return tools


def names_visible(context: ShellContext) -> bool:
    """Whether this seat may see residents' names, without loading the gallery for it."""
    tools = _TOOLS.get(context.bridge)
    if tools is not None:
        return tools.names_visible
    return names_visible_for(context)


def site_config(context: ShellContext) -> ai_config.AiConfig:
    """The AI settings (night hours, thresholds); the defaults when ai.toml cannot be read."""
    tools = _TOOLS.get(context.bridge)
    if tools is not None:
        return tools.config
    try:
        return ai_config.load(data_dir() / "ai.toml")
    except ai_config.AiConfigError:
        return ai_config.AiConfig()


def use_tools(context: ShellContext, tools: FaceTools) -> None:
    """Give a shell prepared tools (tests; or the lead's wiring, to share the running AI's models)."""
    _TOOLS[context.bridge] = tools
