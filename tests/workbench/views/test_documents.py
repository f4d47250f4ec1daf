"""Pages: login, language switcher, document list and page, uploads."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from documents.models import Document

pytestmark = pytest.mark.django_db


def test_anonymous_users_see_only_the_login_page(client, seed_press_release):
    for url in [
        reverse("document-list"),
        reverse("document-detail", args=[seed_press_release.pk]),
        reverse("document-upload"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("login")).status_code == 200


@pytest.mark.parametrize(
    "accept,expected",
    [("zh-TW,zh;q=0.9", "登入"), ("zh-CN,zh;q=0.9", "登录"), ("en-GB", "Log in")],
)
def test_login_page_speaks_the_browsers_language(client, accept, expected):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE=accept)
    assert expected in response.content.decode()


def test_language_switcher_remembers_the_choice(client, translator):
    client.force_login(translator)
    response = client.post(
        reverse("set_language"), {"language": "zh-hant", "next": "/"}
    )
    assert response.status_code == 302
    page = client.get(reverse("document-list")).content.decode()
    assert "文件" in page
    assert 'lang="zh-hant"' in page


def test_document_list_shows_progress_per_language(
    client, translator, seed_press_release
):
    client.force_login(translator)
    page = client.get(reverse("document-list")).content.decode()
    assert seed_press_release.title in page
    assert page.count('class="progress"') == 2
    assert "zh-Hant" in page and "zh-Hans" in page


def test_document_page_lists_sentences_with_status(
    client, translator, seed_press_release
):
    client.force_login(translator)
    url = reverse("document-detail", args=[seed_press_release.pk])
    page = client.get(url, {"language": "zh-Hans"}).content.decode()
    first = seed_press_release.segments.order_by("position").first()
    assert first.source in page
    assert "st-untranslated" in page
    empty = client.get(url, {"language": "zh-Hans", "status": "approved"})
    assert "No sentences match." in empty.content.decode()


def test_source_text_with_markup_is_shown_as_text(client, manager):
    client.force_login(manager)
    upload = SimpleUploadedFile(
        "x.txt", b"Title\n\n<script>alert(1)</script> Hello <b>there</b>.\n"
    )
    client.post(
        reverse("document-upload"),
        {
            "file": upload,
            "source_language": "en",
            "targets": ["zh-Hant"],
        },
    )
    doc = Document.objects.get()
    page = client.get(reverse("document-detail", args=[doc.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_manager_uploads_a_document(client, manager):
    client.force_login(manager)
    upload = SimpleUploadedFile(
        "note.txt", "通告\n\n今日天氣很好。明天下雨。\n".encode()
    )
    response = client.post(
        reverse("document-upload"),
        {
            "file": upload,
            "source_language": "zh-Hant",
            "targets": ["en", "zh-Hans"],
        },
    )
    doc = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == doc.get_absolute_url()
    assert doc.segments.count() == 3
    assert doc.created_by == manager


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "empty"),
        ("bin.txt", b"\x00\x01\x02\x89PNG\x00\x00", "binary"),
        ("slides.pptx", b"abc", "unsupported file type"),
    ],
)
def test_bad_uploads_become_form_errors(client, manager, name, data, message):
    client.force_login(manager)
    response = client.post(
        reverse("document-upload"),
        {
            "file": SimpleUploadedFile(name, data),
            "source_language": "en",
            "targets": ["zh-Hant"],
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(message in e for e in errors), errors
    assert Document.objects.count() == 0


def test_only_managers_may_import(client, translator, reviewer, seed_press_release):
    for user in (translator, reviewer):
        client.force_login(user)
        assert client.get(reverse("document-upload")).status_code == 403
        response = client.post(
            reverse("document-new-version", args=[seed_press_release.pk]),
            {"file": SimpleUploadedFile("a.txt", b"New text here.")},
        )
        assert response.status_code == 403
    assert seed_press_release.versions.count() == 1


def test_manager_imports_a_new_version_from_the_document_page(
    client, manager, seed_press_release
):
    client.force_login(manager)
    response = client.post(
        reverse("document-new-version", args=[seed_press_release.pk]),
        {
            "file": SimpleUploadedFile(
                "v2.txt", b"Title here.\n\nOnly one sentence now."
            )
        },
        follow=True,
    )
    assert "Version 2 imported" in response.content.decode()
    seed_press_release.refresh_from_db()
    assert seed_press_release.current_version == 2


def test_login_with_a_demo_account(client, db, tmp_path):
    from workbench.demo import create_demo_accounts

    accounts = create_demo_accounts(tmp_path / "demo.json")
    assert {a["role"] for a in accounts} == {"translators", "reviewers", "managers"}
    again = create_demo_accounts(tmp_path / "demo.json")
    assert again == accounts
    for account in accounts:
        response = client.post(
            reverse("login"),
            {"username": account["username"], "password": account["password"]},
        )
        assert response.status_code == 302, account
        client.logout()


def test_the_upload_form_states_and_applies_the_limit_of_the_settings(
    client, manager, settings
):
    settings.MAX_DOCUMENT_BYTES = 2 * settings.MB
    client.force_login(manager)
    assert "up to 2 MB" in client.get(reverse("document-upload")).content.decode()
    response = client.post(
        reverse("document-upload"),
        {
            "file": SimpleUploadedFile("big.txt", b"Words. " * 400_000),
            "source_language": "en",
            "targets": ["zh-Hant"],
        },
    )
    assert "big.txt is larger than 2 MB." in response.context["form"].errors["file"]
    assert Document.objects.count() == 0


def test_inline_codes_are_shown_as_tokens_never_as_raw_characters(client, manager):
    client.force_login(manager)
    upload = SimpleUploadedFile(
        "x.html",
        b"<html><body><h1>T</h1><p>Read <a href='/r'>the report</a> now.</p>"
        b"</body></html>",
    )
    client.post(
        reverse("document-upload"),
        {"file": upload, "source_language": "en", "targets": ["zh-Hant"]},
    )
    doc = Document.objects.get()
    page = client.get(reverse("document-detail", args=[doc.pk])).content.decode()
    assert "Read ⟨1⟩the report⟨/1⟩ now." in page
    assert not any(0xF0000 <= ord(c) <= 0xF2FFF for c in page)
