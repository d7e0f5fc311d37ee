"""Which encoding a text file that is not UTF-8 is in (a spreadsheet saved by Excel on a
Chinese, Japanese, Korean or Western European Windows).

charset-normalizer judges the whole sample; a mostly English list whose only Chinese is a
contact column gives it too little to go on (it read such a GBK file as cp1252 and every name
as "ÍõÎ°"). So the East Asian double-byte encodings are also tried on the lines beyond ASCII,
and one whose characters there are nearly all of its common block wins.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from leadgen.exceptions import InputError
from leadgen.normalize.text import simplified_chinese

SAMPLE_BYTES = 1 << 18
"""Bytes of lines beyond ASCII judged (read from up to :data:`SCAN_BYTES` of the file)."""
SCAN_BYTES = 1 << 24

#: East Asian double-byte encodings, in the order a tie goes (most users' first), each with
#: the lead bytes of its common characters and the trail bytes they need (None: any):
#: GB2312's level-1 hanzi and punctuation, Big5's frequent hanzi and symbols, Shift_JIS's
#: kana, punctuation and level-1 kanji, and EUC-KR's hangul syllables.
EAST_ASIAN: dict[str, tuple[tuple[range, range | None], ...]] = {
    "gb18030": ((range(0xB0, 0xD8), range(0xA1, 0xFF)), (range(0xA1, 0xA4), range(0xA1, 0xFF))),
    "big5": ((range(0xA1, 0xC7), None),),
    "shift_jis": ((range(0x81, 0x84), None), (range(0x88, 0xA0), None)),
    "cp949": ((range(0xB0, 0xC9), range(0xA1, 0xFF)),),
}
_FAMILY = {"gbk": "gb18030", "gb2312": "gb18030", "big5hkscs": "big5", "cp950": "big5",
           "cp932": "shift_jis", "shift_jis_2004": "shift_jis", "euc_kr": "cp949",
           "gb18030": "gb18030", "big5": "big5", "shift_jis": "shift_jis", "cp949": "cp949"}
COMMON_SHARE = 0.9
"""Share of the characters beyond ASCII that must be common for an encoding to win."""

#: Characters frequent in lists of each language (surnames, company words, charset-normalizer's
#: most frequent ones), which break a tie: GB2312, Big5 and EUC-KR all read one short name
#: as common characters, but only its own encoding as a name.
_CHINESE = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤公司有限责任集团科技贸易电子实业进出口股份工业制造机械设备材料深圳"
    "广州上海北京天津重庆杭州苏宁波东莞佛山厦门青岛省市区县镇路街道号楼室经理总监主任先生女士小姐"
    "董事长采购销售部电话手机传真邮箱地址网址联系人名称的一是不了在人有我他这个们中来上大为和国地"
    "到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方")
_JAPANESE = set(
    "株式会社有限合同日一人年大十二本中長出三時行見月分後前生五間上東四今金九入学高円子外八六下来"
    "気小七山話女北午百書先名川千水半男西電校語土田佐藤鈴木高橋渡辺伊藤中村小林加吉松井清")
_KOREAN = set(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형"
    "계피두감음빈동온호범좌상주식회사다에의는로을서한으년대시를리스일")


#: Byte order marks of the encodings whose Python decoders stop without one.
_MARKS = {"utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
          "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)}


def text_encoding(name: str, start: bytes) -> str:
    """The encoding ``--encoding name`` reads a file starting with ``start`` in, or an
    :class:`InputError` when it names none, or a codec that is no text encoding (hex,
    base64, rot13). UTF-16 and UTF-32 without their byte order mark are read little-endian,
    as Windows writes them (Python's decoders stop at the first line)."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError as exc:
        raise InputError(f"--encoding {name!r}: no such encoding") from exc
    try:
        b"a".decode(name)  # (empty bytes pass any codec)
    except LookupError as exc:
        raise InputError(f"--encoding {name!r}: not a text encoding (give one such as utf-8, "
                         "gbk or cp1252)") from exc
    except ValueError:  # a text encoding in which a lone "a" is no text (UTF-16)
        pass
    if canonical in _MARKS and not start.startswith(_MARKS[canonical]):
        return f"{canonical}-le"
    return name


def bomless_utf16(start: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for a file starting with ``start`` that is UTF-16 without
    a byte order mark (Latin text: every other byte a NUL), else None. Such a file was read
    as UTF-8 with its NULs dropped: columns "I D", "C o m p a n y"."""
    even, odd = start[0:64:2], start[1:64:2]
    if len(odd) < 4:
        return None
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def guessed_encoding(path: Path) -> str | None:
    """The encoding other than UTF-8 that the file's lines beyond ASCII look like, or None
    (European files are named cp1252 or cp1250, which Excel writes, when they decode as such)."""
    sample = _lines_beyond_ascii(path)
    if not sample:
        return None
    if b"\x00" in sample:  # UTF-16 or UTF-32 without a byte order mark: lines mean nothing
        sample = _start(path)
    elif _is_utf8(sample):
        return None
    best = charset_normalizer.from_bytes(sample).best()
    guess = None if best is None else codecs.lookup(best.encoding).name
    if guess in ("utf-8", "ascii"):
        return None
    east_asian = east_asian_encoding(sample, guess)
    if east_asian is not None:
        return east_asian
    read = _decoded(sample, guess) if guess is not None else None
    if guess in _OTHER_SCRIPTS and read is not None and not _mixed_script_words(read):
        return guess  # Cyrillic, Greek, Hebrew or Arabic words, none with Latin letters in it
    if guess is not None and guess.startswith(("cp125", "iso8859", "latin")):
        try:
            western = sample.decode("cp1252")
        except UnicodeDecodeError:
            return guess
        return _central_european_if_it_reads_better(sample, western)
    if read is not None and (latin := _decoded(sample, "cp1252")) is not None and (
            _symbols_in_words(latin) < _symbols_in_words(read)):
        # a guess of little text ("M³ller" in cp775, a DOS code page) that Excel's encoding
        # reads with fewer symbols inside words ("Müller")
        return _central_european_if_it_reads_better(sample, latin)
    return guess


#: Windows and ISO code pages of other scripts than the Latin one (Excel on a Russian, Greek,
#: Hebrew or Arabic Windows).
_OTHER_SCRIPTS = frozenset({"cp1251", "cp1253", "cp1255", "cp1256", "iso8859-5", "iso8859-7",
                            "iso8859-8", "iso8859-6", "koi8-r", "koi8-u"})
_WORD = re.compile(r"[^\W\d_]+")


def _mixed_script_words(text: str) -> int:
    """Words with Latin letters and letters of another script in them ("Mьller": a Latin
    text read in a Cyrillic code page)."""
    return sum(1 for word in _WORD.findall(text)
               if not word.isascii() and any(char.isascii() for char in word)
               and any(char > "\u024f" for char in word))


def _central_european_if_it_reads_better(sample: bytes, western: str) -> str:
    """cp1250 (Excel on a Polish, Czech or Hungarian Windows) when it reads the sample's words
    with fewer symbols inside them than cp1252 does ("£ód¿" for "Łódź"), else cp1252."""
    try:
        central = sample.decode("cp1250")
    except UnicodeDecodeError:
        return "cp1252"
    return "cp1250" if _symbols_in_words(central) < _symbols_in_words(western) else "cp1252"


def _symbols_in_words(text: str) -> int:
    """Characters beyond ASCII that are no letters, with a letter on either side ("Kraków" has
    none, "Krak³w" one)."""
    return sum(1 for before, char, after in zip(text, text[1:], text[2:], strict=False)
               if not char.isascii() and not char.isalpha() and before.isalpha()
               and after.isalpha())


def east_asian_encoding(sample: bytes, guess: str | None = None) -> str | None:
    """The East Asian encoding (:data:`EAST_ASIAN`) in which nearly all of ``sample``'s
    characters beyond ASCII are common ones (``guess``, charset-normalizer's, when it names
    a superset of it), or None.
    Where several read it as common characters (GB2312, Big5 and EUC-KR share a block), text
    with a space between its words is Korean, and otherwise the one giving the most characters
    frequent in its language's lists wins."""
    texts = {name: text for name in EAST_ASIAN if (text := _decoded(sample, name)) is not None}
    shares = {name: share for name, text in texts.items()
              if (share := common_share(text, name)) is not None}
    top = max(shares.values(), default=0.0)
    if top < COMMON_SHARE:
        return None
    tied = [name for name, share in shares.items() if share == top]
    if len(tied) == 1:
        winner = tied[0]
    elif "cp949" in tied and _spaced_words(texts["cp949"]):
        winner = "cp949"
    else:
        hits = {name: _frequent(texts[name], name) for name in tied}
        winner = max(tied, key=lambda name: hits[name])  # the first of equals
    # charset-normalizer's name for a superset of the winner (Big5-HKSCS, GBK) is kept
    return guess if guess is not None and _FAMILY.get(guess) == winner else winner


def _decoded(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError:
        return None


def common_share(text: str, encoding: str) -> float | None:
    """The share of ``text``'s characters beyond ASCII that are common in ``encoding`` (None
    when it has none)."""
    blocks = EAST_ASIAN[encoding]
    seen = common = 0
    for char in text:
        if char.isascii():
            continue
        seen += 1
        encoded = char.encode(encoding)
        if len(encoded) == 2 and any(
                encoded[0] in lead and (trail is None or encoded[1] in trail)
                for lead, trail in blocks):
            common += 1
    return common / seen if seen else None


def _frequent(text: str, encoding: str) -> int:
    """How many of ``text``'s characters are frequent in ``encoding``'s language (kana count
    as Japanese)."""
    if encoding == "cp949":
        return sum(char in _KOREAN for char in text)
    if encoding == "shift_jis":
        return sum(char in _JAPANESE or "\u3040" <= char <= "\u30ff" for char in text)
    return sum(char in _CHINESE for char in simplified_chinese(text))


def _spaced_words(text: str) -> bool:
    """Whether words beyond ASCII are often written with a space between them (Korean)."""
    pairs = sum(1 for before, space, after in zip(text, text[1:], text[2:], strict=False)
                if space == " " and not before.isascii() and not after.isascii())
    return pairs * 10 >= sum(1 for char in text if not char.isascii())


def _lines_beyond_ascii(path: Path) -> bytes:
    """Lines of ``path`` with a byte beyond ASCII, up to :data:`SAMPLE_BYTES` of them."""
    kept: list[bytes] = []
    size = read = 0
    try:
        with path.open("rb") as handle:
            for line in handle:
                read += len(line)
                if read > SCAN_BYTES or size >= SAMPLE_BYTES:
                    break
                if not line.isascii():
                    kept.append(line)
                    size += len(line)
    except OSError:
        return b""
    return b"".join(kept)[:SAMPLE_BYTES]


def _is_utf8(sample: bytes) -> bool:
    try:  # not final: the sample may end inside a character
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _start(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SAMPLE_BYTES)


#: Byte order marks a text file may start with, and the encoding each names (UTF-32's first:
#: its little-endian mark starts like UTF-16's).
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
                    (codecs.BOM_UTF8, "utf-8-sig"))


def whole_text(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str | None]:
    """The text of a small file (a do-not-contact list) whose bytes are ``data``, and the
    encoding it was read in when that was guessed: ``encoding`` when given, else the one
    its byte order mark names, else UTF-8, else (its first line beyond ASCII not UTF-8) the
    encoding it looks like (:func:`guessed_encoding`), as ``leadgen import`` reads a CSV
    file. An :class:`InputError` names the first line that does not decode, in one line."""
    if encoding is not None:
        name = text_encoding(encoding, data[:8])
        return _decoded_or_refused(data, path, name, "give another --encoding"), None
    marked = next((name for mark, name in BYTE_ORDER_MARKS if data.startswith(mark)), None)
    name = marked or bomless_utf16(data[:64]) or "utf-8"
    if name != "utf-8":
        return _decoded_or_refused(data, path, name, _SAVE_AGAIN), None
    first = next((line for line in data.splitlines() if not line.isascii()), b"")
    if _decoded(first, "utf-8") is not None:
        return _decoded_or_refused(data, path, "utf-8", (
            "the lines before it were, so the line was pasted in from elsewhere: save it "
            "again in the file's encoding, or remove it")), None
    guess = guessed_encoding(path)
    if guess is None:
        _decoded_or_refused(data, path, "utf-8", f"no other encoding reads it; {_SAVE_AGAIN}")
    assert guess is not None
    return _decoded_or_refused(data, path, guess, (
        f"the encoding it looks like, as UTF-8 does not read it; {_SAVE_AGAIN}")), guess


_SAVE_AGAIN = "give --encoding (gbk for Chinese, cp1252 for Western European) or save it as UTF-8"


def _decoded_or_refused(data: bytes, path: Path, encoding: str, hint: str) -> str:
    """``data`` decoded, or an :class:`InputError` naming the line that is not ``encoding``
    text, and ``hint``."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"{path}: line {line}: not {encoding} text ({exc.reason}); {hint}",
                         ) from exc
