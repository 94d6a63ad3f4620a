"""Deterministic Chinese names, phones and ID numbers for the demo site."""

from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from app.roster.idcard import check_digit

# Erqi District, Zhengzhou: the region code that opens the demo residents' ID numbers.
ERQI_REGION = "410103"
_MOBILE_PREFIXES = (
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "158",
    "159",
    "176",
    "186",
    "187",
    "188",
    "199",
)


class NameMaker:
    """One random source for everything human-looking in the demo, so a seed reproduces the site."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.faker = Faker("zh_CN")
        self.faker.seed_instance(rng.randrange(2**31))
        self._issued_ids: set[str] = set()
        self._issued_phones: set[str] = set()

    def name(self, sex: str) -> str:
        return self.faker.name_male() if sex == "男" else self.faker.name_female()

    def name_with_surname(self, surname: str, sex: str) -> str:
        given = self.faker.first_name_male() if sex == "男" else self.faker.first_name_female()
        return surname + given

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self._issued_phones:
                self._issued_phones.add(number)
                return number

    def id_number(self, birth: date, sex: str) -> str:
        """A GB 11643 ID: region, birth date, sequence (odd for men), check digit."""
        while True:
            sequence = self.rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
            body = f"{ERQI_REGION}{birth:%Y%m%d}{sequence:03d}"
            number = body + check_digit(body)
            if number not in self._issued_ids:
                self._issued_ids.add(number)
                return number

    def birth_date(self, today: date, age_min: int, age_max: int) -> date:
        age_days = self.rng.randrange(age_min * 365, age_max * 365 + 364)
        return today - timedelta(days=age_days)
