"""Reporting agencies from every province: county, city and province 民政 bureaus named from
cpca's bundled gazetteer of China's administrative divisions (adcodes.csv)."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from functools import cache

from transforms.gazetteer import gazetteer_rows

# Divisions outside the mainland's 民政 system, and placeholder rows of the gazetteer.
EXCLUDED_PROVINCES = ("71", "81", "82")  # 台湾, 香港, 澳门
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京, 天津, 上海, 重庆
COUNTY_ENDINGS = ("县", "区", "市", "旗")  # not 群岛 and sea areas
LEVEL_SHARES = {"county": 0.8, "city": 0.17, "province": 0.03}


@dataclass(frozen=True)
class Agency:
    name: str  # 巫溪县民政局
    level: str  # county | city | province
    scope: str  # the area word reports use: 县, 区, 市, 旗, 州, 盟, 省
    province: str
    city: str | None
    county: str | None
    region_code: str  # 6 digits

    @property
    def area(self) -> str:
        return self.county or self.city or self.province

    @property
    def abbreviation(self) -> str:
        """The one-character prefix of its document numbers: 巫民发〔2024〕8号."""
        return self.area[0]


@cache
def divisions() -> dict[str, str]:
    """6-digit code → name, mainland divisions only."""
    return {row["adcode"][:6]: row["name"] for row in gazetteer_rows()
            if not row["adcode"].startswith(EXCLUDED_PROVINCES)}


@cache
def agencies() -> dict[str, tuple[Agency, ...]]:
    """Every agency by level. A county name used in several places is prefixed with its
    city (湛江市坡头区民政局), as such bureaus sign."""
    codes = divisions()
    counties = {code: name for code, name in codes.items()
                if code[4:] != "00" and name not in PLACEHOLDER_NAMES and len(name) > 1
                and name.endswith(COUNTY_ENDINGS)}
    repeated = {name for name, n in Counter(counties.values()).items() if n > 1}
    return {
        "province": tuple(_province_agency(code, name) for code, name in codes.items()
                          if code[2:] == "0000"),
        "city": tuple(_city_agency(code, name, codes) for code, name in codes.items()
                      if code[2:4] != "00" and code[4:] == "00" and name not in PLACEHOLDER_NAMES),
        "county": tuple(_county_agency(code, name, codes, name in repeated)
                        for code, name in counties.items()),
    }


def _province_agency(code: str, name: str) -> Agency:
    municipality = code[:2] in MUNICIPALITIES
    return Agency(name + ("民政局" if municipality else "民政厅"), "province",
                  "市" if municipality else ("区" if name.endswith("自治区") else "省"),
                  name, None, None, code)


def _city_agency(code: str, name: str, codes: dict[str, str]) -> Agency:
    scope = "州" if name.endswith("州") else "盟" if name.endswith("盟") else "市"
    return Agency(name + "民政局", "city", scope, codes[code[:2] + "0000"], name, None, code)


def _county_agency(code: str, name: str, codes: dict[str, str], repeated: bool) -> Agency:
    province = codes[code[:2] + "0000"]
    city = codes.get(code[:4] + "00")
    city = None if city in PLACEHOLDER_NAMES else city
    prefix = (city or province) if repeated else ""
    return Agency(prefix + name + "民政局", "county", name[-1], province, city, name, code)


def pick_agency(rng: random.Random) -> Agency:
    level = rng.choices(list(LEVEL_SHARES), weights=list(LEVEL_SHARES.values()))[0]
    return rng.choice(agencies()[level])
