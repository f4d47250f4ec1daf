"""Markdown: block styles, front matter, round trips."""

from core.inline import to_tokens
from formats.documents import markdown
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    texts_and_styles,
)

# Markdown

MARKDOWN = """---
title: "Qianhai plan"
date: 2021-09-07
---

# Plan issued **today**

The plan was issued
by [the State Council](https://example.org).

- first item
- second item
  continued
1. numbered

> a quote
> over two lines

```python
print("not translated")
```

Sub heading
-----------
"""


def test_markdown_blocks_get_styles_and_lose_their_markers() -> None:
    document = markdown.parse(MARKDOWN.encode())
    assert document.title == "Qianhai plan"
    assert document.metadata == {"title": "Qianhai plan", "date": "2021-09-07"}
    assert texts_and_styles(document.paragraphs) == [
        ("Plan issued today", "h1"),
        ("The plan was issued by the State Council.", ""),
        ("first item", "li"),
        ("second item continued", "li"),
        ("numbered", "ol"),
        ("a quote over two lines", "blockquote"),
        ('print("not translated")', "code"),
        ("Sub heading", "h2"),
    ]


def test_markdown_title_is_first_heading_without_front_matter() -> None:
    document = markdown.parse(b"Intro text\n\n## Second level\n\n# First level\n")
    assert document.title == "Second level"


def test_markdown_round_trip_keeps_texts_and_styles() -> None:
    paragraphs = [
        *markdown.parse(MARKDOWN.encode()).paragraphs,
        Paragraph("# not a heading"),
        Paragraph("- not a list"),
        Paragraph("2021. A year, not a list"),
        Paragraph("> not a quote", "li"),
        Paragraph("---"),
        Paragraph("code with ``` inside", "code"),
        Paragraph("中文段落", "h3"),
    ]
    again = markdown.parse(markdown.write(paragraphs))
    assert texts_and_styles(again.paragraphs) == texts_and_styles(paragraphs)


def test_markdown_write_uses_markers_for_styles() -> None:
    data = markdown.write(
        [
            Paragraph("Title", "h1"),
            Paragraph("one", "li"),
            Paragraph("two", "li"),
            Paragraph("quoted", "blockquote"),
            Paragraph("x = 1", "code"),
        ]
    )
    assert data.decode() == "# Title\n\n- one\n- two\n\n> quoted\n\n```\nx = 1\n```\n"


def test_markdown_inline_syntax_becomes_codes_written_back_as_it_was() -> None:
    text = (
        "Run `make all` on **every** host, see [the *guide*](https://x.org/g "
        '"Guide") and ![a chart](chart.png); 5 * 3 * 2 and snake_case stay text.'
    )
    (paragraph,) = markdown.parse(text.encode()).paragraphs
    assert to_tokens(paragraph.text) == (
        "Run ⟨1⟩make all⟨/1⟩ on ⟨2⟩every⟨/2⟩ host, see ⟨3⟩the ⟨4⟩guide⟨/4⟩⟨/3⟩ "
        "and ⟨5/⟩; 5 * 3 * 2 and snake_case stay text."
    )
    assert [(c.type, c.label) for c in paragraph.codes.values()] == [
        ("code", "code"),
        ("bold", "b"),
        ("link", "https://x.org/g"),
        ("italic", "i"),
        ("image", "a chart"),
    ]
    assert markdown.write([paragraph]).decode() == text + "\n"
    translated = paragraph.text.replace("host", "主机")
    assert (
        "**every** 主机"
        in markdown.write([Paragraph(translated, "", paragraph.codes)]).decode()
    )
