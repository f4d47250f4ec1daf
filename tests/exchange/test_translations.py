"""Reading translations back: the PO size limit is the settings'."""

import io
import json
from functools import partial
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

import polib
import pytest
from lxml import etree

from documents.models import Document
from exchange.annotations import annotations_of
from exchange.translations import (
    TranslationsRefused,
    import_translations,
    read_translations,
)
from formats import FormatError
from formats.bilingual import Catalogue, Unit, read_catalogue
from tests.support import DATA, saved_meanwhile
from translations.models import Translation

XLIFF = DATA / "xliff"
PO_FILES = DATA / "po"
PO = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_po_file_over_the_limit_of_the_settings_is_refused(
    settings, seed_press_release
):
    entry = b'msgctxt "k"\nmsgid "The plan."\nmsgstr "\xe6\x96\xb9"\n\n'
    settings.MAX_PO_BYTES = 1024 * 1024
    read = partial(read_translations, document=seed_press_release, language="zh-Hant")
    with pytest.raises(FormatError, match="larger than 1 MB"):
        read(PO + entry * 40_000, "big.po")
    assert len(read(PO + entry, "small.po").units) == 1


def test_a_sentence_saved_while_a_file_is_applied_keeps_the_translators_text(
    seed_press_release, translator, monkeypatch
):
    """A save between the import's read and its write wins; the import counts it."""
    from exchange import translations as importing

    rows = list(
        Translation.objects.filter(
            segment__document=seed_press_release, language="zh-Hant"
        ).order_by("segment__position")[:3]
    )
    catalogue = Catalogue(
        source_language="en",
        target_language="zh-Hant",
        units=[
            Unit(key=t.segment.key, source=t.segment.source, target="檔案%d" % n,
                 status="translated")
            for n, t in enumerate(rows)
        ],
    )  # fmt: skip
    saved_meanwhile(
        monkeypatch,
        importing,
        text="譯者剛存的",
        user=translator,
        which=lambda translation: translation.pk == rows[1].pk,
    )
    counts = import_translations(
        document=seed_press_release, language="zh-Hant", catalogue=catalogue
    )
    assert counts.updated == 2 and counts.skipped == {"changed_meanwhile": 1}
    texts = [
        Translation.objects.get(pk=t.pk).text for t in rows
    ]  # the file's, the translator's, the file's
    assert texts == ["檔案0", "譯者剛存的", "檔案2"]


def test_a_file_with_more_units_than_the_limit_is_refused_while_read(
    settings, seed_press_release
):
    settings.MAX_FILE_UNITS = 2
    entries = b"".join(
        b'msgctxt "k%d"\nmsgid "S%d"\nmsgstr "T%d"\n\n' % (n, n, n) for n in range(3)
    )
    read = partial(read_translations, document=seed_press_release, language="zh-Hant")
    with pytest.raises(FormatError, match="line 12: the file has more than 2 entries"):
        read(PO + entries, "many.po")
    assert (
        len(read(PO + entries[: entries.index(b'msgctxt "k2"')], "two.po").units) == 2
    )


def test_the_browser_takes_fewer_units_than_the_command(
    client, manager, settings, seed_press_release, tmp_path
):
    """An upload must end inside the worker's timeout: its limit is lower."""
    settings.MAX_UPLOAD_UNITS = 2
    settings.MAX_FILE_UNITS = 5
    entries = b"".join(
        b'msgctxt "k%d"\nmsgid "S%d"\nmsgstr "T%d"\n\n' % (n, n, n) for n in range(3)
    )
    client.force_login(manager)
    response = client.post(
        reverse("document-upload-translations", args=[seed_press_release.pk]),
        {"file": SimpleUploadedFile("three.po", PO + entries), "language": "zh-Hant"},
        follow=True,
    )
    assert "three.po: line 12: the file has more than 2 entries" in (
        response.content.decode()
    )
    read = partial(read_translations, document=seed_press_release, language="zh-Hant")
    assert len(read(PO + entries, "three.po").units) == 3


def catalogue_for(document, language: str, units: list[Unit], **fields) -> Catalogue:
    return Catalogue(
        source_language="en", target_language=language, units=units, **fields
    )


def first_rows(document, language: str, count: int) -> list[Translation]:
    return list(
        Translation.objects.filter(segment__document=document, language=language)
        .select_related("segment")
        .order_by("segment__position")[:count]
    )


