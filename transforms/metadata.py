"""A report's metadata: title, agency, region, year, type, dates and numbers (spec §4).

The region comes from the agency name through cpca's gazetteer of China's administrative
divisions; a redacted agency (`*市民政局`) keeps null region fields rather than a guess."""
from __future__ import annotations

import re
from functools import cache

from transforms.lexicon import load_toml
from transforms.model import DocumentMeta
from transforms.readers.meta import extract_text_meta, label_key
from transforms.structure import starts_heading

HEAD_LINES = 12
TAIL_LINES = 6
LONGEST_TITLE = 80
TITLE_WORDS = ("报告", "总结", "计划", "要点", "情况")
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?")
YEAR = r"(?P<year>(?:19|20)\d{2})\s*年"
REPORT_YEAR_CUES = (
    re.compile(rf"现将[^。\n]{{0,12}}?{YEAR}"),
    re.compile(rf"{YEAR}\s*(?:度|上半年|下半年|全年|以来|[,，、]|在)"),
)
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
NON_CITY = {"县", "市辖区", "自治区直辖县级行政区划", "省直辖县级行政区划"}


@cache
def _config() -> dict:
    return load_toml("metadata.toml")


def _agency_pattern() -> re.Pattern:
    suffixes = "|".join(map(re.escape, _config()["agency"]["suffixes"]))
    return re.compile(rf"[\u4e00-\u9fff*]{{0,20}}?(?:{suffixes})")


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def find_title(lines: list[str], page: dict[str, str]) -> str | None:
    """The first short line naming the report; a title broken over two lines is rejoined."""
    if page.get("title"):
        return page["title"]
    candidates = [line for line in lines[:HEAD_LINES]
                  if label_key(line) is None and not line.startswith("【")]
    for index, line in enumerate(candidates):
        if len(line) > LONGEST_TITLE or line.endswith((":", "：", "。")) or starts_heading(line):
            continue
        if any(word in line for word in TITLE_WORDS):
            return line
        joined = line + candidates[index + 1] if index + 1 < len(candidates) else ""
        if joined and len(candidates[index + 1]) <= 20 and joined.endswith(TITLE_WORDS):
            return joined
    return None


def find_agency(lines: list[str], title: str | None, page: dict[str, str]) -> str | None:
    """A line that is only an agency name (letterhead or signature) first, then the web page's
    发布机构, then the agency opening the title, then the first one named in the text."""
    pattern = _agency_pattern()
    for line in lines[:HEAD_LINES] + lines[-TAIL_LINES:]:
        if pattern.fullmatch(line):
            return line
    if page.get("agency") and pattern.fullmatch(page["agency"]):
        return page["agency"]
    match = pattern.match(title or "")
    if match and len(match.group()) > 3:
        return match.group()
    for line in lines:
        for piece in re.split(r"[\s,，。;；:：、]", line):
            match = pattern.match(piece)
            if match and len(match.group()) > 3:
                return match.group()
    return None


def _restore_redaction(agency: str, text: str) -> str:
    """A title may drop the `*` of a redacted name that the body keeps (市民政局 / *市民政局)."""
    return "*" + agency if ("*" + agency) in text and not agency.startswith("*") else agency


EMPTY_REGION = {"province": None, "city": None, "county": None, "region_code": None, "admin_level": None}


def resolve_corps_region(agency: str) -> dict[str, str | None] | None:
    """The region of an agency of the Xinjiang Production and Construction Corps, by its
    division (第三师…) or the corps' name; None for any other agency."""
    table = load_toml("xpcc_divisions.toml")
    division = next((d for d in sorted(table["divisions"], key=len, reverse=True) if d in agency), None)
    if division is None and not any(name in agency for name in table["corps_names"]):
        return None
    entry = table["divisions"].get(division, {})
    region = {**EMPTY_REGION, "province": table["province"]}
    if "city" in entry:
        region.update(county=entry["city"], region_code=entry["code"], admin_level="county")
    return region


def resolve_region(agency: str | None) -> dict[str, str | None]:
    empty = dict(EMPTY_REGION)
    if not agency or "*" in agency:
        return empty
    corps = resolve_corps_region(agency)
    if corps is not None:
        return corps
    import cpca

    row = cpca.transform([agency]).iloc[0]
    province, city, county, code = (None if v != v else v for v in (row["省"], row["市"], row["区"], row["adcode"]))
    if not province:
        return empty
    city = None if city in NON_CITY else city
    level = "county" if county else "city" if city else "province"
    return {"province": province, "city": city, "county": county, "region_code": str(code),
            "admin_level": level}


def shortest_agency(agency: str, region: dict[str, str | None]) -> str:
    """湛江市坡头区民政局 → 坡头区民政局: the name from its most specific unit on."""
    for parent in (region["province"], region["city"]):
        if parent and agency.startswith(parent) and len(agency) > len(parent) + 3:
            agency = agency[len(parent):]
    return agency


def report_year(title: str | None, text: str) -> int | None:
    """The year the report covers: the title's, else the year the opening says it reports on."""
    if title:
        found = re.search(YEAR, title)
        if found:
            return int(found.group("year"))
    opening = text[:1500]
    for cue in REPORT_YEAR_CUES:
        found = cue.search(opening)
        if found:
            return int(found.group("year"))
    return None


def report_type(title: str | None, text: str) -> str:
    source = title or text[:400]
    for rule in _config()["report_type"]:
        if all(w in source for w in rule["all"]) and any(w in source for w in rule["any"]):
            return rule["label"]
    return "other"


def iso_date(value: str | None) -> str | None:
    found = DATE.search(value or "")
    if not found:
        return None
    year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def signature_date(lines: list[str]) -> str | None:
    """The date line of the signature block at the end of the report."""
    for line in reversed(lines[-TAIL_LINES:]):
        if DATE.fullmatch(line):
            return iso_date(line)
    return None


def _fields_from_page_meta(page_meta: dict[str, str]) -> dict[str, str]:
    """Each field from the first of its labels the page has, in the configured order
    (发文日期 before 发布时间: the date of issue, not the time it was posted)."""
    fields = {}
    for field, labels in _config()["page_labels"].items():
        value = next((page_meta[label] for label in labels if page_meta.get(label)), None)
        if value:
            fields[field] = value
    return fields


def extract_meta(text: str, page_meta: dict[str, str] | None = None) -> DocumentMeta:
    """Metadata from the cleaned text plus any metadata block the reader found on a web page."""
    page = _fields_from_page_meta({**extract_text_meta(text)[0], **(page_meta or {})})
    lines = _nonempty_lines(text)
    title = find_title(lines, page)
    agency = find_agency(lines, title, page)
    agency = _restore_redaction(agency, text) if agency else None
    region = resolve_region(agency)
    if agency and region["province"]:
        agency = shortest_agency(agency, region)
    doc_no = page.get("doc_no") or next((line for line in lines[:HEAD_LINES] if DOC_NO.fullmatch(line)), None)
    return DocumentMeta(
        title=title,
        agency=agency,
        report_year=report_year(title, text),
        report_type=report_type(title, text),
        publish_date=iso_date(page.get("publish_date")) or signature_date(lines),
        index_no=page.get("index_no"),
        doc_no=doc_no,
        **region,
    )
