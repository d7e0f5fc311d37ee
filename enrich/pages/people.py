"""People on a company website: names with their job titles, e-mails and phones.

Found where sites put them, in any language:

- labelled lines: "Geschäftsführer: Max Müller", "总经理：王伟", "CEO - Jane Smith";
- name and title on one line: "Max Müller, Geschäftsführer", "Jane Smith (CEO)";
- team cards: a name line next to a title line (either order);
- structured data (schema.org ``Person``), passed in from the extraction layer.

A person's e-mail is the first personal (non-role) address in the lines after the name, before
the next person; the decision-maker flag comes from :func:`enrich.pages.titles.is_decision_maker`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from enrich.checks.lists import is_role_account
from leadgen.normalize.titles import clean_person_name, is_decision_maker, looks_like_title
from spiders.pages.emails import find_emails

_LABEL_SPLIT = re.compile(r"\s*[:：]\s*")
_NAME_TITLE_SEP = re.compile(r"\s*(?:,|\s[-–—|/·•]\s|\()\s*")
_CJK_TITLE_NAME = re.compile(
    r"^(?P<title>[\u4e00-\u9fff]{2,6})[\s:：]*(?P<name>[\u4e00-\u9fff]{2,4})$"
)
_PHONE_HINT = re.compile(r"(?:\+|\b0)\d[\d\s()./\-]{6,}\d")
_LOOKAHEAD = 4


@dataclass
class Person:
    """A person shown on a company website."""

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    decision_maker: bool = False
    evidence: str = ""
    line: int = -1

    def as_dict(self) -> dict[str, Any]:
        """Plain data for storage and JSON."""
        return {
            "name": self.name,
            "title": self.title,
            "email": self.email,
            "phone": self.phone,
            "decision_maker": self.decision_maker,
            "evidence": self.evidence,
        }


@dataclass
class _Found:
    people: list[Person] = field(default_factory=list)

    def add(self, name: str, title: str | None, line: int, evidence: str) -> None:
        title = title.strip(" :：,-–—()") if title else None
        for person in self.people:
            if person.name == name:
                if title and not person.title:
                    person.title = title
                    person.decision_maker = is_decision_maker(title)
                return
        self.people.append(
            Person(name, title, decision_maker=is_decision_maker(title), evidence=evidence,
                   line=line)
        )


def find_people(lines: list[str], structured: list[dict[str, Any]] | None = None) -> list[Person]:
    """People in a page's visible lines (and structured ``contacts``), in page order."""
    found = _Found()
    for item in structured or []:
        name = clean_person_name(str(item.get("name") or ""))
        if name:
            found.add(name, item.get("title") or item.get("dept"), -1, "structured data")
            person = found.people[-1] if found.people[-1].name == name else None
            if person is not None:
                person.email = person.email or item.get("email")
                person.phone = person.phone or item.get("phone")
    taken: set[int] = set()
    for i, text in enumerate(lines):
        if i in taken:
            continue
        hit = _one_line(text)
        if hit:
            found.add(hit[0], hit[1], i, hit[2])
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        name = clean_person_name(text)
        if name and nxt and looks_like_title(nxt) and not clean_person_name(nxt):
            found.add(name, nxt, i, "name line, title line")
            taken.add(i + 1)
            continue
        title_only = text.rstrip(":：").strip()
        next_name = clean_person_name(nxt) if nxt else None
        if next_name and looks_like_title(title_only) and not clean_person_name(title_only):
            found.add(next_name, title_only, i + 1, "title line, name line")
            taken.add(i + 1)
    _attach_channels(found.people, lines)
    return found.people


def _one_line(text: str) -> tuple[str, str, str] | None:
    """(name, title, evidence) when one line holds both."""
    if len(text) > 120:
        return None
    parts = _LABEL_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and looks_like_title(parts[0]):
        first = re.split(r"\s*[,;/]\s*|\s+(?:und|and|&)\s+", parts[1])[0]
        name = clean_person_name(first)
        if name:
            return name, parts[0], "labelled line"
    match = _CJK_TITLE_NAME.match(text.replace(" ", ""))
    if match and looks_like_title(match["title"]):
        name = clean_person_name(match["name"])
        if name:
            return name, match["title"], "title and name"
    pieces = _NAME_TITLE_SEP.split(text.rstrip(")"), maxsplit=1)
    if len(pieces) == 2:
        name = clean_person_name(pieces[0])
        if name and looks_like_title(pieces[1]) and not clean_person_name(pieces[1]):
            return name, pieces[1], "name, title"
        name = clean_person_name(pieces[1])
        if name and looks_like_title(pieces[0]) and not clean_person_name(pieces[0]):
            return name, pieces[0], "title, name"
    return None


def _attach_channels(people: list[Person], lines: list[str]) -> None:
    starts = sorted(p.line for p in people if p.line >= 0)
    for person in people:
        if person.line < 0:
            continue
        later = [s for s in starts if s > person.line]
        end = min([person.line + 1 + _LOOKAHEAD] + later[:1] + [len(lines)])
        for text in lines[person.line:end]:
            if not person.email:
                for address in find_emails(text):
                    if not is_role_account(address.split("@")[0]):
                        person.email = address
                        break
            if not person.phone:
                phone = _PHONE_HINT.search(text)
                if phone:
                    person.phone = phone.group(0).strip()
