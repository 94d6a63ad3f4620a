"""What a home visit can find (走访发现), by kind; the office counts them monthly by kind."""

from __future__ import annotations

from enum import StrEnum

from app.grid_work.errors import WorkError


class FindingTag(StrEnum):
    DISPUTE = "dispute"  # 矛盾纠纷
    HAZARD = "hazard"  # 安全隐患
    HARDSHIP = "hardship"  # 困难求助
    POLICY = "policy"  # 政策咨询
    OTHER = "other"  # 其他

    @property
    def zh(self) -> str:
        return FINDING_ZH[self.value]

    @property
    def en(self) -> str:
        return FINDING_EN[self.value]


FINDING_ZH = {
    "dispute": "矛盾纠纷",
    "hazard": "安全隐患",
    "hardship": "困难求助",
    "policy": "政策咨询",
    "other": "其他",
}
FINDING_EN = {
    "dispute": "dispute",
    "hazard": "safety hazard",
    "hardship": "hardship / help",
    "policy": "policy question",
    "other": "other",
}


def finding_tag(text: str) -> FindingTag:
    """A tag typed as its code (hazard) or its Chinese name (安全隐患)."""
    key = text.strip()
    for tag in FindingTag:
        if key in (tag.value, tag.zh):
            return tag
    known = "、".join(f"{t.zh}({t.value})" for t in FindingTag)
    raise WorkError(f"未知走访发现类别 unknown finding kind {text!r}; known: {known}")