def test_comments_flags_and_notes_are_kept_and_written_back(seed_press_release):
    """A foreign file's # comment becomes a comment, its flags and #. notes go
    on the document, and the PO export carries all three; a second import of
    the same file adds nothing."""
    from exchange.exporting import export_exchange

    [row] = first_rows(seed_press_release, "zh-Hant", 1)
    unit = Unit(
        key="",
        source=row.segment.source,
        target="前海方案。",
        status="translated",
        comments=["checked with the desk"],
        notes=["Translators: the headline"],
        flags=["python-format"],
        references=["press.txt:1"],
    )
    catalogue = catalogue_for(seed_press_release, "zh-Hant", [unit])
    counts = import_translations(
        document=seed_press_release, language="zh-Hant", catalogue=catalogue
    )
    assert counts.updated == 1
    assert counts.as_dict()["kept"] == {
        "comments": 1,
        "flags": 1,
        "notes": 1,
        "file": 0,
    }
    assert counts.as_dict()["not_kept"] == {
        "references": {"count": 1, "units": [row.segment.source[:60]]}
    }
    assert "references: 1" in counts.not_kept_summary()
    again = import_translations(
        document=seed_press_release, language="zh-Hant", catalogue=catalogue
    )
    assert again.as_dict()["kept"] == {"comments": 0, "flags": 0, "notes": 0, "file": 0}
    exported = b"".join(export_exchange(seed_press_release, "zh-Hant", "po"))
    entry = next(
        e for e in polib.pofile(exported.decode()) if e.msgctxt == row.segment.key
    )
    assert entry.msgstr == "前海方案。"
    assert "python-format" in entry.flags
    assert "Translators: the headline" in entry.comment
    assert entry.tcomment == "checked with the desk"


def test_plural_and_obsolete_units_are_counted_by_name(seed_press_release):
    rows = first_rows(seed_press_release, "zh-Hant", 2)
    units = [
        Unit(key="", source="%d file", target="%d 個檔案", status="translated",
             plural_source="%d files", plural_targets=["%d 個檔案"]),
        Unit(key="", source=rows[0].segment.source, target="舊譯", status="draft",
             obsolete=True),
        Unit(key="", source=rows[1].segment.source, target="新譯", status="translated"),
    ]  # fmt: skip
    counts = import_translations(
        document=seed_press_release,
        language="zh-Hant",
        catalogue=catalogue_for(seed_press_release, "zh-Hant", units),
    )
    result = counts.as_dict()
    assert result["not_kept"]["plural_entries"] == {"count": 1, "units": ["%d file"]}
    assert result["not_kept"]["obsolete_entries"]["count"] == 1
    assert result["skipped"] == {"obsolete": 1, "plural": 1}
    assert result["updated"] == 1
    assert "plural entries: 1 (%d file)" in counts.not_kept_summary()


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("前海方案。\n", "前海方案。"),
        ("\n        前海方案。\n      ", "前海方案。"),
        ("前海方案。", "前海方案。"),
    ],
    ids=["trailing-newline", "pretty-printed", "already-right"],
)
def test_a_target_takes_the_sources_surrounding_white_space(
    seed_press_release, target, expected
):
    [row] = first_rows(seed_press_release, "zh-Hant", 1)
    assert row.segment.source == row.segment.source.strip()
    counts = import_translations(
        document=seed_press_release,
        language="zh-Hant",
        catalogue=catalogue_for(
            seed_press_release,
            "zh-Hant",
            [
                Unit(
                    key=row.segment.key,
                    source=row.segment.source,
                    target=target,
                    status="translated",
                )
            ],  # fmt: skip
        ),
    )
    assert Translation.objects.get(pk=row.pk).text == expected
    assert counts.whitespace_normalised == (target != expected)


def test_an_xliff_without_a_target_language_needs_it_named_for_chinese(
    seed_press_release,
):
    [row] = first_rows(seed_press_release, "zh-Hans", 1)
    unit = Unit(key=row.segment.key, source=row.segment.source, target="前海方案。",
                status="translated")  # fmt: skip
    catalogue = catalogue_for(seed_press_release, "", [unit])
    with pytest.raises(TranslationsRefused, match="does not name its target language"):
        import_translations(
            document=seed_press_release, language="zh-Hans", catalogue=catalogue
        )
    counts = import_translations(
        document=seed_press_release,
        language="zh-Hans",
        catalogue=catalogue,
        file_language="zh-Hans",
    )
    assert counts.updated == 1


