"""Tests for ``decode_text``: Unicode forms, GB18030 against Big5, refusals."""

import codecs
import random
import shutil
import subprocess

import pytest

from formats import FormatError
from formats.textdecoding import decode_text
from tests.support import DATA as TEST_DATA

DATA = TEST_DATA / "documents"
GOLDEN = [
    ("us_constitution_zhs.gb18030.txt", "gb18030", "美利坚合众国宪法"),
    ("us_constitution_zhs.s2hk.big5hkscs.txt", "big5hkscs", "美利堅合眾國憲法"),
    ("us_constitution_zhs.s2t.big5hkscs.txt", "big5hkscs", "美利堅合衆國憲法"),
]
SIMPLIFIED_PARAGRAPH = (
    "中央政府周一发布了进一步推进前海深港现代服务业合作区发展的方案。"
    "方案提出，将前海合作区面积由14.92平方公里扩展至120.56平方公里。"
    "有关官员表示，这将把深港合作提升到更高水平。"
)
TRADITIONAL_PARAGRAPH = (
    "政制及內地事務局局長曾國衞今日在深圳出席前海發展專責小組第一次會議。"
    "他表示，粵港澳大灣區建設是國家發展戰略，香港會積極參與。"
)


@pytest.mark.parametrize(("name", "codec", "heading"), GOLDEN)
def test_golden_texts_are_decoded_with_their_own_codec(
    name: str, codec: str, heading: str
) -> None:
    data = (DATA / name).read_bytes()
    text = decode_text(data)
    assert text == data.decode(codec)
    assert text.startswith(heading)


@pytest.mark.parametrize(("name", "codec", "heading"), GOLDEN)
def test_every_golden_line_alone_is_decoded_with_its_own_codec(
    name: str, codec: str, heading: str
) -> None:
    for line in (DATA / name).read_bytes().split(b"\n"):
        if line.strip():
            assert decode_text(line) == line.decode(codec)


@pytest.mark.parametrize(
    "text",
    ["政制及內地事務局局長曾國衞", "衞生署", "香港特別行政區", "前海管理局", "中"],
)
def test_short_hong_kong_strings_in_big5hkscs_are_read_as_big5(text: str) -> None:
    assert decode_text(text.encode("big5hkscs")) == text


@pytest.mark.parametrize(
    "text", ["前海管理局", "深圳市人民政府", "粤港澳大湾区", "卫生署", "中"]
)
def test_short_simplified_strings_in_gb18030_are_read_as_gb18030(text: str) -> None:
    assert decode_text(text.encode("gb18030")) == text


def test_simplified_paragraph_in_gb18030_is_read_as_gb18030() -> None:
    assert decode_text(SIMPLIFIED_PARAGRAPH.encode("gb18030")) == SIMPLIFIED_PARAGRAPH


def test_traditional_paragraph_in_big5hkscs_is_read_as_big5() -> None:
    data = TRADITIONAL_PARAGRAPH.encode("big5hkscs")
    assert decode_text(data) == TRADITIONAL_PARAGRAPH


def test_traditional_text_in_gb18030_is_read_as_gb18030() -> None:
    assert decode_text(TRADITIONAL_PARAGRAPH.encode("gb18030")) == TRADITIONAL_PARAGRAPH


def test_english_with_a_few_chinese_words_in_gb18030_is_decoded() -> None:
    text = "The Qianhai (前海) zone will grow to 120.56 square km, 深圳 said."
    assert decode_text(text.encode("gb18030")) == text


def test_utf8_without_bom_is_decoded() -> None:
    assert decode_text("前海 café\n".encode()) == "前海 café\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_marked_text_is_decoded_and_bom_dropped(bom: bytes, codec: str) -> None:
    text = "Title 标题\n香港 衞生署\n"
    assert decode_text(bom + text.encode(codec)) == text


def test_ascii_utf16_without_bom_is_decoded() -> None:
    assert decode_text("Hello\r\nworld".encode("utf-16-le")) == "Hello\nworld"


def test_crlf_and_lone_cr_line_endings_become_lf() -> None:
    assert decode_text(b"a\r\nb\rc\n") == "a\nb\nc\n"


def test_english_windows_1252_punctuation_is_decoded() -> None:
    text = "China’s plan — “timely rain”… it said."
    assert decode_text(text.encode("cp1252")) == text


@pytest.mark.parametrize("text", ["café", "café au lait", "Größe", "naïve résumé"])
def test_latin1_accents_are_refused_not_turned_into_chinese(text: str) -> None:
    with pytest.raises(FormatError) as error:
        decode_text(text.encode("cp1252"))
    message = str(error.value)
    assert "not in UTF-8, UTF-16, GB18030 or Big5" in message
    assert "line 1" in message
    assert "Latin-1 or Windows-1252" in message


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", codecs.BOM_UTF8, b"\xff\xfe"])
def test_empty_or_blank_data_is_refused_as_empty(data: bytes) -> None:
    with pytest.raises(FormatError, match="the file is empty"):
        decode_text(data)


