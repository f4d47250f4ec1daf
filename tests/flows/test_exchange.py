"""Exchange files end to end: export, judged by outside tools, edit, import back."""

import io
import json
import subprocess

from django.core.management import call_command
from django.core.management.base import CommandError

import polib
import pytest
from lxml import etree

from core.statuses import Status
from tests.support import DATA, SEEDS, manage_script
from translations.models import Revision, Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

SEED = "000_a73269a67c9f1785.txt"

TMX_DTD = DATA / "tmx" / "tmx14.dtd"
XLIFF_XSD = DATA / "xliff" / "xliff-core-2.0.local.xsd"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def export(document, fmt, tmp_path, *extra) -> bytes:
    path = tmp_path / ("export." + fmt)
    run(
        "export",
        str(document.pk),
        "--language",
        "zh-Hant",
        "--format",
        fmt,
        "-o",
        str(path),
        *extra,
    )
    return path.read_bytes()


def rows(document):
    return list(
        Translation.objects.filter(
            segment__document=document, language="zh-Hant"
        ).order_by("segment__position")
    )


@pytest.fixture
def translated(seed_press_release, translator, reviewer):
    from exchange.seeding import load_seed_glossary

    load_seed_glossary()
    doc = seed_press_release
    first, second, third, fourth = rows(doc)[:4]
    change_translation(
        translation=first,
        text="前海合作區工作組會議在深圳舉行（附圖）",
        status=Status.APPROVED,
        user=reviewer,
    )
    change_translation(
        translation=second,
        text="政制及內地事務局局長曾國衞今日出席會議。",
        status=Status.TRANSLATED,
        user=translator,
    )
    change_translation(
        translation=third,
        text="會上，兩地政府學習了要求。",
        status=Status.DRAFT,
        user=translator,
    )
    change_translation(
        translation=fourth, text="被退回的譯文", status=Status.REJECTED, user=reviewer
    )
    return doc


