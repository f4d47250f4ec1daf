"""HTML: blocks, charsets, what is never read, escaping on the way out."""

import io
from dataclasses import replace

import lxml.etree
import lxml.html
import pytest

from core.inline import Code, plain, to_tokens
from formats import FormatError
from formats.documents import html as html_format
from formats.documents.source import Paragraph
from tests.formats.documents.samples import (
    texts_and_styles,
)
from tests.support import DATA

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
        ("Tom & Jerry nested deep\nnext line <ok>", "p"),
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
    assert [plain(p.text) for p in document.paragraphs] == ["ab", "c"]


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


# Inline codes and the skeleton


def test_inline_elements_become_codes_holding_their_own_markup() -> None:
    paragraph = html_format.parse(HTML).paragraphs[2]
    assert to_tokens(paragraph.text) == (
        "Tom & ⟨1⟩Jerry ⟨2⟩nested ⟨3⟩deep⟨/3⟩⟨/2⟩⟨/1⟩⟨4/⟩next line <ok>⟨5/⟩"
    )
    codes = paragraph.codes
    assert [(c.kind, c.type, c.native, c.closing) for c in codes.values()] == [
        ("open", "bold", "<b>", "</b>"),
        ("open", "italic", "<i>", "</i>"),
        ("open", "x-html-span", "<span>", "</span>"),
        ("ph", "lb", "<br>", ""),
        ("ph", "x-html-script", "<script>alert(1)</script>", ""),
    ]


def test_links_keep_every_attribute_and_show_their_address() -> None:
    data = b'<p>See <a href="/a?x=1&amp;y=2" class="k" title="T">here</a>.</p>'
    (paragraph,) = html_format.parse(data).paragraphs
    (link,) = paragraph.codes.values()
    assert (link.type, link.label) == ("link", "/a?x=1&y=2")
    assert link.native == '<a href="/a?x=1&amp;y=2" class="k" title="T">'


def test_skeleton_write_replaces_only_the_text_of_changed_paragraphs() -> None:
    """The changed paragraph is written with its spaces collapsed, as read."""
    document = html_format.parse(HTML)
    translated = [
        replace(p, text=p.text.replace("Jerry", "杰瑞")) for p in document.paragraphs
    ]
    out = html_format.write(translated, "", "zh-Hant", template=HTML).decode()
    changed = (
        "<p>Tom &amp; <b>杰瑞 <i>nested <span>deep</span></i></b><br>"
        "next line &lt;ok&gt;<script>alert(1)</script></p>"
    )
    source = HTML.decode()
    start = source.index("<p>Tom")
    end = source.index("</p>", start) + 4
    expected = source[:start] + changed + source[end:]
    assert out == expected.replace('<html lang="en">', '<html lang="zh-Hant">')


def test_skeleton_write_declares_utf8_where_the_original_named_another_charset():
    data = (DATA / "documents" / "okapi_htmltest.html").read_bytes()
    document = html_format.parse(data)
    translated = [replace(p, text="译" + p.text) for p in document.paragraphs]
    out = html_format.write(translated, "", "zh-Hans", template=data)
    assert b"windows-1252" not in out.lower()
    again = html_format.parse(out)
    assert [plain(p.text) for p in again.paragraphs] == [
        plain(p.text) for p in translated
    ]


def test_a_comment_inside_a_paragraph_survives_the_translation() -> None:
    data = b"<p>One <!-- keep me --> two.</p>"
    (paragraph,) = html_format.parse(data).paragraphs
    out = html_format.write(
        [replace(paragraph, text=paragraph.text.replace("two", "二"))],
        "",
        "zh-Hans",
        template=data,
    )
    assert out == '<meta charset="utf-8"><p>One <!-- keep me --> 二.</p>'.encode()


def test_text_holding_the_characters_reserved_for_codes_is_refused() -> None:
    data = "<p>ok</p>\n<p>bad \U000f1001 char</p>".encode()
    with pytest.raises(FormatError, match="line 2 holds a character reserved"):
        html_format.parse(data)


def test_codes_from_another_format_are_written_as_their_html_type() -> None:
    coded = Paragraph(
        "\U000f1001bold\U000f2001 and \U000f1002link\U000f2002",
        "p",
        {
            1: Code(1, "open", "bold", "<w:rPr/>", "</w:rPr>", "b", "docx"),
            2: Code(
                2,
                "open",
                "link",
                "<w:hyperlink/>",
                "</w:hyperlink>",
                "https://example.com/?a=1&b=2",
                "docx",
            ),  # fmt: skip
        },
    )
    out = html_format.write([coded], "T", "en").decode()
    assert (
        '<p><b>bold</b> and <a href="https://example.com/?a=1&amp;b=2">link</a></p>'
        in out
    )


def test_what_is_kept_but_not_offered_is_counted() -> None:
    assert html_format.parse(HTML).not_kept == {
        "menus, forms and embedded text (kept, not translated)": 2
    }
    data = b'<p title="Tip">See <img src="a.png" alt="A chart"> <a href="#">x</a></p>'
    assert html_format.parse(data).not_kept == {
        "alt and title attributes (kept, not translated)": 2
    }


# Exports a browser reads right: charset, BOM, language

_CHINESE = "這是第一行。"