def test_whitespace_only_utf16_is_refused_as_empty() -> None:
    with pytest.raises(FormatError, match="the file is empty"):
        decode_text(codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        random.Random(7).randbytes(4096),
        bytes(range(1, 32)) * 10 + b"some text",
        b"text\x00with a NUL byte",
    ],
    ids=["png", "random", "controls", "nul"],
)
def test_binary_data_is_refused_as_binary(data: bytes) -> None:
    with pytest.raises(FormatError, match="the file looks binary, not text"):
        decode_text(data)


def test_binary_behind_a_utf16_bom_is_refused_as_binary() -> None:
    with pytest.raises(FormatError, match="looks binary"):
        decode_text(codecs.BOM_UTF16_LE + "\x01\x02\x03".encode("utf-16-le") * 9)


def test_undecodable_bytes_name_the_line_of_the_first_bad_byte() -> None:
    with pytest.raises(FormatError) as error:
        decode_text(b"line one\nline two\n\xff\xfe\xfd\xfc here")
    assert str(error.value) == (
        "the text is not in UTF-8, UTF-16, GB18030 or Big5 (first bad byte at line 3)"
    )


def test_damaged_gb18030_text_names_the_damaged_line() -> None:
    data = (DATA / "us_constitution_zhs.gb18030.txt").read_bytes()
    lines = data.split(b"\n")
    lines[99] = lines[99][:4] + b"\xff" + lines[99][4:]
    with pytest.raises(FormatError, match=r"first bad byte at line 100\)"):
        decode_text(b"\n".join(lines))


def test_invalid_utf16_names_the_line() -> None:
    data = codecs.BOM_UTF16_LE + "ok\nok\n".encode("utf-16-le") + b"\x00\xdc"
    with pytest.raises(
        FormatError, match=r"not valid UTF-16 \(first bad byte at line 3"
    ):
        decode_text(data)


# The other encodings of a Chinese archive: HZ, UTF-16 without BOM, EUC-TW

GOLDEN_TEXTS = TEST_DATA / "opencc" / "golden"
ICONV = shutil.which("iconv")
needs_iconv = pytest.mark.skipif(ICONV is None, reason="iconv is missing")


def golden(name: str) -> str:
    return (GOLDEN_TEXTS / name).read_text("utf-8")


def iconv(text: str, encoding: str) -> bytes:
    """Return ``text`` encoded by GNU iconv (Python has no EUC-TW codec)."""
    return subprocess.run(
        [ICONV, "-f", "UTF-8", "-t", encoding],
        input=text.encode(),
        capture_output=True,
        check=True,
    ).stdout


@needs_iconv
@pytest.mark.parametrize(
    "name",
    ["output/us_constitution_zhs.s2tw.txt", "output/us_constitution_zhs.s2t.txt"],
)
def test_euc_tw_is_refused_by_name_not_read_as_nonsense(name: str) -> None:
    """GB18030 and Big5 read EUC-TW bytes without error; it is named and refused."""
    data = iconv(golden(name), "EUC-TW")
    with pytest.raises(FormatError) as caught:
        decode_text(data)
    message = str(caught.value)
    assert "EUC-TW" in message and "UTF-8" in message and "\n" not in message


@needs_iconv
def test_euc_tw_paragraphs_are_refused_and_never_read_as_chinese() -> None:
    """Every paragraph of 12+ characters: refused, never decoded."""
    paragraphs = [
        part
        for part in golden("output/us_constitution_zhs.s2tw.txt").split("\n\n")
        if len(part.strip()) >= 12
    ]
    assert len(paragraphs) > 50
    for paragraph in paragraphs:
        with pytest.raises(FormatError):
            decode_text(iconv(paragraph, "EUC-TW"))


@needs_iconv
def test_gb_and_big5_are_not_taken_for_euc_tw() -> None:
    """Real GB2312 and Big5 text with the same byte shapes still decodes."""
    simplified = golden("input/us_constitution_zhs.txt")
    traditional = golden("output/us_constitution_zhs.s2tw.txt")
    for text, encoding in ((simplified, "GB18030"), (traditional, "BIG5-HKSCS")):
        for line in filter(str.strip, text.split("\n")):
            assert decode_text(iconv(line, encoding)) == line


def test_hz_is_decoded() -> None:
    """HZ is 7-bit ASCII: without this it would come in as ``~{...~}`` text."""
    text = golden("input/us_constitution_zhs.txt")
    lines = [line for line in text.split("\n") if line.strip()][:40]
    for line in lines:
        data = line.encode("hz")
        assert data.isascii()
        assert decode_text(data) == line


def test_ascii_with_a_tilde_brace_stays_ascii() -> None:
    for text in ("Use ~{name} in templates", "a ~{ b ~} c", "x ~{~} y"):
        assert decode_text(text.encode()) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_is_decoded(codec: str) -> None:
    for text in (SIMPLIFIED_PARAGRAPH, TRADITIONAL_PARAGRAPH):
        assert decode_text(text.encode(codec)) == text
    whole = golden("output/us_constitution_zhs.s2hk.txt")
    assert decode_text(whole.encode(codec)) == whole
