"""Writes alarm.wav: a 0.9 s two-tone alert (960/770 Hz, three beats), made here so nothing is downloaded.

Run `python resources/sounds/make_alarm_wav.py` to regenerate it.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050
BEATS = ((960.0, 0.14), (770.0, 0.14), (0.0, 0.02))  # frequency (0 = silence), seconds


def alarm_samples(repeats: int = 3, volume: float = 0.6) -> np.ndarray:
    parts = []
    for _ in range(repeats):
        for frequency, seconds in BEATS:
            t = np.arange(int(RATE * seconds)) / RATE
            tone = np.sin(2 * np.pi * frequency * t) if frequency else np.zeros_like(t)
            ramp = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.005)  # 5 ms fades: no clicks
            parts.append(tone * ramp)
    return (np.concatenate(parts) * volume * 32767).astype("<i2")


def write(path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(alarm_samples().tobytes())


if __name__ == "__main__":
    write(Path(__file__).with_name("alarm.wav"))
