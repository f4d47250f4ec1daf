"""The translated document: real HTML and Word files keep their structure.

Each test imports a file from another project, gives every sentence a
translation through the write path (the source in capitals behind a mark,
its inline codes where they were), exports the document in its own format
and reads the export back with lxml or python-docx.
"""

import io
import zipfile

import docx as python_docx
import pytest
from lxml import etree
from lxml import html as lxml_html

from core.inline import codes_from_json, codes_in, plain
from core.statuses import Status
from exchange.exporting import export_document, in_place
from exchange.importing import import_document
from tests.support import DATA, SEEDS
from translations.models import Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

DOCUMENTS = DATA / "documents"
MARK = "译："
LANGUAGE = "zh-Hans"


def _translated(name: str) -> tuple[bytes, bytes, object]:
    """Import ``name``, translate every sentence, return (original, export, doc)."""
    data = (DOCUMENTS / name).read_bytes()
    document = import_document(
        data=data, filename=name, source_language="en", targets=[LANGUAGE]
    )
    rows = Translation.objects.filter(segment__document=document, language=LANGUAGE)
    for translation in rows.select_related("segment"):
        change_translation(
            translation=translation,
            text=MARK + translation.segment.source.upper(),
            status=Status.TRANSLATED,
            expected_version=translation.version,
        )
    kind = name.rsplit(".", 1)[-1]
    return data, export_document(document, LANGUAGE, kind), document


def _errors(data: bytes) -> int:
    """Return how many problems libxml2's HTML parser finds in ``data``."""
    parser = etree.HTMLParser(recover=True)
    etree.parse(io.BytesIO(data), parser)
    return len(parser.error_log)


def _text(element) -> str:
    return " ".join(element.text_content().split())


# HTML


