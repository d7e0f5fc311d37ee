"""Labelled facts about a company — category, employees, founded year, membership tier, booth
size, revenue — read from definition lists, two-cell table rows and "Label: value" lines in
several languages. Values are parsed strictly: a value that does not look right is dropped."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from lxml import etree

from spiders.pages.dom import collapse, is_visible
from spiders.pages.models import ExtractedRecord

#: Label (the whole label, colon removed, lower-cased) -> field. Anchored: "Category" labels,
#: "Category manager" does not.
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^(?:{pattern})$", re.IGNORECASE), field)
    for pattern, field in (
        (r"(?:main |business |product )?categor(?:y|ies)|industr(?:y|ies)|sectors?|branchen?|"
         r"kategorien?|sektoren|sektor|secteur|sector de actividad|rubri[ck]|"
         r"(?:所属)?行业|行业类别|主营(?:产品|业务)?|经营范围|主要产品", "categories"),
        (r"(?:number of )?employees|staff|headcount|company size|mitarbeiter(?:zahl)?|"
         r"anzahl (?:der )?mitarbeiter|beschäftigte|medewerkers|werknemers|empleados|"
         r"effectifs?|员工(?:人数)?|职工人数|企业规模|公司规模", "employees"),
        (r"founded|founded in|year founded|founding year|established|year established|since|"
         r"gegründet|gründungsjahr|gründung|opgericht|fundada|fundación|fondée?|"
         r"成立(?:时间|年份|日期)|注册时间|创立时间", "founded_year"),
        (r"membership|membership (?:tier|level|type)|member (?:tier|level|type|status)|tier|"
         r"mitgliedschaft|mitgliedsstatus|lidmaatschap|会员(?:等级|级别)", "membership_tier"),
        (r"booth size|stand size|booth area|stand area|standfläche|standgröße|"
         r"展位面积|展台面积", "booth_size"),
        (r"revenue|annual revenue|turnover|annual turnover|umsatz|jahresumsatz|omzet|"
         r"营业额|年营业额|年销售额", "revenue_band"),
    )
)
_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:m²|m2|㎡|sqm|sq\.? ?m|sq\.? ?ft|qm|平方米)(?!\w)",
                   re.IGNORECASE)
_BAND = re.compile(r"(\d[\d.,' ]*)\s*(?:-|–|—|~|to|bis|至|到)\s*(\d[\d.,' ]*)|(\d[\d.,']*)\s*\+")
_NUMBER = re.compile(r"\d{1,3}(?:[.,' ]\d{3})+(?!\d)|\d+")
_AT_LEAST = re.compile(r"\b(?:over|more than|above|at least|mehr als|über|uber|meer dan|"
                       r"ruim|más de|plus de)\b|>|余|多|以上", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")
#: A line "Label: value" (ASCII or full-width colon).
_LINE = re.compile(r"^\s*([^:：]{2,40}?)\s*[:：]\s*(.{1,200})$")
_MAX_CATEGORY = 80


def field_of(label: str) -> str | None:
    """The record field a label names, or None."""
    key = collapse(label).strip(" :：*").lower()
    return next((field for pattern, field in _LABELS if pattern.match(key)), None)


def _int(text: str) -> int | None:
    digits = re.sub(r"[.,' ]", "", text.strip())
    return int(digits) if digits.isdigit() else None


def parse_value(field: str, text: str) -> str | int | list[str] | None:
    """The value of ``field`` in ``text`` as shown, or None when it does not look right."""
    text = collapse(text)
    if not text:
        return None
    if field == "categories":
        if len(text) > 200 or re.search(r"https?://|@", text):
            return None
        parts = [p.strip(" .") for p in re.split(r"\s*[;|、，,/]\s*", text)]
        parts = [p for p in parts if p and len(p) <= _MAX_CATEGORY]
        return list(dict.fromkeys(parts)) or None
    if field == "employees":
        band = _BAND.search(text)
        if band:
            low, high = band.group(1), band.group(2)
            if high is not None:
                lo, hi = _int(low), _int(high)
                return f"{lo}-{hi}" if lo is not None and hi is not None and lo < hi else None
            plus = _int(band.group(3))
            return f"{plus}+" if plus is not None else None
        numbers = _NUMBER.findall(text)
        if len(numbers) != 1:
            return None
        value = _int(numbers[0])
        if value is None or not 0 < value < 5_000_000:
            return None
        # "over 100", "mehr als 100", "100余人": a lower bound, not a count
        return f"{value}+" if _AT_LEAST.search(text) else value
    if field == "founded_year":
        years = [int(y) for y in _YEAR.findall(text)]
        now = datetime.date.today().year
        years = [y for y in years if y <= now]
        return years[0] if len(set(years)) == 1 else None
    if field == "booth_size":
        match = _SIZE.search(text)
        return match.group(0) if match else None
    if field == "membership_tier":
        return text if len(text) <= 60 and not re.search(r"https?://|@", text) else None
    if field == "revenue_band":
        return text if len(text) <= 60 and re.search(r"\d", text) else None
    return None


def _in_chrome(el: etree._Element) -> bool:
    """Inside navigation, a sidebar, a header or a footer: site furniture, not the company."""
    for node in (el, *el.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        marker = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if tag in ("nav", "aside", "footer", "header") or re.search(
            r"\b(?:footer|sidebar|widget|breadcrumb|menu|navbar)\b", marker
        ):
            return True
    return False


def labelled_pairs(el: etree._Element) -> Iterator[tuple[str, str, str, etree._Element]]:
    """``(label, value, how, node)`` from ``dl``s, two-cell table rows and "Label: value"
    lines."""
    for dl in el.iter("dl"):
        label: str | None = None
        for child in dl.iter("dt", "dd"):
            if child.tag == "dt":
                label = collapse(child.text_content())
            elif label is not None and is_visible(child):
                yield label, child.text_content(), "dl", child
                label = None
    for tr in el.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
        if len(cells) == 2 and is_visible(tr):
            yield cells[0].text_content(), cells[1].text_content(), "table row", tr
    for node in el.iter("p", "li", "div", "span", "td"):
        if not is_visible(node) or any(
            isinstance(c.tag, str) and c.tag in ("p", "div", "li", "table", "dl", "ul")
            for c in node
        ):
            continue
        match = _LINE.match(collapse(node.text_content()))
        if match:
            yield match.group(1), match.group(2), "label line", node


def labelled_fields(
    el: etree._Element, record: ExtractedRecord, where: str, skip_chrome: bool = True
) -> None:
    """Add the labelled facts found in ``el`` to ``record`` (first value of a field wins)."""
    for label, raw, how, node in labelled_pairs(el):
        field = field_of(label)
        if field is None:
            continue
        value = parse_value(field, raw)
        if value is None:
            continue
        if skip_chrome and _in_chrome(node):
            continue
        evidence = f"{where} {how} {collapse(label).strip(' :：')!r}"
        if field == "categories":
            assert isinstance(value, list)
            new = [v for v in value if v not in record.categories]
            if new:
                record.categories.extend(new)
                record.evidence.setdefault("categories", evidence)
            continue
        if field == "employees" and isinstance(value, str):
            field = "employees_band"
        if field not in record.extra and not (
            field.startswith("employees") and ("employees" in record.extra
                                               or "employees_band" in record.extra)
        ):
            record.extra[field] = value
            record.evidence.setdefault(field, evidence)


#: Path segments of a category (or industry) page of a directory.
_CATEGORY_PATH = re.compile(
    r"/(?:category|categories|kategorie|kategorien|branche|branchen|rubrik|industry|sector|"
    r"categorie|categoria)/[^/?#;]+", re.IGNORECASE)


def category_heading(root: etree._Element, url: str) -> str | None:
    """The category a directory's category page files every listing under: its one visible h1,
    only when the URL path says the page is a category page (``/category/food?page=2``)."""
    from urllib.parse import urlsplit

    if not _CATEGORY_PATH.search(urlsplit(url).path):
        return None
    headings = [h for h in root.iter("h1") if is_visible(h) and not _in_chrome(h)]
    if len(headings) != 1:
        return None
    text = collapse(headings[0].text_content())
    # "Food manufacturers – page 2", "Bakeries (23)": the heading without the counters.
    text = re.sub(r"\s*(?:[-–—|:]\s*(?:page|seite|p\.)\s*\d+|\(\d+\))\s*$", "", text, flags=re.I)
    if not text or len(text) > 60 or re.search(r"\d{3,}|https?://|@", text):
        return None
    return text


def add_category_heading(records: list[ExtractedRecord], root: etree._Element, url: str) -> None:
    """File every listed record under the category page's heading (see
    :func:`category_heading`)."""
    heading = category_heading(root, url)
    if not heading:
        return
    for record in records:
        if heading not in record.categories:
            record.categories.append(heading)
            record.evidence.setdefault("categories", "category page heading (h1)")