def test_po_export_passes_msgfmt_and_carries_keys_statuses_and_notes(
    translated, tmp_path
):
    data = export(translated, "po", tmp_path)
    assert not data.startswith(b"\xef\xbb\xbf")
    path = tmp_path / "check.po"
    path.write_bytes(data)
    proc = subprocess.run(
        ["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    po = polib.pofile(data.decode("utf-8"))
    assert po.metadata["Language"] == "zh_HK"
    entries = {e.msgctxt: e for e in po}
    first, second, third, fourth = rows(translated)[:4]
    assert entries[first.segment.key].msgstr.startswith("前海合作區")
    assert not entries[second.segment.key].fuzzy
    assert entries[third.segment.key].fuzzy and entries[fourth.segment.key].fuzzy
    notes = entries[second.segment.key].comment
    assert "paragraph 2, sentence 2" in notes
    assert (
        "glossary: Secretary for Constitutional and Mainland Affairs"
        " = 政制及內地事務局局長" in notes
    )
    untranslated = rows(translated)[5]
    assert entries[untranslated.segment.key].msgstr == ""


def test_translate_toolkit_reads_every_export(translated, tmp_path):
    from translate.storage import po, tmx

    po_store = po.pofile(export(translated, "po", tmp_path))
    assert len([u for u in po_store.units if not u.isheader()]) == len(rows(translated))
    tmx_store = tmx.tmxfile(export(translated, "tmx", tmp_path))
    assert {u.target for u in tmx_store.units} >= {
        "政制及內地事務局局長曾國衞今日出席會議。"
    }


def test_tmx_and_xliff_exports_are_valid_against_the_dtd_and_xsd(translated, tmp_path):
    dtd = etree.DTD(str(TMX_DTD))
    tmx = etree.fromstring(export(translated, "tmx", tmp_path))
    assert dtd.validate(tmx), dtd.error_log
    assert len(tmx.findall(".//tu")) == 4  # untranslated sentences are left out
    schema = etree.XMLSchema(etree.parse(str(XLIFF_XSD)))
    xliff = etree.fromstring(export(translated, "xliff", tmp_path))
    assert schema.validate(xliff), schema.error_log
    states = [
        s.get("state")
        for s in xliff.iter("{urn:oasis:names:tc:xliff:document:2.0}segment")
    ][:5]
    assert states == ["final", "translated", "initial", "initial", "initial"]


def test_approved_only_keeps_unapproved_text_inside(translated, tmp_path):
    data = export(translated, "po", tmp_path, "--approved-only").decode()
    assert "前海合作區工作組會議" in data
    assert "曾國衞今日出席會議" not in data and "被退回的譯文" not in data


def test_po_round_trip_export_edit_import_export_gives_the_edited_file_back(
    translated, tmp_path
):
    original = polib.pofile(export(translated, "po", tmp_path).decode())
    by_key = {e.msgctxt: e for e in original}
    first, second, third, *_ = rows(translated)
    untranslated = rows(translated)[6]
    by_key[second.segment.key].msgstr = "政制及內地事務局局長曾國衞今日出席了會議。"
    by_key[third.segment.key].flags.remove("fuzzy")  # the translator confirms it
    by_key[untranslated.segment.key].msgstr = "新譯的句子。"
    by_key[untranslated.segment.key].flags.append("fuzzy")
    edited = tmp_path / "edited.po"
    original.save(str(edited))
    counts = json.loads(
        run(
            "import_translations",
            str(edited),
            "--document",
            str(translated.pk),
            "--language",
            "zh-HK",
        )
    )
    assert counts["updated"] == 3
    assert counts["skipped"] == {"empty": len(rows(translated)) - 5}
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    untranslated.refresh_from_db()
    assert first.status == Status.APPROVED  # unchanged text stays approved
    assert (second.status, second.text) == (
        Status.TRANSLATED,
        "政制及內地事務局局長曾國衞今日出席了會議。",
    )
    assert third.status == Status.TRANSLATED
    assert (untranslated.status, untranslated.text) == (Status.DRAFT, "新譯的句子。")
    assert Revision.objects.filter(translation=second).count() == 2
    again = polib.pofile(export(translated, "po", tmp_path).decode())
    for entry in again:
        before = by_key[entry.msgctxt]
        assert (entry.msgid, entry.msgstr, entry.fuzzy) == (
            before.msgid,
            before.msgstr,
            before.fuzzy,
        )


def test_an_approved_sentence_whose_text_changes_goes_back_to_translated(
    translated, tmp_path
):
    po = polib.pofile(export(translated, "po", tmp_path).decode())
    first = rows(translated)[0]
    for entry in po:
        if entry.msgctxt == first.segment.key:
            entry.msgstr = "改過的標題"
    path = tmp_path / "changed.po"
    po.save(str(path))
    run(
        "import_translations",
        str(path),
        "--document",
        str(translated.pk),
        "--language",
        "zh-Hant",
    )
    first.refresh_from_db()
    assert (first.status, first.text) == (Status.TRANSLATED, "改過的標題")


def test_xliff_round_trip_keeps_statuses(translated, tmp_path):
    data = export(translated, "xliff", tmp_path)
    path = tmp_path / "back.xlf"
    path.write_bytes(data)
    before = [(t.text, t.status) for t in rows(translated)]
    counts = json.loads(
        run(
            "import_translations",
            str(path),
            "--document",
            str(translated.pk),
            "--language",
            "zh-Hant",
        )
    )
    assert counts["updated"] == 0
    assert [(t.text, t.status) for t in rows(translated)] == before


def test_tmx_round_trip_brings_edited_translations_back_by_key(translated, tmp_path):
    """A TMX exported, edited elsewhere and brought back updates by x-key."""
    data = export(translated, "tmx", tmp_path)
    edited = data.replace(
        "會上，兩地政府學習了要求。".encode(), "會上，兩地政府了解了要求。".encode()
    )
    assert edited != data
    path = tmp_path / "back.tmx"
    path.write_bytes(edited)
    before = {t.pk: (t.text, t.status, t.version) for t in rows(translated)}
    counts = json.loads(
        run(
            "import_translations",
            str(path),
            "--document",
            str(translated.pk),
            "--language",
            "zh-Hant",
        )
    )
    assert counts["updated"] == 1
    after = {t.pk: (t.text, t.status, t.version) for t in rows(translated)}
    changed = [pk for pk in after if after[pk] != before[pk]]
    assert len(changed) == 1
    text, status, version = after[changed[0]]
    assert text == "會上，兩地政府了解了要求。" and version == before[changed[0]][2] + 1
    # A TMX for another pair holds no units of this one: nothing is matched.
    other = data.replace(b'xml:lang="zh-Hant"', b'xml:lang="fr"')
    path.write_bytes(other)
    counts = json.loads(
        run(
            "import_translations",
            str(path),
            "--document",
            str(translated.pk),
            "--language",
            "zh-Hant",
        )
    )
    assert counts["updated"] == 0 and counts["unchanged"] == 0


def test_units_match_by_source_text_when_keys_are_unknown(translated, tmp_path):
    second = rows(translated)[1]
    content = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: zh_HK\\n"\n\nmsgctxt "some-other-tool-id"\n'
        'msgid "%s"\nmsgstr "按原文配對的譯文"\n\n'
        'msgid "A sentence that is not in the document."\nmsgstr "無關"\n'
    ) % second.segment.source.replace('"', '\\"')
    path = tmp_path / "other.po"
    path.write_text(content, encoding="utf-8")
    counts = json.loads(
        run(
            "import_translations",
            str(path),
            "--document",
            str(translated.pk),
            "--language",
            "zh-Hant",
        )
    )
    assert counts["updated"] == 1 and counts["skipped"] == {"unknown": 1}
    second.refresh_from_db()
    assert second.text == "按原文配對的譯文"


@pytest.mark.parametrize(
    "language,problem", [("zh-Hans", "not zh-Hans"), ("fr", "not fr")]
)
def test_a_file_for_another_language_is_refused_and_nothing_changes(
    translated, tmp_path, language, problem
):
    data = export(translated, "po", tmp_path)
    path = tmp_path / "x.po"
    path.write_bytes(data)
    before = list(Translation.objects.values_list("id", "text", "status", "version"))
    with pytest.raises(CommandError) as caught:
        run(
            "import_translations",
            str(path),
            "--document",
            str(translated.pk),
            "--language",
            language,
        )
    assert str(caught.value).startswith(str(path))
    assert (
        list(Translation.objects.values_list("id", "text", "status", "version"))
        == before
    )


def test_a_file_for_another_document_is_refused(translated, tmp_path):
    from exchange.importing import import_document

    other = import_document(
        data=b"Other.\n\nText here.", filename="o.txt", source_language="en"
    )
    path = tmp_path / "x.xlf"
    path.write_bytes(export(translated, "xliff", tmp_path))
    with pytest.raises(CommandError, match="belongs to document"):
        run(
            "import_translations",
            str(path),
            "--document",
            str(other.pk),
            "--language",
            "zh-Hant",
        )


HOSTILE = {
    "laughs.xlf": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<xliff version="2.0">&b;</xliff>'
    ),
    "external.xlf": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        'srcLang="en"><file id="f"><unit id="u"><segment><source>&e;</source>'
        "</segment></unit></file></xliff>"
    ),
    "truncated.xlf": '<?xml version="1.0"?><xliff version="2.0"><file id="f"><unit',
    "unterminated.po": 'msgid "hello\nmsgstr "x"\n',
    "binary.po": "\x00\x01\x02\x03PNG\x00",
}


