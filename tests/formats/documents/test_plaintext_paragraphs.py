"""Plain text the way it arrives: one paragraph per line, blank lines with
wrapped lines, and both in one file; structural lines never glued to a
neighbour; in English, Traditional and Simplified Chinese and in each
encoding the reader takes. The texts are written for these tests."""

import pytest

from formats.documents import plaintext

SPEECH_LINES = """Speech by SED at graduation ceremony
(with photos)
Following is the speech by the Secretary for Education, Dr Choi Yuk-lin, \
at the graduation ceremony of the Institute today (March 14):
President Cheung, Professor Lee, distinguished guests, graduates,
Good afternoon. It is my great pleasure to be here today.
The Government has three priorities for the coming year:
(a) more places in applied degree programmes;
(b) stronger links with employers; and
(c) support for students with special needs.
I wish all graduates every success.
Ends/Friday, March 14, 2025
Issued at HKT 19:30
NNNN
"""

EXPECTED = [
    "Speech by SED at graduation ceremony",
    "(with photos)",
    "Following is the speech by the Secretary for Education, Dr Choi Yuk-lin, "
    "at the graduation ceremony of the Institute today (March 14):",
    "President Cheung, Professor Lee, distinguished guests, graduates,",
    "Good afternoon. It is my great pleasure to be here today.",
    "The Government has three priorities for the coming year:",
    "(a) more places in applied degree programmes;",
    "(b) stronger links with employers; and",
    "(c) support for students with special needs.",
    "I wish all graduates every success.",
    "Ends/Friday, March 14, 2025",
    "Issued at HKT 19:30",
    "NNNN",
]

CHINESE_LINES = """教育局局長在畢業典禮致辭
（附圖）
以下是教育局局長蔡若蓮博士今日（三月十四日）在學院畢業典禮的致辭：
張校長、李教授、各位嘉賓、各位畢業生，
大家好。我很高興今天來到這裏。
政府來年有三項重點工作：
（一）增加應用學位課程學額；
（二）加強與僱主的聯繫；以及
（三）支援有特殊需要的學生。
祝各位畢業生前程似錦。
完
2025年3月14日（星期五）
香港時間19時30分
"""


def texts(document):
    return [p.text for p in document.paragraphs]


def test_one_paragraph_per_line_keeps_every_line():
    document = plaintext.parse(SPEECH_LINES.encode())
    assert texts(document) == EXPECTED
    assert document.metadata["paragraphs"] == "lines"


def test_chinese_one_paragraph_per_line():
    found = texts(plaintext.parse(CHINESE_LINES.encode()))
    assert found == [line for line in CHINESE_LINES.splitlines() if line]


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap a paragraph at spaces, as an e-mail program does."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = (current + " " + word).strip()
    return lines + [current]


def test_blank_lines_and_wrapped_lines_are_joined_again():
    body = "\n\n".join("\n".join(wrap(p, 50)) for p in EXPECTED)
    document = plaintext.parse(body.encode())
    assert texts(document) == EXPECTED
    assert "paragraphs" not in document.metadata


def test_a_file_mixing_the_two_conventions():
    wrapped = "\n".join(wrap(EXPECTED[2], 40))
    body = "\n".join(EXPECTED[:2]) + "\n\n" + wrapped + "\n\n" + "\n".join(EXPECTED[3:])
    assert texts(plaintext.parse(body.encode())) == EXPECTED


def test_wrapped_paragraphs_without_blank_lines_end_at_a_short_last_line():
    first = (
        "The Transport Department announced today that special traffic "
        "arrangements will be implemented in Central on Sunday to make way "
        "for the event."
    )
    second = (
        "Motorists are advised to plan their journeys early and to follow "
        "the instructions of the police on the spot."
    )
    body = "Traffic notice\n" + "\n".join(wrap(first, 60) + wrap(second, 60)) + "\n"
    assert texts(plaintext.parse(body.encode())) == ["Traffic notice", first, second]


def test_structural_lines_are_never_glued_even_in_a_wrapped_block():
    body = (
        "Notice\n\n"
        "The office will close at noon on\nFriday for the holiday.\n"
        "(with video)\n"
        "Ends/Friday, March 14, 2025\nIssued at HKT 19:30\nNNNN\n"
    )
    assert texts(plaintext.parse(body.encode())) == [
        "Notice",
        "The office will close at noon on Friday for the holiday.",
        "(with video)",
        "Ends/Friday, March 14, 2025",
        "Issued at HKT 19:30",
        "NNNN",
    ]


def test_the_convention_can_be_told():
    body = "Title\n\nA first line that is\nwrapped in the middle.\n"
    assert texts(plaintext.parse(body.encode(), paragraphs="lines")) == [
        "Title",
        "A first line that is",
        "wrapped in the middle.",
    ]
    lines = "Title\nOne sentence.\nAnother sentence.\n"
    assert texts(plaintext.parse(lines.encode(), paragraphs="blank")) == [
        "Title",
        "One sentence. Another sentence.",
    ]
    with pytest.raises(ValueError):
        plaintext.parse(b"x", paragraphs="sometimes")


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", CHINESE_LINES),
        ("utf-16", CHINESE_LINES),
        ("big5hkscs", CHINESE_LINES),
        (
            "gb18030",
            CHINESE_LINES.replace("畢業典禮致辭", "毕业典礼致辞")
            .replace("（附圖）", "（附图）")
            .replace("香港時間", "香港时间"),
        ),
    ],
)
def test_each_encoding_the_reader_takes(encoding, text):
    found = texts(plaintext.parse(text.encode(encoding)))
    assert found == [line for line in text.splitlines() if line]


def test_the_translation_is_written_with_the_originals_lines():
    written = plaintext.write(["標題", "第一段。", "第二段。"], one_per_line=True)
    assert written.decode() == "標題\n第一段。\n第二段。\n"
    back = plaintext.parse(written)
    assert texts(back) == ["標題", "第一段。", "第二段。"]
    assert back.metadata["paragraphs"] == "lines"