def test_traditional_text_for_a_simplified_target_is_refused(seed_press_release):
    rows = first_rows(seed_press_release, "zh-Hans", 2)
    units = [
        Unit(key=r.segment.key, source=r.segment.source, target=text,
             status="translated")
        for r, text in zip(rows, ["政制及內地事務局局長表示", "前海合作區擴展範圍"],
                           strict=True)
    ]  # fmt: skip
    with pytest.raises(TranslationsRefused, match="are in zh-Hant, not zh-Hans"):
        import_translations(
            document=seed_press_release,
            language="zh-Hans",
            catalogue=catalogue_for(seed_press_release, "zh-Hans", units),
        )
    assert all(Translation.objects.get(pk=r.pk).text == r.text for r in rows)


def test_the_upload_page_says_what_was_not_kept_and_takes_a_named_language(
    client, manager, seed_press_release
):
    """The message names the plural entry; a file without its language is
    taken for a Chinese target only when the uploader ticks that it is."""
    [row] = first_rows(seed_press_release, "zh-Hant", 1)
    source = row.segment.source.replace("\\", "\\\\").replace('"', '\\"')
    body = (
        f'msgid "{source}"\nmsgstr "前海方案。\\n"\n\n'
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 個檔案"\n'
    ).encode()
    url = reverse("document-upload-translations", args=[seed_press_release.pk])
    client.force_login(manager)

    def upload(**extra):
        return client.post(
            url,
            {"file": SimpleUploadedFile("no-language.po", PO + body),
             "language": "zh-Hant"} | extra,
            follow=True,
        ).content.decode()  # fmt: skip

    assert "does not name its target language" in upload()
    assert Translation.objects.get(pk=row.pk).text == row.text
    page = upload(file_language="1")
    assert "Not kept: plural entries: 1 (%d file)" in page
    assert "Surrounding white space made like the source&#x27;s: 1" in page
    assert Translation.objects.get(pk=row.pk).text == "前海方案。"


@pytest.mark.parametrize(
    ("language", "refusal"),
    [("zh-Hant", None), ("zh-Hans", "are in zh-Hant, not zh-Hans")],
)
def test_a_bare_zh_file_is_measured_not_assumed(seed_press_release, language, refusal):
    """A PO saying only "Language: zh" goes by the script its text is in."""
    rows = first_rows(seed_press_release, language, 2)
    body = "".join(
        'msgctxt "%s"\nmsgid "%s"\nmsgstr "%s"\n\n'
        % (r.segment.key, r.segment.source.replace('"', '\\"'), text)
        for r, text in zip(rows, ["政制及內地事務局局長表示", "前海合作區擴展範圍"],
                           strict=True)
    )  # fmt: skip
    data = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: zh\\n"\n\n' + body
    ).encode()
    catalogue = read_translations(
        data, "bare.po", document=seed_press_release, language=language
    )
    assert catalogue.target_language == "zh"
    apply = partial(
        import_translations,
        document=seed_press_release,
        language=language,
        catalogue=catalogue,
    )
    if refusal:
        with pytest.raises(TranslationsRefused, match=refusal):
            apply()
    else:
        assert apply().updated == 2


PACKAGE = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="press/notice.html" source-language="en" target-language="fr"
        datatype="html">
    <body>
      <trans-unit id="1"><source>The office opens at nine.</source>
        <target>Le bureau ouvre \xc3\xa0 neuf heures.</target></trans-unit>
    </body>
  </file>
  <file original="press/closure.html" source-language="en" target-language="fr"
        datatype="html">
    <body>
      <trans-unit id="1"><source>It closes at five.</source>
        <target>Il ferme \xc3\xa0 cinq heures.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_package_of_several_files_goes_back_out_file_by_file(manager):
    """Ids restart per <file>; each unit's file comes back in the export."""
    from lxml import etree

    from exchange.exporting import export_exchange
    from exchange.importing import import_document

    document = import_document(
        data=b"The office opens at nine.\n\nIt closes at five.\n",
        filename="notices.txt",
        source_language="en",
        title="Notices",
        targets=["fr"],
    )
    catalogue = read_translations(
        PACKAGE, "package.xlf", document=document, language="fr"
    )
    counts = import_translations(
        catalogue=catalogue, document=document, language="fr", user=manager
    )
    assert counts.as_dict()["updated"] == 2
    assert counts.as_dict()["kept"]["file"] == 2
    document.refresh_from_db()
    exported = b"".join(export_exchange(document, "fr", "xliff"))
    root = etree.fromstring(exported)
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    files = root.findall("x:file", ns)
    assert [f.get("original") for f in files] == [
        "press/notice.html",
        "press/closure.html",
    ]
    assert ["".join(f.find(".//x:target", ns).itertext()) for f in files] == [
        "Le bureau ouvre à neuf heures.",
        "Il ferme à cinq heures.",
    ]