@pytest.fixture(scope="module")
def script_database(tmp_path_factory):
    """A migrated SQLite file holding the seed press release as document 1."""
    folder = tmp_path_factory.mktemp("hostile")
    imported = manage_script(
        folder, "import_document", str(SEEDS / SEED), "--targets", "zh-Hant",
        migrate=True,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    return folder


def _script_rows(folder) -> str:
    return manage_script(folder, "segments", "1", "--language", "zh-Hant").stdout


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_broken_files_get_one_line_exit_1_and_change_nothing(
    script_database, name
):
    path = script_database / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    before = _script_rows(script_database)
    proc = manage_script(
        script_database,
        "import_translations",
        str(path),
        "--document",
        "1",
        "--language",
        "zh-Hant",
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert str(path) in lines[0]
    assert before and _script_rows(script_database) == before


def test_managers_download_and_upload_exchange_files(
    client, manager, translated, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(manager)
    url = reverse("document-download", args=[translated.pk])
    for kind in ("po", "tmx", "xliff"):
        response = client.get(url, {"language": "zh-Hant", "format": kind})
        assert response.status_code == 200
        assert b"".join(response.streaming_content)
    data = b"".join(
        client.get(url, {"language": "zh-Hant", "format": "po"}).streaming_content
    )
    po = polib.pofile(data.decode())
    third = rows(translated)[2]
    for entry in po:
        if entry.msgctxt == third.segment.key:
            entry.flags.remove("fuzzy")
    response = client.post(
        reverse("document-upload-translations", args=[translated.pk]),
        {
            "language": "zh-Hant",
            "file": SimpleUploadedFile("back.po", str(po).encode("utf-8")),
        },
        follow=True,
    )
    assert "back.po: translations updated: 1" in response.content.decode()
    broken = client.post(
        reverse("document-upload-translations", args=[translated.pk]),
        {"language": "zh-Hant", "file": SimpleUploadedFile("bad.po", b"\x00\x01")},
        follow=True,
    )
    assert "bad.po:" in broken.content.decode()
