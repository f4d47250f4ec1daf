"""Stored warnings: found on save and on glossary changes, checked, overruled."""

import io
import json

from django.core.management import call_command
from django.utils import translation as i18n

import pytest

from core.statuses import Status
from exchange.importing import import_document
from glossary.approval import NewTerm, approve_term, propose_concept, update_term
from glossary.importing import import_concepts, read_file
from glossary.models import Usage
from translations.editing import mark_checked, save_translation
from translations.models import QualityWarning, Translation
from translations.review import OpenWarnings, approve_translation, review_many
from translations.warnings import findings_for, open_counts, refresh_for_glossary
from translations.writing import EditConflict, change_translation

TEXT = (
    "The Chief Executive met the Qianhai Authority on March 14. "
    "The zone covers 14.92 square kilometres.\n"
)


@pytest.fixture
def document(db):
    return import_document(
        data=TEXT.encode(),
        filename="release.txt",
        source_language="en",
        title="Release",
        targets=["zh-Hant", "zh-Hans"],
    )


def sentence(document, number=0, language="zh-Hant") -> Translation:
    return Translation.objects.filter(
        segment__document=document, language=language
    ).order_by("segment__position")[number]


def checks(translation) -> list[str]:
    return sorted(translation.warnings.open().values_list("check_name", flat=True))


def test_a_save_stores_what_the_checks_find_and_a_fix_clears_it(document, translator):
    second = sentence(document, 1)
    second = save_translation(
        translation=second,
        text="该区面积为14.29平方公里。",  # Simplified, and a number swapped
        status=Status.TRANSLATED,
        user=translator,
        expected_version=second.version,
    )
    assert checks(second) == ["numbers", "script"]
    numbers = second.warnings.get(check_name="numbers")
    assert numbers.message == "Numbers differ: missing 14.92; extra 14.29"
    assert numbers.found_version == second.version
    second = save_translation(
        translation=second,
        text="該區面積為14.92平方公里。",
        status=Status.TRANSLATED,
        user=translator,
        expected_version=second.version,
    )
    assert checks(second) == []
    assert not QualityWarning.objects.filter(translation=second).exists()


def test_an_untranslated_sentence_has_no_warnings(document, translator):
    second = sentence(document, 1)
    second = change_translation(
        translation=second, text="該區面積為14.29平方公里。", status=Status.DRAFT
    )
    assert checks(second) == ["numbers"]
    second = change_translation(translation=second, text="", status=Status.UNTRANSLATED)
    assert checks(second) == []


def test_a_warning_is_stored_in_no_language_and_read_in_the_readers(
    document, translator
):
    second = sentence(document, 1)
    with i18n.override("zh-hant"):
        # saved by a translator working in Chinese
        second = change_translation(
            translation=second, text="該區面積為14.29平方公里。", status=Status.DRAFT
        )
    warning = second.warnings.get()
    assert warning.template == "Numbers differ: missing %(missing)s; extra %(extra)s"
    assert warning.message.startswith("Numbers differ")
    with i18n.override("zh-hant"):
        assert warning.message == "數字不一致：缺少 14.92；多出 14.29"
    with i18n.override("zh-hans"):
        assert warning.message == "数字不一致：缺少 14.92；多出 14.29"


def test_a_checked_warning_stays_checked_while_it_is_the_same_finding(
    document, translator, reviewer
):
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.29平方公里。",
        status=Status.TRANSLATED,
        user=translator,
    )
    warning = second.warnings.get()
    with pytest.raises(EditConflict):
        mark_checked(
            warning=warning, user=translator, expected_version=second.version - 1
        )
    mark_checked(warning=warning, user=translator, expected_version=second.version)
    warning.refresh_from_db()
    assert (warning.checked_by, warning.checked_version) == (translator, second.version)
    assert warning.checked_at is not None
    # A later save with the same finding keeps the mark, who and when.
    second = change_translation(
        translation=second,
        text="該區的面積為14.29平方公里。",
        status=Status.TRANSLATED,
        user=translator,
    )
    kept = second.warnings.get()
    assert kept.pk == warning.pk and kept.checked_by == translator
    assert kept.checked_version == second.version - 1
    assert open_counts([second.pk]) == {}
    # Another finding is a new, open warning; the old one is gone.
    second = change_translation(
        translation=second,
        text="該區的面積為14.93平方公里。",
        status=Status.TRANSLATED,
        user=translator,
    )
    assert open_counts([second.pk]) == {second.pk: 1}
    assert not QualityWarning.objects.filter(pk=warning.pk).exists()
    # Open again.
    fresh = second.warnings.get()
    mark_checked(warning=fresh, user=translator, expected_version=second.version)
    mark_checked(
        warning=fresh, user=translator, expected_version=second.version, checked=False
    )
    fresh.refresh_from_db()
    assert fresh.is_open and fresh.checked_by is None


def test_approving_needs_despite_warnings_and_says_what_was_overruled(
    document, translator, reviewer
):
    second = change_translation(
        translation=sentence(document, 1),
        text="该区面积为14.92平方公里。",
        status=Status.TRANSLATED,
        user=translator,
    )
    with pytest.raises(OpenWarnings):
        approve_translation(
            translation=second, reviewer=reviewer, expected_version=second.version
        )
    second.refresh_from_db()
    assert second.status == Status.TRANSLATED  # nothing written
    approved = approve_translation(
        translation=second,
        reviewer=reviewer,
        expected_version=second.version,
        despite_warnings=True,
    )
    assert approved.status == Status.APPROVED
    warning = approved.warnings.get()
    assert warning.checked_by == reviewer and not warning.is_open
    revision = approved.revisions.get(version=approved.version)
    assert revision.note_values == {"checks": "script"}
    assert revision.shown_note == "Approved despite warnings: script."
    with i18n.override("zh-hans"):
        assert "script" in revision.shown_note and "Approved" not in revision.shown_note