# Real files from other tools (tests/data/xliff, tests/data/po, MANIFEST.tsv):
# what the document cannot keep is counted by unit, never dropped unsaid.


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _sources(path: Path) -> list[str]:
    """The file's sources, read by lxml or polib (not by our reader), once each."""
    if path.suffix == ".po":
        texts = [e.msgid for e in polib.pofile(str(path)) if not e.obsolete]
    else:
        root = etree.parse(str(path)).getroot()
        texts = [
            "".join(source.itertext())
            for source in root.iter("{*}source")
            if source.getparent().tag.rsplit("}")[-1] in ("trans-unit", "segment")
        ]
    return list(dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()))


def _imported(path: Path, tmp_path: Path, language: str, *more: str) -> tuple:
    """Make a document of the file's sources, import the file; return (id, JSON)."""
    text = tmp_path / "sources.txt"
    text.write_text("\n\n".join(_sources(path)) + "\n", encoding="utf-8")
    document = _run(
        "import_document", str(text), "--title", path.name,
        "--source-language", "en", "--targets", language,
    ).split()[-1]  # fmt: skip
    counts = _run(
        "import_translations", str(path), "--document", document,
        "--language", language, *more,
    )  # fmt: skip
    return document, json.loads(counts)


def _targets(document: str, language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in Translation.objects.filter(
        segment__document_id=document, language=language
    ).order_by("segment__position"):
        found.setdefault(row.segment.source, []).append(row.text)
    return found


@pytest.mark.django_db
def test_an_empty_unit_does_not_claim_a_sentence_a_later_unit_translates(tmp_path):
    """OmegaT's en-xx.xlf: three units share "Are you satisfied?" (F1, F3, F6)."""
    document, counts = _imported(XLIFF / "omegat_xliff1_en-xx.xlf", tmp_path, "xx")
    assert _targets(document, "xx")["Are you satisfied?"] == ["Satisfait?"]
    assert counts["not_kept"]["conflicting_translations"] == {
        "count": 1,
        "units": ["satisfaction_01_fem"],
    }
    assert counts["not_kept"]["conflicting_notes"]["units"] == ["satisfaction_01_fem"]
    assert "duplicate" not in counts["skipped"]
    # translate="no" is counted, not silently skipped
    assert counts["skipped"]["not_translatable"] == 1
    assert counts["not_kept"]["not_translatable"]["units"] == ["Added_2"]
    # approved="yes" from a translator's import: counted, not applied
    assert counts["not_kept"]["approval_not_applied"]["units"] == [
        "example_02",
        "satisfaction_01_masc",
    ]
    assert (
        Translation.objects.get(
            segment__document_id=document, segment__source="foo", language="xx"
        ).status
        == "translated"
    )
    # the notes of the empty unit and of the one applied are kept
    notes = [
        note
        for entry in annotations_of(Document.objects.get(pk=document)).values()
        for note in entry.get("notes", [])
    ]
    assert "Adressed to ALL respondents." in notes
    assert "Adressed to male respondents." in notes
    assert "Adressed to female respondents." not in notes


@pytest.mark.django_db
def test_a_sentence_the_document_has_twice_is_filled_in_both_places(tmp_path):
    """Pootle's af.po: "Redirecting to login..." is a sentence twice (F2)."""
    path = PO_FILES / "ttk_af-pootle.po"
    document, counts = _imported(path, tmp_path, "af")
    assert (
        _targets(document, "af")["Redirecting to login..."]
        == [
            "Gaan nou aanstuur vir aanmelding...",
        ]
        * 2
    )
    assert "Redirecting to login..." not in counts["unknown_units"]
    # counted by unit; the second sentence apart
    assert counts["same_source"] == {"updated": 1}
    assert counts["updated"] + counts["unchanged"] + sum(
        counts["skipped"].values()
    ) == len([e for e in polib.pofile(str(path)) if e.msgid])


@pytest.mark.parametrize(
    "name, unit",
    [
        ("okapi_BinUnitTest01.xlf", "0"),
        ("xliff2om_testTranslateWithTarget.xlf", "1"),
    ],
)
@pytest.mark.django_db
def test_units_marked_not_to_translate_are_counted(tmp_path, name, unit):
    """translate="no" in XLIFF 1.2 and 2.0 (F3)."""
    _document, counts = _imported(XLIFF / name, tmp_path, "fr")
    assert counts["skipped"]["not_translatable"] == 1
    assert counts["not_kept"]["not_translatable"] == {"count": 1, "units": [unit]}


@pytest.mark.parametrize(
    "name, language, where",
    [
        ("okapi_Typo3Draft.xlf", "de", ["TYPO3"]),
        ("xliff2om_fs-valid-HTML.xlf", "de", ["bad-filesize2"] * 4),
    ],
)
@pytest.mark.django_db
def test_file_notes_are_counted(tmp_path, name, language, where):
    """A 1.2 <header><note> and 2.0 <file><notes> (F4)."""
    _document, counts = _imported(XLIFF / name, tmp_path, language)
    assert counts["not_kept"]["file_notes"] == {"count": len(where), "units": where}


def test_group_notes_are_listed_where_they_are():
    data = (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        b'<file original="f" source-language="en" target-language="fr"><body>'
        b'<group id="g1"><note>about the group</note>'
        b'<trans-unit id="1"><source>A.</source></trans-unit></group>'
        b"</body></file></xliff>"
    )
    catalogue = read_catalogue(
        data, "g.xlf", source_language="en", target_language="fr"
    )
    assert catalogue.group_notes == ["g1"] and catalogue.units[0].notes == []


@pytest.mark.parametrize("named", [(), ("--file-language", "fr")])
@pytest.mark.django_db
def test_alt_trans_and_resname_and_a_regional_variant(tmp_path, named):
    """Okapi's sample12.xlf, FR-FR into an fr document (F5, F7, variant)."""
    path = XLIFF / "okapi_sample12.xlf"
    document, counts = _imported(path, tmp_path, "fr", *named)
    assert counts["file_language"] == "fr-FR"
    assert counts["not_kept"]["alt_trans"] == {"count": 1, "units": ["4"]}
    assert counts["not_kept"]["approval_not_applied"]["units"] == ["3"]
    assert counts["updated"] == 2
    kept = annotations_of(Document.objects.get(pk=document))
    notes = sorted(note for entry in kept.values() for note in entry["notes"])
    assert notes == [f"Context in the file: Key{n}" for n in (1, 2, 3, 4)]
    exported = tmp_path / "out.po"
    _run("export", document, "--language", "fr", "--format", "po", "-o", str(exported))
    comments = [e.comment.splitlines() for e in polib.pofile(str(exported))]
    assert any("Context in the file: Key2" in lines for lines in comments)


@pytest.mark.parametrize(
    "file_language, document_language",
    [("de-DE", "fr"), ("pt-PT", "pt-BR"), ("zh-Hant", "zh-Hans")],
)
@pytest.mark.django_db
def test_another_language_or_variant_is_still_refused(
    seed_press_release, file_language, document_language
):
    catalogue = Catalogue(source_language="en", target_language=file_language, units=[])
    with pytest.raises(TranslationsRefused, match="translation, not"):
        import_translations(
            document=seed_press_release, language=document_language,
            catalogue=catalogue,
        )  # fmt: skip


@pytest.mark.django_db
def test_a_foreign_msgctxt_becomes_a_note(tmp_path):
    """OmegaT's multilines.po: its msgctxt is kept as a note (F7)."""
    path = PO_FILES / "omegat_POFilter-multilines.po"
    document, counts = _imported(path, tmp_path, "fr")
    contexts = [e.msgctxt for e in polib.pofile(str(path)) if e.msgctxt]
    kept = annotations_of(Document.objects.get(pk=document))
    notes = [note for entry in kept.values() for note in entry.get("notes", [])]
    assert contexts and all(
        "Context in the file: %s" % context in notes for context in contexts
    )
    assert counts["kept"]["notes"] >= len(contexts)


@pytest.mark.django_db
def test_plural_entries_are_listed_once(tmp_path):
    """Django's auth zh_Hans catalogue: plural entries are not also unknown (F8)."""
    path = PO_FILES / "django_auth_zh_Hans.po"
    plural = [e.msgid[:60] for e in polib.pofile(str(path)) if e.msgid_plural]
    _document, counts = _imported(path, tmp_path, "zh-Hans")
    assert counts["not_kept"]["plural_entries"]["units"] == plural
    assert not set(plural) & set(counts["unknown_units"])


@pytest.mark.django_db
def test_another_tools_po_header_fields_are_counted_by_name(tmp_path):
    """The export writes the workbench's own header: Pootle's Last-Translator,
    Language-Team and the rest are named, never dropped in silence."""
    _document, counts = _imported(PO_FILES / "ttk_af-pootle.po", tmp_path, "af")
    named = counts["not_kept"]["header_fields"]["units"]
    assert "Last-Translator" in named and "Project-Id-Version" in named
    assert "Content-Type" not in named and "Plural-Forms" not in named
