"""Masks for ID numbers, phones, health notes and names: what every screen, command, JSON document and
export shows unless the operator reveals the full value (with a reason, audited: `app.privacy.policy`)."""

from __future__ import annotations


def mask_id(number: str | None) -> str:
    """410102199001011234 -> 410102********1234: the region and the tail identify, the birth date stays hidden."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * (len(number) - 2)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """13800001234 -> 138****1234; 0371-61234567 -> 0371-****4567."""
    if not phone:
        return ""
    if "-" in phone:
        area, _, local = phone.partition("-")
        return f"{area}-{'*' * max(len(local) - 4, 0)}{local[-4:]}"
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str | None) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧**娜: enough to recognise a neighbour, not to copy a record."""
    if not name:
        return ""
    if len(name) <= 2:
        return name[0] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


HEALTH_HIDDEN = "已登记(隐藏)"  # a masked health note: that one is on record, not what it says
