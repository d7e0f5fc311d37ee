"""Which encoding a spreadsheet that is not UTF-8 is read in: East Asian lists whose only
native text is a contact column, and Western European ones."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from leadgen.cli import app
from leadgen.file_encoding import guessed_encoding
from leadgen.storage import init_db
from leadgen.storage.models import ContactPoint


def _list(encoding: str, contacts: list[str], english_rows: int = 0) -> bytes:
    """A mostly English contact list saved in ``encoding``: ``english_rows`` rows first,
    then one row per name in ``contacts``."""
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["Company", "Contact", "Phone"])
    for number in range(english_rows):
        rows.writerow([f"Acme Trading {number} Co., Ltd.", "Mr. Smith",
                       f"+1 212 555 {1000 + number}"])
    for number, name in enumerate(contacts):
        rows.writerow([f"Example {number} Co., Ltd.", name, f"+86 755 8321 {1000 + number}"])
    return out.getvalue().encode(encoding)


CHINESE = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "黄勇", "赵军", "吴杰", "周涛"]


@pytest.mark.parametrize(("written", "contacts", "english_rows", "read"), [
    ("gbk", CHINESE, 0, "gb18030"),  # charset-normalizer alone: iso8859_5
    ("gbk", ["王经理"], 30, "gb18030"),  # alone: cp850
    ("gbk", ["陈"], 1, "gb18030"),  # alone: big5
    # alone: cp949
    ("shift_jis", ["山田太郎", "佐藤花子", "鈴木一郎", "田中実", "高橋健"], 0, "shift_jis"),
    ("big5", ["林志明", "吳美玲", "陳大文", "黃小華", "張偉"], 0, "big5"),
    ("cp949", ["김민수", "이영희", "박지훈", "최수진", "정우성"], 0, "cp949"),
    ("cp949", ["김민수"], 20, "cp949"),  # alone: cp1250
    ("cp949", ["삼성 전자 주식회사", "현대 자동차"], 5, "cp949"),  # words with spaces between
    ("cp1252", ["Müller", "Société Générale", "José Núñez", "Françoise", "Ærø Ølsen"], 0,
     "cp1252"),
    ("cp1252", ["Müller"], 20, "cp1252"),
    ("cp1252", ["Groß & Söhne", "Ärzte Bär", "Œuvre"], 0, "cp1252"),
    ("cp1252", ["¿Qué tal? Peña", "Façade Sàrl", "Øster Ålund"], 3, "cp1252"),
    # Excel on a Polish or Czech Windows: read as cp1252 ("Krak³w", "£ód¿")
    ("cp1250", ["Łódź", "Kraków", "Szczęście", "Żółć Sp. z o.o."], 0, "cp1250"),
    ("cp1250", ["Příliš žluťoučký kůň", "Brno"], 5, "cp1250"),
])
def test_a_list_is_read_in_the_encoding_its_native_text_is_in(
        tmp_path: Path, written: str, contacts: list[str], english_rows: int, read: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(_list(written, contacts, english_rows))
    guessed = guessed_encoding(path)
    assert guessed is not None
    assert path.read_bytes().decode(guessed) == path.read_bytes().decode(written)
    assert guessed == read


def test_a_utf8_or_ascii_file_has_no_other_encoding(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(_list("ascii", [], 5))
    assert guessed_encoding(path) is None
    path.write_bytes(_list("utf-8", CHINESE))
    assert guessed_encoding(path) is None


def test_an_english_list_saved_in_gbk_keeps_its_chinese_contact_names(tmp_path: Path) -> None:
    """An export list from a Chinese Windows whose only Chinese is the contact column was
    stored as "ÍõÎ°" (read as cp1252)."""
    path = tmp_path / "list.csv"
    path.write_bytes(_list("gbk", CHINESE))
    db = f"sqlite:///{tmp_path / 'leads.db'}"
    result = CliRunner().invoke(app, ["import", str(path), "--source", "fair", "--db", db])
    assert result.exit_code == 0, result.output
    assert "read as gb18030" in result.output
    with init_db(db).connect() as conn:
        names = set(conn.execute(select(ContactPoint.value).where(
            ContactPoint.kind == "person")).scalars())
    assert names == set(CHINESE)


@pytest.mark.parametrize(("text", "written"), [
    # two German rows Excel saved: charset-normalizer's guess for so little text was cp775
    # ("M³ller Bõckerei")
    ("ID;Firma;Ort\n1;Müller Bäckerei GmbH;Köln\n2;Schröder & Söhne KG;Düsseldorf\n", "cp1252"),
    # two Russian rows Excel saved: they were read as cp1252 ("Ðîìàøêà")
    ("ID;Firma;Ort\n1;ООО Ромашка;Москва\n2;Иванов и партнеры;Казань\n", "cp1251"),
])
def test_a_short_list_is_read_in_the_encoding_it_was_written_in(
        tmp_path: Path, text: str, written: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(written))
    assert guessed_encoding(path) == written
