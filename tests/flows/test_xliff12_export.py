"""``export --format xliff12``: a document goes out as XLIFF 1.2 and comes back.

A real web page (Okapi's test page, with bold, links and line breaks) is
imported, exported as XLIFF 1.2 by the command, judged by the OASIS strict
schema and translate-toolkit, "translated" the way a CAT tool does (the
source's inline elements copied into a target), and imported back with
``import_translations``: every sentence gets its translation with the same
codes, and the export's own notes are not taken back as the file's.
"""

import copy
import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

import pytest
from lxml import etree
from translate.storage.xliff import xlifffile

from core.inline import codes_from_json, codes_in, plain
from core.statuses import Status
from documents.models import Document
from exchange.annotations import annotations_of
from formats.bilingual import xliff
from tests.support import DATA
from translations.models import Translation

pytestmark = pytest.mark.django_db

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
PAGE = DATA / "documents" / "okapi_home_links.html"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def shape(text: str, codes: dict) -> tuple:
    """The words of ``text`` and what each code stands for, in order."""
    return plain(text), [
        (kind, codes[n].native, codes[n].closing, codes[n].type, codes[n].label)
        for n, kind in codes_in(text)
    ]


def coded_page(tmp_path) -> Document:
    path = tmp_path / PAGE.name
    path.write_bytes(PAGE.read_bytes())
    out = run("import_document", str(path), "--targets", "zh-Hant")
    return Document.objects.get(pk=out.split()[-1])


def export12(document: Document, tmp_path) -> bytes:
    path = tmp_path / "out.xlf"
    run("export", str(document.pk), "--language", "zh-Hant", "--format", "xliff12",
        "-o", str(path))  # fmt: skip
    return path.read_bytes()


def test_a_document_with_html_codes_goes_out_as_xliff_12_and_comes_back(tmp_path):
    document = coded_page(tmp_path)
    segments = list(document.segments.active().order_by("position"))
    coded = [s for s in segments if codes_in(s.source)]
    assert len(coded) >= 3  # the page has links and bold text
    data = export12(document, tmp_path)

    schema = etree.XMLSchema(
        etree.parse(str(DATA / "xliff" / "xliff-core-1.2-strict.local.xsd"))
    )
    root = etree.fromstring(data)
    assert schema.validate(root), [str(e) for e in schema.error_log]
    assert root.get("version") == "1.2"
    store = xlifffile.parsestring(data)
    assert len(store.units) == len(segments)
    assert {etree.QName(e).localname for e in root.iter(f"{{{NS12}}}source")} == {
        "source"
    }
    units = {u.key: u for u in xliff.parse(data).units}
    for segment in coded:  # numbered from 1 in the unit: the same codes in order
        unit = units[segment.key]
        assert shape(unit.source, unit.codes) == shape(
            segment.source, codes_from_json(segment.codes)
        )

    # a CAT tool translates: the target is the source with its codes, marked
    for unit in root.iter(f"{{{NS12}}}trans-unit"):
        source = unit.find(f"{{{NS12}}}source")
        target = copy.deepcopy(source)
        target.tag = f"{{{NS12}}}target"
        target.set("state", "translated")
        target.text = "譯 " + (target.text or "")
        source.addnext(target)
    translated = tmp_path / "translated.xlf"
    translated.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    counts = json.loads(
        run(
            "import_translations",
            str(translated),
            "--document",
            str(document.pk),
            "--language",
            "zh-Hant",
        )  # fmt: skip
    )
    assert counts["updated"] == len(segments)
    for segment in segments:
        translation = Translation.objects.get(segment=segment, language="zh-Hant")
        assert translation.text == "譯 " + segment.source  # codes and all
        assert translation.status == Status.TRANSLATED
    # the export's own notes ("paragraph 1, sentence 1") are not kept as the file's
    assert not any(kept.get("notes") for kept in annotations_of(document).values())


def test_export_statuses_survive_an_xliff_12_round_trip(tmp_path):
    document = coded_page(tmp_path)
    segments = list(document.segments.active().order_by("position"))[:4]
    wanted = [Status.DRAFT, Status.TRANSLATED, Status.APPROVED, Status.UNTRANSLATED]
    for segment, status in zip(segments, wanted, strict=True):
        Translation.objects.filter(segment=segment, language="zh-Hant").update(
            text="" if status == Status.UNTRANSLATED else "譯" + segment.source,
            status=status,
        )
    units = {u.key: u for u in xliff.parse(export12(document, tmp_path)).units}
    assert [units[s.key].status for s in segments] == wanted
    assert [plain(units[s.key].target) for s in segments[:3]] == [
        "譯" + plain(s.source) for s in segments[:3]
    ]


def test_an_unknown_export_format_is_one_line(tmp_path):
    document = coded_page(tmp_path)
    with pytest.raises(CommandError, match="invalid choice"):
        run("export", str(document.pk), "--language", "zh-Hant", "--format", "xliff13")


def test_the_document_page_offers_xliff_12_and_downloads_it(client, manager, tmp_path):
    document = coded_page(tmp_path)
    client.force_login(manager)
    page = client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert '<option value="xliff12">' in page and '<option value="xliff">' in page
    url = reverse("document-download", args=[document.pk])
    response = client.get(url, {"language": "zh-Hant", "format": "xliff12"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xliff+xml"
    assert response["Content-Disposition"].endswith('.zh-Hant.xlf"')
    data = b"".join(response.streaming_content)
    assert etree.fromstring(data).get("version") == "1.2"
    response = client.get(url, {"language": "zh-Hant", "format": "xliff"})
    assert etree.fromstring(b"".join(response.streaming_content)).get("version") == (
        "2.0"
    )  # the default XLIFF stays 2.0
