"""The alarm sound, repeated until the last alarm is acknowledged.

PySide6-Essentials has no QtMultimedia, so the sound is played by the first way that exists here:
QSoundEffect when PySide6-Addons is installed, else a command-line player (PipeWire, PulseAudio,
ALSA, ffplay) started without waiting for it, else the system beep.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

REPEAT_MS = 2500
PLAYERS = (
    ("pw-play",),
    ("paplay",),
    ("aplay", "-q"),
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"),
)


def alarm_wav() -> Path:
    return Path(str(resources.files("resources").joinpath("sounds/alarm.wav")))


class CommandPlayer:
    """Plays a file with an external player; a play while the last one still sounds is skipped."""

    def __init__(self, command: tuple[str, ...], wav: Path) -> None:
        self.command = (*command, str(wav))
        self._process: subprocess.Popen | None = None

    def play(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        try:
            self._process = subprocess.Popen(
                self.command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError:
            QApplication.beep()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self._process = None


def _sound_effect(wav: Path, parent: QObject) -> Callable[[], None] | None:
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(wav)))
    return effect.play


def choose_player(wav: Path, parent: QObject) -> tuple[str, Callable[[], None], Callable[[], None]]:
    """(name, play, stop) of the best way to sound an alarm on this machine."""
    effect = _sound_effect(wav, parent)
    if effect is not None:
        return "QSoundEffect", effect, lambda: None
    for command in PLAYERS:
        if shutil.which(command[0]):
            player = CommandPlayer(command, wav)
            return command[0], player.play, player.stop
    return "beep", QApplication.beep, lambda: None


class AlarmSound(QObject):
    """`start()` sounds at once and every few seconds after; `stop()` when nothing is unacknowledged."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        wav: Path | None = None,
        player: tuple[str, Callable[[], None], Callable[[], None]] | None = None,
        repeat_ms: int = REPEAT_MS,
    ) -> None:
        super().__init__(parent)
        self.backend, self._play, self._stop = player or choose_player(wav or alarm_wav(), self)
        self.plays = 0
        self._timer = QTimer(self)
        self._timer.setInterval(repeat_ms)
        self._timer.timeout.connect(self._sound)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._timer.isActive():
            self._sound()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop()

    def _sound(self) -> None:
        self.plays += 1
        self._play()
