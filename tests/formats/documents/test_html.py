"""HTML: blocks, charsets, what is never read, escaping on the way out."""

from formats.documents import html as html_format
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    texts_and_styles,
)

# HTML

HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Plan &amp; zone</title>
<meta name="date" content="2021-09-07">
<style>p { color: red }</style>
<script>alert(1)</script>
</head><body>
<nav><a href="/">Home</a></nav>
<h1>Plan <em>issued</em></h1>
<p>Tom&nbsp;&amp; <b>Jerry <i>nested <span>deep</span></i></b><br>next
   line &lt;ok&gt;<script>alert(1)</script></p>
<ul><li>one<li>two</ul>
<div>Loose text<p>inner</p></div>
<table><tr><th>Area</th><td>14.92</td></tr></table>
<noscript>enable scripts</noscript>
</body></html>"""


def test_html_reads_blocks_and_flattens_inline_markup() -> None:
    document = html_format.parse(HTML)
    assert document.title == "Plan & zone"
    assert document.metadata == {"language": "en", "date": "2021-09-07"}
    assert texts_and_styles(document.paragraphs) == [
        ("Plan & zone", "title"),
        ("Plan issued", "h1"),
        ("Tom & Jerry nested deep next line <ok>", "p"),
        ("one", "li"),
        ("two", "li"),
        ("Loose text", "div"),
        ("inner", "p"),
        ("Area", "th"),
        ("14.92", "td"),
    ]


def test_html_never_reads_script_style_or_navigation() -> None:
    document = html_format.parse(HTML)
    everything = " ".join(p.text for p in document.paragraphs) + document.title
    for unwanted in ("alert", "color", "Home", "enable scripts"):
        assert unwanted not in everything


def test_html_honours_meta_charset_and_joins_cjk_lines() -> None:
    data = '<meta charset="gb2312"><p>前海\n合作区 plan</p>'.encode("gb18030")
    document = html_format.parse(data)
    assert document.paragraphs == [Paragraph("前海合作区 plan", "p")]
    assert document.title == "前海合作区 plan"


def test_html_title_falls_back_to_first_h1() -> None:
    document = html_format.parse(b"<p>intro</p><h1>Heading</h1>")
    assert document.title == "Heading"


def test_html_body_content_closes_an_unclosed_head() -> None:
    document = html_format.parse(b"<head><title>T</title><style>x</style><p>Body")
    assert texts_and_styles(document.paragraphs) == [("T", "title"), ("Body", "p")]


def test_html_with_broken_markup_is_still_read() -> None:
    document = html_format.parse(b"<p>a<![if !IE]>b<![endif]><p>c</b></i>")
    assert [p.text for p in document.paragraphs] == ["ab", "c"]


def test_html_write_escapes_text_and_round_trips() -> None:
    paragraphs = [
        *html_format.parse(HTML).paragraphs,
        Paragraph("<script>alert(1)</script> & more", "p"),
        Paragraph("代码", "pre"),
    ]
    data = html_format.write(paragraphs, "ignored title", "zh-Hans")
    text = data.decode()
    assert text.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    assert '<meta charset="utf-8">' in text
    assert "<title>Plan &amp; zone</title>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in text
    assert "<script>" not in text
    again = html_format.parse(data)
    assert texts_and_styles(again.paragraphs) == texts_and_styles(paragraphs)
    assert again.metadata == {"language": "zh-Hans"}


def test_html_write_uses_title_argument_without_title_paragraph() -> None:
    data = html_format.write([Paragraph("Body", "odd-style")], "My title", "en")
    assert b"<title>My title</title>" in data
    assert b"<p>Body</p>" in data