@pytest.fixture(scope="module")
def pandoc_page(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        original, exported, document = _translated("pandoc_html-reader.html")
        yield original, exported, document
        document.delete()


def test_html_export_keeps_every_link_and_its_address(pandoc_page):
    original, exported, _ = pandoc_page
    before = lxml_html.fromstring(original)
    after = lxml_html.fromstring(exported)
    hrefs = [a.get("href") for a in before.iter("a")]
    assert len(hrefs) > 30
    assert [a.get("href") for a in after.iter("a")] == hrefs
    assert [a.get("title") for a in after.iter("a")] == [
        a.get("title") for a in before.iter("a")
    ]
    for a, b in zip(before.iter("a"), after.iter("a"), strict=True):
        assert _text(b) == _text(a).upper()


def test_html_export_keeps_inline_code_and_leaves_code_blocks_alone(pandoc_page):
    original, exported, _ = pandoc_page
    before, after = lxml_html.fromstring(original), lxml_html.fromstring(exported)
    inline = [c for c in before.iter("code") if c.getparent().tag != "pre"]
    assert len(inline) > 8
    assert len(list(after.iter("code"))) == len(list(before.iter("code")))
    blocks = [etree.tostring(p) for p in before.iter("pre")]
    assert [etree.tostring(p) for p in after.iter("pre")] == blocks


def test_html_export_translates_every_table_cell_and_list_item(pandoc_page):
    original, exported, _ = pandoc_page
    before, after = lxml_html.fromstring(original), lxml_html.fromstring(exported)
    cells = [c for c in after.iter("td", "th") if _text(c)]
    assert len(cells) > 100
    assert all(_text(cell).startswith(MARK) for cell in cells)
    assert len(list(after.iter("table"))) == len(list(before.iter("table")))

    def shape(tree):
        return [
            (len([a for a in li.iterancestors("ul", "ol")]), li.getparent().tag)
            for li in tree.iter("li")
        ]

    assert shape(after) == shape(before)
    items = [_text(li) for li in after.iter("li") if _text(li)]
    assert all(item.startswith(MARK) for item in items)


def test_html_export_keeps_the_head_and_is_no_less_well_formed(pandoc_page):
    original, exported, _ = pandoc_page
    text = exported.decode("utf-8")
    assert '<style type="text/css">\ndiv.pandocNote' in text
    assert '<meta name="generator" content="pandoc" />' in text
    assert f"<title>{MARK}PANDOC TEST SUITE</title>" in text
    assert f'<html lang="{LANGUAGE}">' in text
    assert _errors(exported) <= _errors(original)


def test_html_sentences_hold_codes_that_say_what_they_stand_for(pandoc_page):
    _, _, document = pandoc_page
    segment = document.segments.get(source__contains="with an ampersand in the URL")
    codes = codes_from_json(segment.codes)
    assert [(c.type, c.label) for c in codes.values()] == [
        ("link", "http://example.com/?foo=1&bar=2")
    ]
    assert codes[1].native == '<a href="http://example.com/?foo=1&amp;bar=2">'
    assert codes[1].closing == "</a>"
    assert plain(segment.source) == ("Here's a link with an ampersand in the URL.")
    paragraph = document.paragraphs.get(index=segment.paragraph)
    assert set(codes_from_json(paragraph.codes)) >= set(codes)


def test_a_translation_that_loses_a_closing_code_still_exports_valid_html():
    """A pair left open is closed at the end of its paragraph."""
    data = b'<p>Read <a href="/guide">the guide</a> first. Then <b>act</b>.</p>'
    document = import_document(
        data=data, filename="page.html", source_language="en", targets=[LANGUAGE]
    )
    first = Translation.objects.get(segment__position=0, segment__document=document)
    broken = first.segment.source.replace(chr(0xF2001), "")
    change_translation(
        translation=first,
        text="先读" + broken[len("Read ") :],
        status=Status.TRANSLATED,
        expected_version=first.version,
    )
    exported = export_document(document, LANGUAGE, "html").decode()
    # The link the translation left open is closed where the paragraph ends.
    assert '<p>先读<a href="/guide">the guide first.Then <b>act</b>.</a></p>' in (
        exported
    )
    assert _errors(exported.encode()) == 0


def test_a_pair_split_across_two_sentences_exports_whole():
    data = b"<p><b>One sentence. Another</b> sentence.</p>"
    document = import_document(
        data=data, filename="split.html", source_language="en", targets=[LANGUAGE]
    )
    sources = list(document.segments.order_by("position").values_list("source"))
    assert [codes_in(s) for (s,) in sources] == [[(1, "open")], [(1, "close")]]
    for translation in Translation.objects.filter(segment__document=document):
        change_translation(
            translation=translation,
            text=translation.segment.source.replace("sentence", "句"),
            status=Status.TRANSLATED,
            expected_version=translation.version,
        )
    exported = export_document(document, LANGUAGE, "html").decode()
    assert "<p><b>One 句.Another</b> 句.</p>" in exported
    assert _errors(exported.encode()) == 0


# Word


def _body_links(data: bytes) -> list[tuple[str, str, str]]:
    document = python_docx.Document(io.BytesIO(data))
    return [
        (link.address, link.fragment, link.text)
        for paragraph in document.paragraphs
        for link in paragraph.hyperlinks
    ]


def test_docx_export_keeps_hyperlinks_pointing_where_they_did():
    original, exported, _ = _translated("pydocx_par-hyperlinks.docx")
    before, after = _body_links(original), _body_links(exported)
    assert len(before) == 4
    assert [(a, f) for a, f, _ in after] == [(a, f) for a, f, _ in before]
    assert [t for _, _, t in after] == [t.upper() for _, _, t in before]


def test_docx_export_keeps_links_to_bookmarks_and_the_bookmarks():
    original, exported, _ = _translated("pydocx_par-hlink-frags.docx")
    assert [(a, f) for a, f, _ in _body_links(exported)] == [
        (a, f) for a, f, _ in _body_links(original)
    ]
    names = etree.fromstring(
        python_docx.Document(io.BytesIO(exported)).element.xml.encode()
    ).xpath("//w:bookmarkStart/@w:name", namespaces={"w": _W})
    assert "linkedBookmark" in names


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _stories(word):
    """Yield the paragraphs of every header and footer that has its own."""
    for section in word.sections:
        for story in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not story.is_linked_to_previous:
                yield from story.paragraphs


@pytest.mark.parametrize(
    "name", ["pydocx_sct-first-page-hdrftr.docx", "pydocx_hdr-header-footer.docx"]
)
def test_docx_headers_and_footers_are_offered_and_exported_translated(name):
    original, exported, document = _translated(name)
    texts = [p.text for p in _stories(python_docx.Document(io.BytesIO(original)))]
    offered = {plain(p.text) for p in document.paragraphs.all()}
    assert {t.strip() for t in texts if t.strip()} <= offered
    word = python_docx.Document(io.BytesIO(exported))
    seen = 0
    for paragraph in _stories(word):
        if paragraph.text.strip():
            assert paragraph.text.startswith(MARK), paragraph.text
            seen += 1
    assert seen >= 2


def test_docx_table_cells_are_translated_in_place():
    original, exported, _ = _translated("pandoc_tables.docx")
    before = python_docx.Document(io.BytesIO(original))
    after = python_docx.Document(io.BytesIO(exported))
    assert len(after.tables) == len(before.tables) > 2
    for old, new in zip(before.tables, after.tables, strict=True):
        assert len(new.rows) == len(old.rows)
        for old_cell, new_cell in zip(old._cells, new._cells, strict=True):
            if old_cell.text.strip():
                assert new_cell.text.startswith(MARK)


def test_docx_lists_keep_their_numbering():
    original, exported, _ = _translated("pandoc_lists.docx")

    def numbering(data):
        document = python_docx.Document(io.BytesIO(data))
        return [
            etree.tostring(p._p.pPr.numPr) if p._p.pPr.numPr is not None else None
            for p in document.paragraphs
            if p._p.pPr is not None
        ]

    assert numbering(exported) == numbering(original)
    assert sum(1 for n in numbering(original) if n) > 5


def test_docx_bold_run_is_written_back_bold():
    _, exported, document = _translated("okapi_BoldWorld.docx")
    segment = document.segments.get()
    assert [(c.type, c.label) for c in codes_from_json(segment.codes).values()] == [
        ("bold", "b")
    ]
    runs = python_docx.Document(io.BytesIO(exported)).paragraphs[0].runs
    assert [(run.text, bool(run.bold)) for run in runs] == [
        (MARK + "HELLO ", False),
        ("BOLD", True),
        (" WORLD.", False),
    ]


def test_docx_footnotes_and_endnotes_are_translated_and_keep_their_marks():
    _, exported, document = _translated("pandoc_notes.docx")
    assert document.not_kept == {}
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        notes = {
            name: etree.fromstring(archive.read(f"word/{name}.xml"))
            for name in ("footnotes", "endnotes", "document")
        }
    namespaces = {"w": _W}

    def texts(root, tag):
        return [
            "".join(note.xpath(".//w:t/text()", namespaces=namespaces))
            for note in root.xpath(f"//w:{tag}[not(@w:type)]", namespaces=namespaces)
        ]

    assert texts(notes["footnotes"], "footnote") == [f"{MARK} MY NOTE."]
    assert texts(notes["endnotes"], "endnote") == [
        f"{MARK} THIS IS AN ENDNOTE AT THE END OF THE DOCUMENT."
    ]
    for name, mark in [("footnotes", "footnoteRef"), ("endnotes", "endnoteRef")]:
        assert notes[name].xpath(f"//w:{mark}", namespaces=namespaces)
    body = notes["document"]
    assert body.xpath("//w:footnoteReference", namespaces=namespaces)
    assert body.xpath("//w:endnoteReference", namespaces=namespaces)


# White space, tabs and breaks around and between sentences

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_texts(part: bytes) -> list[str]:
    """Return each w:p's text, a tab as \\t and a break as \\n."""
    out = []
    for paragraph in etree.fromstring(part).iter(f"{W}p"):
        pieces = []
        for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            if element.tag == f"{W}t":
                pieces.append(element.text or "")
            elif element.tag == f"{W}tab":
                pieces.append("\t")
            else:
                pieces.append("\n")
        out.append("".join(pieces))
    return out


def test_docx_tabs_and_spaces_around_a_translated_header_survive():
    original, exported, _document = _translated("omegat_OpenXMLFilter-tables.docx")
    before = zipfile.ZipFile(io.BytesIO(original))
    after = zipfile.ZipFile(io.BytesIO(exported))
    for name in before.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            tabs = before.read(name).count(b"<w:tab/>")
            assert after.read(name).count(b"<w:tab/>") == tabs, name
    texts = _paragraph_texts(after.read("word/header1.xml"))
    assert "\t\t" + MARK + "ISSN 2250-3153 \t" in texts


def test_docx_tab_and_break_between_two_sentences_survive():
    word = python_docx.Document()
    tabbed = word.add_paragraph("  First one.")
    tabbed.add_run().add_tab()
    tabbed.add_run("Second one. ")
    broken = word.add_paragraph("Third one.")
    broken.add_run().add_break()
    broken.add_run("Fourth one.")
    out = io.BytesIO()
    word.save(out)
    data = out.getvalue()
    document = import_document(
        data=data, filename="gaps.docx", source_language="en", targets=[LANGUAGE]
    )
    rows = Translation.objects.filter(segment__document=document, language=LANGUAGE)
    assert rows.count() == 4
    for translation in rows.select_related("segment"):
        change_translation(
            translation=translation,
            text=translation.segment.source.upper().replace(" ONE.", "。"),
            status=Status.TRANSLATED,
            expected_version=translation.version,
        )
    exported = export_document(document, LANGUAGE, "docx")
    part = zipfile.ZipFile(io.BytesIO(exported)).read("word/document.xml")
    assert _paragraph_texts(part)[:2] == ["  FIRST。\tSECOND。 ", "THIRD。\nFOURTH。"]


@pytest.mark.parametrize(
    ("paragraph", "glue", "expected"),
    [
        ("One. Two.", " ", "Un. Deux."),
        ("One.  Two.", " ", "Un.  Deux."),
        ("One. Two.", "", "一。二。"),
        ("One.\tTwo.\n", "", "一。\t二。\n"),
        ("一。二。", " ", "One. Two."),
    ],
)
def test_sentences_are_replaced_in_place_keeping_the_gaps(paragraph, glue, expected):
    sources = ["One.", "Two."] if paragraph[0] == "O" else ["一。", "二。"]
    if glue == "" or paragraph[0] != "O":
        targets = ["一。", "二。"] if glue == "" else ["One.", "Two."]
    else:
        targets = ["Un.", "Deux."]
    sentences = list(zip(sources, targets, strict=True))
    assert in_place(paragraph, sentences, glue) == expected


@pytest.mark.parametrize("name", ["omegat_HTMLFilter2.html", "okapi_ruby.html"])
def test_html_export_of_chinese_reads_back_exactly_in_lxml(name):
    _original, exported, document = _translated(name)
    sources = document.segments.active().values_list("source", flat=True)
    content = lxml_html.parse(io.BytesIO(exported)).getroot().text_content()
    for source in sources:
        expected = " ".join((MARK + plain(source).upper()).split())
        assert expected in " ".join(content.split())


def _headless_pages() -> list[str]:
    """Real pages of the test data with a <title> and no <h1> in the body."""
    names = []
    for path in sorted(DOCUMENTS.glob("*.html")):
        root = lxml_html.fromstring(path.read_bytes())
        if root.findtext(".//title", "").strip() and not root.findall(".//h1"):
            names.append(path.name)
    return names


@pytest.mark.parametrize("name", _headless_pages())
def test_an_html_export_has_the_translated_headline_in_its_body(name):
    original, out, _document = _translated(name)
    title = " ".join(lxml_html.fromstring(original).findtext(".//title").split())
    root = lxml_html.fromstring(out)
    headlines = [_text(h1) for h1 in root.iter("h1")]
    assert headlines == [MARK + title.upper()]
    assert _text(root.find(".//title")) == MARK + title.upper()


def test_a_plain_text_release_exported_as_html_and_docx_keeps_its_headline():
    data = (SEEDS / "000_a73269a67c9f1785.txt").read_bytes()
    document = import_document(
        data=data, filename="release.txt", source_language="en", targets=[LANGUAGE]
    )
    headline = document.segments.order_by("position").first()
    translation = Translation.objects.get(segment=headline, language=LANGUAGE)
    translated = "前海深港现代服务业合作区发展工作专班会议在深圳举行（附图）"
    change_translation(
        translation=translation,
        text=translated,
        status=Status.TRANSLATED,
        expected_version=translation.version,
    )
    page = lxml_html.fromstring(export_document(document, LANGUAGE, "html"))
    assert [_text(h1) for h1 in page.iter("h1")] == [translated]
    assert _text(page.find(".//title")) == translated
    word = python_docx.Document(io.BytesIO(export_document(document, LANGUAGE, "docx")))
    first = word.paragraphs[0]
    assert (first.text, first.style.name) == (translated, "Title")
    assert word.core_properties.title == translated
