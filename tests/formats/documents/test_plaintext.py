"""Plain text: titles, dates, joined lines, and the writer."""

from formats.documents import plaintext
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    SEED_000,
    SEED_003,
    texts_and_styles,
)

# Plain text


def test_seed_003_date_title_and_first_paragraphs() -> None:
    document = plaintext.parse(SEED_003.read_bytes())
    title = "Plan issued to further develop cooperation zone"
    assert document.title == title
    assert document.metadata == {"date": "2021-09-07"}
    assert document.paragraphs[:3] == [
        Paragraph(title, "title"),
        Paragraph("September 07, 2021"),
        Paragraph(
            "A panoramic view of the financial area in Hong Kong. (Photo/Xinhua)"
        ),
    ]
    assert document.paragraphs[3].text.startswith("China's central authorities")
    assert len(document.paragraphs) == 13
    assert all(p.style == "" for p in document.paragraphs[1:])


def test_seed_000_skips_leading_blank_lines_and_keeps_title_paragraph() -> None:
    document = plaintext.parse(SEED_000.read_bytes())
    title = (
        "Meeting of Task Force on the Development of the Qianhai Shenzhen-Hong "
        "Kong Modern Service Industry Co-operation Zone held in Shenzhen "
        "(with photos)"
    )
    assert document.title == title
    assert document.metadata == {}
    assert document.paragraphs[0] == Paragraph(title, "title")
    assert document.paragraphs[1].text.startswith(
        "The Secretary for Constitutional and Mainland Affairs, Mr Erick Tsang"
    )
    assert len(document.paragraphs) == 9


def test_lines_join_with_space_for_latin_and_nothing_for_cjk() -> None:
    text = (
        "Title\n\nan English\nsentence 2021\n3 more\n\n中文第一行\n第二行\nDjango\n框架"
    )
    data = text.encode()
    paragraphs = plaintext.parse(data).paragraphs
    assert [p.text for p in paragraphs[1:]] == [
        "an English sentence 2021 3 more",
        "中文第一行第二行 Django 框架",
    ]


def test_date_alone_on_first_line_makes_next_line_the_title() -> None:
    document = plaintext.parse(b"  date 2021-09-07  \n\nReal title\nBody line\n")
    # a title and a line with no blank line between: one paragraph per line
    assert document.metadata == {"date": "2021-09-07", "paragraphs": "lines"}
    assert document.title == "Real title"
    assert texts_and_styles(document.paragraphs) == [
        ("Real title", "title"),
        ("Body line", ""),
    ]


def test_impossible_date_is_left_in_the_text() -> None:
    document = plaintext.parse(b"date 2021-13-45 Title\n")
    assert document.metadata == {}
    assert document.title == "date 2021-13-45 Title"


def test_given_title_leaves_paragraphs_unstyled() -> None:
    document = plaintext.parse(b"First line\n\nSecond", title="Chosen")
    assert document.title == "Chosen"
    assert document.paragraphs == [Paragraph("First line"), Paragraph("Second")]


def test_plaintext_write_is_utf8_with_blank_lines_and_final_newline() -> None:
    data = plaintext.write(["标题", " Body one ", "", "Two\n\nlines"])
    assert data == "标题\n\nBody one\n\nTwo\nlines\n".encode()


def test_plaintext_round_trip_keeps_paragraph_texts() -> None:
    document = plaintext.parse(SEED_000.read_bytes())
    again = plaintext.parse(plaintext.write(p.text for p in document.paragraphs))
    assert again.paragraphs == document.paragraphs


def test_release_closing_lines_are_paragraphs_of_their_own() -> None:
    data = (
        SEED_000.read_text(encoding="utf-8").rstrip()
        + "\nEnds/Thursday, February 6, 2025\nIssued at HKT 20:05\n\nNNNN\n"
    ).encode("utf-8")
    texts = [paragraph.text for paragraph in plaintext.parse(data).paragraphs]
    assert texts[-3:] == [
        "Ends/Thursday, February 6, 2025",
        "Issued at HKT 20:05",
        "NNNN",
    ]
    assert texts[-4].endswith("representatives of relevant bureaux and departments.")


def test_chinese_release_closing_lines_are_not_joined() -> None:
    lines = ["前海會議", "", "會議討論合作。", "完", "2025年2月6日（星期四）"]
    data = "\n".join([*lines, "香港時間20時05分", ""]).encode()
    texts = [paragraph.text for paragraph in plaintext.parse(data).paragraphs]
    assert texts == [
        "前海會議",
        "會議討論合作。",
        "完",
        "2025年2月6日（星期四）",
        "香港時間20時05分",
    ]
