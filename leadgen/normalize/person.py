"""Contact persons' names: a display name and a key, so that one person named by a list, an
exhibitor page and the company's own website is one contact of the company, not three
("Herr Dr. Hans Müller", "Müller, Hans" and "Hans Mueller" are "hans muller")."""

from __future__ import annotations

import re
from functools import lru_cache

from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.text import (
    contract_umlauts,
    fold,
    has_cjk,
    pinyin_syllables,
    plain_text,
    simplified_chinese,
)
from leadgen.normalize.titles import looks_like_title

#: Salutations and academic titles written before a name, as lists and pages print them.
_BEFORE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|sir|dr\.?\s?-?\s?ing(?:\.?\s+habil)?|dr|prof|herr|frau|hr|fr|"
    r"dipl\.?-?\s?\w+|ing|mag|mgr|ir|drs|dña|"
    r"sr|sra|srta|don|doña|sig|sig\.ra|dott|dott\.ssa|avv|m|mme|mlle|monsieur|madame|"
    # India's Shrimati, Shri and Kumari ("Sri" is a given name too: Sri Mulyani)
    r"smt|shri|kum|"
    r"med|rer\.?\s?nat|h\.?\s?c)\.?"
    # With their dot only: the Gulf's engineer, Turkey's Sayın ("Eng" and "Sn" are names)
    r"|(?:eng|engr|sn)\.)(?:\s+|$)", re.IGNORECASE)
#: Degrees and salutations written after a name ("Anna Weber, MBA", "王先生").
_AFTER = re.compile(r"(?:,?\s+(?:MBA|M\.?\s?Sc|B\.?\s?Sc|Ph\.?\s?D|MD|Jr|Sr|II|III)\.?)+$"
                    r"|(?<=[\u4e00-\u9fff])\s?(?:先生|女士|小姐)$")
#: "Müller, Hans": the family name first, after a comma.
_INVERTED = re.compile(r"^(?P<last>[^,]+?),\s*(?P<first>[^,]+)$")


@lru_cache(maxsize=CACHE_SIZE)
def person_name(raw: str) -> str:
    """The name as shown: salutations, academic titles and degrees left out, a family name
    written first after a comma put last ("Herr Dr. Hans Müller", "Müller, Hans", "Dr.
    Müller, Hans" and "Müller, Dr. Hans" -> "Hans Müller"); text that is not a name
    ("Vertrieb") stays as it is. Entities are read and invisible characters left out (a
    page's "M&uuml;ller", a soft hyphen). Reading the result again gives it unchanged."""
    text = " ".join(plain_text(raw).split()).strip(" ,;:|-–—·•")
    shorter = _AFTER.sub("", text).strip(" ,")
    if shorter and _more_than_a_family_name(shorter.split()[-1]):
        text = shorter  # "王先生" (Mr Wang) and "欧阳先生" stay: "王" could be anyone
    inverted = _INVERTED.match(text)
    if inverted:  # "Müller, Hans", with titles on either side ("Dr. Müller, Hans")
        last, first = _untitled(inverted["last"]), _untitled(inverted["first"])
        if (last and first and len(last.split()) <= 2 and len(first.split()) <= 3
                and not looks_like_title(first)):  # "Hans Müller, Geschäftsführer" stays
            text = f"{first} {last}"
    # Salutations go only where a first and a family name remain: "Herr Müller" and "Frau
    # Müller" are two people.
    while (shorter := _BEFORE.sub("", text, count=1)) != text and len(shorter.split()) >= 2:
        text = shorter
    return text


#: Chinese family names of two characters ("欧阳先生" and "欧阳小姐" are two people).
_COMPOUND_FAMILY_NAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 尉迟 公孙 夏侯 长孙 宇文 司徒 "
    "西门 南宫 独孤 端木 轩辕 申屠 澹台 呼延 司空 闻人 万俟 百里 东郭 钟离 "
    "宗政 濮阳 公冶 太叔 仲孙 赫连 第五 公羊 拓跋".split())


def _more_than_a_family_name(name: str) -> bool:
    """Whether the name left before a salutation names more than a family (the name's last
    word: "采购部 李小姐" is Ms Li of purchasing)."""
    return len(name) >= 2 and simplified_chinese(name) not in _COMPOUND_FAMILY_NAMES


def _untitled(part: str) -> str:
    """One side of "Müller, Dr. Hans" without the salutations and titles before it ("" when
    nothing else is there: "Weber, Herr")."""
    while (shorter := _BEFORE.sub("", part, count=1)) != part:
        part = shorter
    return part.strip()


@lru_cache(maxsize=CACHE_SIZE)
def person_key(raw: str) -> str:
    """The key one person is told by within a company: :func:`person_name` folded, with
    umlauts written out or not alike ("Hans Mueller" = "Hans Müller" = "HANS MÜLLER")."""
    name = person_name(raw)
    if has_cjk(name):
        return name.replace(" ", "").replace("·", "")
    words = re.findall(r"\w+", fold(name.replace("ß", "ss")))
    return " ".join(contract_umlauts(word) for word in words) or name.casefold()


def full_name(first: str | None, last: str | None) -> str:
    """A person's name from a given name and a family name, as their language writes it:
    "Eva" and "Weber" -> "Eva Weber", "娜" and "李" -> "李娜" (the family name first, no
    space)."""
    if first and last and has_cjk(first + last):
        return last + first
    return " ".join(part for part in (first, last) if part)


def names_person(local_part: str, raw_name: str) -> bool:
    """Whether an e-mail's local part is written from a person's name: "jane.doe", "jdoe",
    "doe.j" or "jane" for "Jane Doe", "hans.mueller" for "Hans Müller" (a word of the name of
    three letters or more in it, or all of it: "li.na" for Li Na); "lina" or "li.na" for 李娜,
    "wangwei" or "wei" for 王伟 (the name in pinyin, or the given name of three letters or
    more)."""
    name = person_name(raw_name)
    local = re.sub(r"[^a-z]", "", fold(local_part.replace("ß", "ss")).lower())
    if has_cjk(name):
        syllables = pinyin_syllables(name)
        given = "".join(syllables[1:])
        return len(syllables) > 1 and (
            "".join(syllables) in local or (len(given) >= 3 and given in local))
    contracted = contract_umlauts(local)
    words = re.findall(r"[a-z]+", fold(name.replace("ß", "ss")).lower())
    if len(words) > 1 and len(whole := "".join(words)) >= 4 and (
            whole in local or "".join(reversed(words)) in local):
        return True  # "li.na" or "nali" for Li Na, whose words are too short alone
    return any(len(word) >= 3 and (word in local or contract_umlauts(word) in contracted)
               for word in words)