def _translated(name: str, language: str = "zh-Hant") -> tuple[bytes, list[str]]:
    """Return the file translated (each paragraph numbered Chinese), the texts."""
    data = (DATA / "documents" / name).read_bytes()
    paragraphs = html_format.parse(data).paragraphs
    texts = [f"{_CHINESE}{n}" for n in range(len(paragraphs))]
    translated = [
        replace(p, text=text, codes={})
        for p, text in zip(paragraphs, texts, strict=True)
    ]
    return html_format.write(translated, "", language, data), texts


@pytest.mark.parametrize(
    "name",
    [
        "omegat_HTMLFilter2.html",  # no head, no charset
        "omegat_HTMLFilter2-all-block-elements.html",  # a head, no charset
        "okapi_ruby.html",  # a BOM and an XML declaration
        "okapi_W3CHTMHLTest1.html",  # XHTML, http-equiv charset
        "okapi_UTF8WithBOM.html",
        "okapi_leverage_test01.html",  # windows-1252 declared
        "ttk_po2html_template.html",
    ],
)
def test_a_filled_export_reads_back_as_the_same_chinese_in_lxml(name: str) -> None:
    out, texts = _translated(name)
    tree = lxml.html.parse(io.BytesIO(out))
    content = tree.getroot().text_content()
    for text in texts:
        assert text in content
    declared = html_format.parse(out)  # our own reader agrees too
    data = (DATA / "documents" / name).read_bytes()
    styles = [p.style for p in html_format.parse(data).paragraphs]
    if "title" in styles and "h1" not in styles:
        # The title, only in <title>, also opens the body as an <h1>.
        at = styles.index("title")
        assert f"<h1>{texts[at]}</h1>" in out.decode()
        texts = [*texts[: at + 1], texts[at], *texts[at + 1 :]]
    assert [plain(p.text) for p in declared.paragraphs] == texts


def test_a_page_without_charset_gets_a_meta_charset_first_in_a_new_head() -> None:
    out, _texts = _translated("omegat_HTMLFilter2.html")
    assert out.startswith(b'<html lang="zh-Hant"><head><meta charset="utf-8"></head>')


def test_a_page_with_a_head_but_no_charset_gets_it_first_in_the_head() -> None:
    data = b"<!DOCTYPE html><html><head ><title>T</title></head><p>One.</p></html>"
    paragraphs = [Paragraph("一。", "title"), Paragraph("二。", "p")]
    out = html_format.write(paragraphs, "", "zh", data)
    assert out.decode("utf-8") == (
        '<!DOCTYPE html><html lang="zh"><head ><meta charset="utf-8">'
        "<title>一。</title></head>\n<h1>一。</h1><p>二。</p></html>"
    )


def test_the_bom_of_the_original_is_kept_and_its_declarations_say_utf8() -> None:
    out, _texts = _translated("okapi_ruby.html")
    assert out.startswith(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>')
    assert out.count(b"\xef\xbb\xbf") == 1
    plain_out, _texts = _translated("omegat_HTMLFilter2.html")
    assert not plain_out.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("name", ["okapi_W3CHTMHLTest1.html", "okapi_ruby.html"])
def test_xhtml_gets_the_target_language_in_xml_lang_too(name: str) -> None:
    out, _texts = _translated(name, "fr")
    root = lxml.etree.fromstring(out.removeprefix(b"\xef\xbb\xbf"))  # well-formed
    assert root.get("lang") == "fr"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"


def test_stray_text_in_the_head_is_counted_as_not_kept() -> None:
    data = DATA / "documents" / "omegat_HTMLFilter2-all-block-elements.html"
    document = html_format.parse(data.read_bytes())
    texts = " ".join(plain(p.text) for p in document.paragraphs)
    assert "between head tags" not in texts
    assert document.not_kept["text in the head (kept, not translated)"] == 1


def test_a_new_page_opens_its_body_with_the_headline() -> None:
    # The seed release's headline, read from a page that had it only in <title>.
    headline = "前海深港現代服務業合作區發展工作專班會議在深圳舉行（附圖）"
    paragraphs = [Paragraph(headline, "title"), Paragraph("會議今日舉行。", "p")]
    out = html_format.write(paragraphs, "", "zh-Hant")
    tree = lxml.html.parse(io.BytesIO(out)).getroot()
    assert tree.findtext("head/title") == headline
    assert [h1.text_content() for h1 in tree.iter("h1")] == [headline]
    assert tree.find("body")[0].tag == "h1"
    again = html_format.parse(out)
    assert again.title == headline
    assert [p.style for p in again.paragraphs] == ["title", "h1", "p"]


def test_a_page_with_its_own_h1_gets_no_second_headline() -> None:
    paragraphs = [
        Paragraph("Plan & zone", "title"),
        Paragraph("Plan issued", "h1"),
        Paragraph("Body.", "p"),
    ]
    out = html_format.write(paragraphs, "", "en")
    assert out.count(b"<h1>") == 1
    data = b"<html><head><title>T</title></head><body><h1>H</h1><p>P</p></body></html>"
    filled = html_format.write(html_format.parse(data).paragraphs, "", "en", data)
    assert filled.count(b"<h1>") == 1


def test_a_filled_template_with_the_title_only_in_head_gets_an_h1() -> None:
    data = (
        b"<html><head><title>Plan</title></head>"
        b"<body class='x'><p>One.</p></body></html>"
    )
    paragraphs = [Paragraph("計劃", "title"), Paragraph("一。", "p")]
    out = html_format.write(paragraphs, "", "zh-Hant", data).decode()
    assert "<body class='x'>\n<h1>計劃</h1><p>一。</p>" in out
    assert "<title>計劃</title>" in out
