"""The person's separate consent to face recognition (PIPL art. 29), as a structured record.

Who consented (the person, or a guardian for them), how (书面 written, 口头 oral, 电子 electronic; the
way written out, e.g. 书面签字 编号 2026-031, names its form), when (a real date, not after today), for
what (the scope), and who took it down. Each part is checked when it is entered, so the gallery never
holds a consent that says "x" or is dated in 2099.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

EARLIEST = date(2000, 1, 1)  # older than any face gallery here: a typo, not a consent
SELF = "本人"
DEFAULT_SCOPE = "本站点摄像机人脸比对"  # face matching on this site's cameras


class ConsentError(ValueError):
    """A consent that cannot be recorded; the message says which part and why (Chinese and English)."""


class ConsentForm(StrEnum):
    WRITTEN = "written"
    ORAL = "oral"
    ELECTRONIC = "electronic"

    @property
    def zh(self) -> str:
        return FORM_ZH[self]


FORM_ZH = {ConsentForm.WRITTEN: "书面", ConsentForm.ORAL: "口头", ConsentForm.ELECTRONIC: "电子"}


@dataclass(frozen=True)
class Consent:
    given_on: date
    method: str  # how: 书面 / 口头 / 电子, or a way that names its form (书面签字 编号 2026-031, 线上确认)
    scope: str = DEFAULT_SCOPE  # what the person agreed to
    given_by: str = SELF  # 本人, or the guardian who consented for them
    recorded_by: str = ""  # who took it down; the seat's operator when empty

    @property
    def form(self) -> ConsentForm:
        return parse_form(self.method)


def parse_form(text: str) -> ConsentForm:
    """书面 / 口头 / 电子 (or written / oral / electronic, or a listed way such as 书面签字)."""
    cleaned = (text or "").strip()
    for form in ConsentForm:
        if cleaned.lower() == form.value or cleaned == form.zh:
            return form
    for keywords, form in _KEYWORDS:
        if any(word in cleaned for word in keywords):
            return form
    raise ConsentError(
        f"同意方式须为 书面、口头 或 电子, 而不是 {cleaned!r}"
        f" (how consent was given must be written, oral or electronic, not {cleaned!r})"
    )


# The ways the window lists (and offices write) name their form: 书面签字, 口头同意并录音, 线上确认 ...
_KEYWORDS = (
    (("书面", "签字", "签名", "通知书"), ConsentForm.WRITTEN),
    (("口头", "录音"), ConsentForm.ORAL),
    (("电子", "线上", "网上", "短信", "小程序", "App", "APP"), ConsentForm.ELECTRONIC),
)


def check_consent(consent: Consent, today: date) -> Consent:
    """The consent with its text tidied, or ConsentError naming the part that is wrong."""
    parse_form(consent.method)
    if consent.given_on > today:
        raise ConsentError(
            f"同意日期 {consent.given_on.isoformat()} 晚于今天 {today.isoformat()}"
            f" (the consent date {consent.given_on.isoformat()} is after today)"
        )
    if consent.given_on < EARLIEST:
        raise ConsentError(
            f"同意日期 {consent.given_on.isoformat()} 早于 {EARLIEST.isoformat()}, 请核对"
            f" (the consent date is before {EARLIEST.isoformat()}: check it)"
        )
    method, scope, given_by = consent.method.strip(), consent.scope.strip(), consent.given_by.strip()
    _require(
        len(scope) >= 2, "同意范围 (至少 2 个字) the scope of the consent (2 characters or more)", 200, scope
    )
    _require(bool(given_by), "同意人 who consented (本人, or the guardian's name)", 64, given_by)
    _require(True, "同意方式 how consent was given", 200, method)
    return Consent(consent.given_on, method, scope, given_by, consent.recorded_by.strip())


def _require(present: bool, what: str, limit: int, text: str) -> None:
    if not present:
        raise ConsentError(f"缺少 missing: {what}")
    if len(text) > limit:
        raise ConsentError(f"过长 too long (>{limit}): {what}")
