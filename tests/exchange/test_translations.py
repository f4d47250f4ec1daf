"""Reading translations back: the PO size limit is the settings'."""

from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from exchange.translations import import_translations, read_translations
from formats import FormatError
from formats.bilingual import Catalogue, Unit
from tests.support import saved_meanwhile
from translations.models import Translation

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