def test_warnings_checked_by_the_translator_need_no_despite(
    document, translator, reviewer
):
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.29平方公里。",
        status=Status.TRANSLATED,
        user=translator,
    )
    mark_checked(
        warning=second.warnings.get(), user=translator, expected_version=second.version
    )
    approved = approve_translation(
        translation=second, reviewer=reviewer, expected_version=second.version
    )
    assert approved.revisions.get(version=approved.version).shown_note == "Approved."


def test_bulk_review_counts_sentences_left_for_their_warnings(
    document, translator, reviewer
):
    first = change_translation(
        translation=sentence(document, 0),
        text="行政長官於3月14日會見前海管理局。",
        status=Status.TRANSLATED,
    )
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.29平方公里。",
        status=Status.TRANSLATED,
    )
    result = review_many(
        items=[(first.pk, first.version), (second.pk, second.version)],
        reviewer=reviewer,
        action="approve",
    )
    assert (result.done, result.warnings) == (1, 1)
    second.refresh_from_db()
    assert second.status == Status.TRANSLATED
    result = review_many(
        items=[(second.pk, second.version)],
        reviewer=reviewer,
        action="approve",
        despite=frozenset({second.pk}),
    )
    assert (result.done, result.warnings) == (1, 0)


def test_an_approved_term_flags_translations_without_a_save(document, reviewer):
    first = change_translation(
        translation=sentence(document, 0),
        text="特首於3月14日會見前海管理局。",
        status=Status.TRANSLATED,
    )
    assert checks(first) == []
    concept = propose_concept(
        terms=[NewTerm("en", "Chief Executive"), NewTerm("zh-Hant", "行政長官")],
        user=reviewer,
        approve=True,
    )
    assert checks(first) == ["glossary"]
    assert "行政長官" in first.warnings.get().message
    # The rendering changed to what the translation says: the warning goes.
    term = concept.terms.get(language="zh-Hant")
    update_term(
        term=term,
        user=reviewer,
        text="特首",
        usage=Usage.PREFERRED,
        case_sensitive=False,
        expected_version=term.version,
    )
    assert checks(first) == []
    # Made forbidden: the translation that uses it is flagged.
    term.refresh_from_db()
    update_term(
        term=term,
        user=reviewer,
        text="特首",
        usage=Usage.FORBIDDEN,
        case_sensitive=False,
        expected_version=term.version,
    )
    assert checks(first) == ["glossary"]
    assert first.warnings.get().message == "“特首” is a forbidden term."


def test_a_proposed_term_changes_nothing_until_it_is_approved(
    document, translator, reviewer
):
    first = change_translation(
        translation=sentence(document, 0),
        text="特首於3月14日會見前海管理局。",
        status=Status.TRANSLATED,
    )
    concept = propose_concept(
        terms=[NewTerm("en", "Chief Executive"), NewTerm("zh-Hant", "行政長官")],
        user=translator,
    )
    assert checks(first) == []
    for term in concept.terms.all():
        approve_term(term=term, reviewer=reviewer, expected_version=term.version)
    assert checks(first) == ["glossary"]


def test_a_glossary_import_flags_the_sentences_its_terms_concern(document, manager):
    first = change_translation(
        translation=sentence(document, 0),
        text="特首於3月14日會見前海管理局。",
        status=Status.TRANSLATED,
    )
    data = "en,zh-Hant\nChief Executive,行政長官\nforeign ministry,外交部\n"
    import_concepts(read_file(data.encode(), "titles.csv"), user=manager)
    assert checks(first) == ["glossary"]


def test_refresh_for_glossary_with_no_concepts_does_nothing(document):
    assert refresh_for_glossary(set()) == 0


def test_pages_read_stored_warnings_and_never_run_the_checks(
    client, document, translator, monkeypatch
):
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.29平方公里。",
        status=Status.TRANSLATED,
    )

    def no_checks(*args, **kwargs):
        raise AssertionError("the checks ran on a page view")

    monkeypatch.setattr("translations.warnings.check_translation", no_checks)
    client.force_login(translator)
    from django.urls import reverse

    editor = client.get(reverse("editor", args=[document.pk, "zh-Hant"]))
    panel = client.get(reverse("editor-panel", args=[second.pk]))
    page = client.get(reverse("document-detail", args=[document.pk]))
    assert editor.status_code == panel.status_code == page.status_code == 200
    assert "Numbers differ: missing 14.92; extra 14.29" in panel.content.decode()


def test_the_refresh_command_stores_warnings_of_every_sentence(document):
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.29平方公里。",
        status=Status.TRANSLATED,
    )
    QualityWarning.objects.all().delete()  # as after an upgrade
    out = io.StringIO()
    call_command("refresh_warnings", stdout=out)
    counts = json.loads(out.getvalue())
    assert counts == {"translations": 4, "warnings": 1, "open_warnings": 1}
    assert checks(second) == ["numbers"]


def test_findings_for_is_what_the_checks_say(document):
    second = change_translation(
        translation=sentence(document, 1),
        text="該區面積為14.92平方公里。",
        status=Status.TRANSLATED,
    )
    assert findings_for(second) == []
    second.status = Status.UNTRANSLATED
    assert findings_for(second) == []
