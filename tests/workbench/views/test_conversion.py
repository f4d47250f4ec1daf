"""The converter page, house-style overrides and the derive buttons."""

from django.core.checks import run_checks
from django.urls import reverse

import pytest

from conversion.models import ConversionOverride
from core.statuses import Status
from glossary.approval import NewTerm, propose_concept
from translations.models import Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db


def test_converter_page_marks_glossary_and_override_replacements(client, reviewer):
    propose_concept(
        terms=[NewTerm("zh-Hans", "范徐丽泰"), NewTerm("zh-Hant", "范徐麗泰")],
        user=reviewer,
        approve=True,
    )
    client.force_login(reviewer)
    client.post(
        reverse("override-list"),
        {
            "variant": "hk",
            "source_text": "瞭解",
            "target_text": "了解",
            "note": "HK",
            "is_active": "on",
        },
    )
    response = client.post(
        reverse("convert"),
        {
            "text": "范徐丽泰了解<b>情况</b>",
            "config": "s2hk",
            "use_glossary": "on",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert '<mark class="glossary" title="范徐丽泰">范徐麗泰</mark>' in html
    assert '<mark class="override" title="瞭解">了解</mark>' in html
    assert "&lt;b&gt;情況&lt;/b&gt;" in html
    assert "<html" not in html  # an htmx request gets the result alone


def test_converter_without_glossary_is_plain_opencc(client, translator):
    client.force_login(translator)
    html = client.post(
        reverse("convert"), {"text": "范徐丽泰", "config": "s2hk"}
    ).content.decode()
    assert "範徐麗泰" in html


def test_overrides_keep_history_and_refuse_stale_edits(client, reviewer, translator):
    client.force_login(reviewer)
    client.post(
        reverse("override-list"),
        {
            "variant": "hk",
            "source_text": "瞭解",
            "target_text": "了解",
            "is_active": "on",
        },
    )
    override = ConversionOverride.objects.get()
    client.post(
        reverse("override-edit", args=[override.pk]),
        {
            "variant": "hk",
            "source_text": "瞭解",
            "target_text": "了解",
            "note": "house",
            "version": override.version,
            "is_active": "on",
        },
    )
    response = client.post(
        reverse("override-edit", args=[override.pk]),
        {
            "variant": "hk",
            "source_text": "瞭解",
            "target_text": "XX",
            "version": override.version,
            "is_active": "on",
        },
        follow=True,
    )
    assert "Someone else changed this override" in response.content.decode()
    override.refresh_from_db()
    assert (override.target_text, override.note, override.version) == (
        "了解",
        "house",
        2,
    )
    assert override.revisions.count() == 2
    client.force_login(translator)
    page = client.get(reverse("override-list")).content.decode()
    assert "瞭解" in page and "Add an override" not in page
    denied = client.post(
        reverse("override-list"),
        {"variant": "hk", "source_text": "着", "target_text": "著", "is_active": "on"},
    )
    assert denied.status_code == 403
    assert (
        client.post(reverse("override-edit", args=[override.pk]), {}).status_code == 403
    )


def test_derive_buttons_fill_the_other_script(client, translator, seed_press_release):
    doc = seed_press_release
    rows = Translation.objects.filter(segment__document=doc, language="zh-Hant")
    first = rows.order_by("segment__position").first()
    change_translation(
        translation=first, text="會議在深圳舉行", status=Status.TRANSLATED
    )
    client.force_login(translator)
    page = client.get(doc.get_absolute_url(), {"language": "zh-Hans"}).content.decode()
    assert reverse("document-derive", args=[doc.pk]) in page
    response = client.post(
        reverse("segment-derive", args=[doc.pk, first.segment_id]),
        {"from": "zh-Hant", "to": "zh-Hans"},
        follow=True,
    )
    assert "1 sentence converted from zh-Hant" in response.content.decode()
    derived = Translation.objects.get(segment=first.segment, language="zh-Hans")
    assert (derived.text, derived.status) == ("会议在深圳举行", Status.DRAFT)


def test_reviewers_and_anonymous_users(client, seed_press_release):
    assert client.get(reverse("convert"))["Location"].startswith(reverse("login"))
    response = client.post(reverse("document-derive", args=[seed_press_release.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_system_check_warns_when_the_reimplementation_is_installed(monkeypatch):
    monkeypatch.setattr("workbench.checks.implementation", lambda: "reimplemented")
    monkeypatch.setattr(
        "workbench.checks.missing_configs", lambda: ["s2hkp", "hk2sp", "hk2t"]
    )
    warnings = [m for m in run_checks() if m.id == "workbench.W002"]
    assert len(warnings) == 1
    assert "s2hkp, hk2sp, hk2t" in warnings[0].msg


def test_no_warning_with_the_official_binding():
    assert [m for m in run_checks() if m.id == "workbench.W002"] == []
