"""The core's messages in the reader's language.

The core (no Qt, so no translator) writes its refusals and errors in both languages, Chinese first and
then English: "工单 195 当前为「等待居民」，不能核查通过。 Action 'verify' is not allowed in state
'waiting'." or "未设置值班长密码… / no supervisor PIN is set…". A widget showing one passes it through
`in_language`, which keeps the half in the window's language; a message with only one language (or one
whose halves cannot be told apart) is shown whole.
"""

from __future__ import annotations

import re

from widgets.i18n import current_language

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}")


def halves(message: str) -> tuple[str, str] | None:
    """(Chinese, English) of a two-language message, or None when it is not one."""
    ends = [match.end() for match in CJK.finditer(message)]
    if not ends:
        return None
    chinese, english = message[: ends[-1]].strip(), message[ends[-1] :].strip(" /|\n\t")
    if len(ENGLISH_WORDS.findall(english)) < 2:
        return None
    return chinese, english


def in_language(message: str) -> str:
    """The half of a two-language core message in the window's language (English when the installed
    translators speak English), else the message as it is."""
    parts = halves(message)
    if parts is None:
        return message
    return parts[0] if current_language() == "zh_CN" else parts[1]
