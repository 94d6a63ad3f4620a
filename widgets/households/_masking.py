"""Masking of ID numbers and phones in lists, until app/roster/masking.py exists (then switch to it)."""

from __future__ import annotations


def mask_id(id_number: str | None) -> str:
    """410102199001011234 → 410102********1234: region code and last four stay visible."""
    if not id_number:
        return ""
    if len(id_number) <= 10:
        return id_number[:2] + "*" * max(len(id_number) - 4, 0) + id_number[-2:]
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def mask_phone(phone: str | None) -> str:
    """13800001234 → 138****1234; short landline numbers keep their last four only."""
    if not phone:
        return ""
    digits = phone.replace("-", "").replace(" ", "")
    if len(digits) == 11:
        return digits[:3] + "****" + digits[-4:]
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return digits
