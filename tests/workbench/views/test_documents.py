"""Pages: login, language switcher, document list and page, uploads."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import polib
import pytest

from documents.models import Document
from translations.models import Revision

# a page that starts a job (an upload, a new version) has it run at once
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("jobs_run_at_once")]


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
    # the job's page, which leads to the document once it is imported
    assert response.status_code == 302
    assert response["Location"].startswith("/jobs/")
    assert client.get(response["Location"])["Location"] == doc.get_absolute_url()
    assert doc.segments.count() == 3
    assert doc.created_by == manager


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "empty"),
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


def _upload(client, token, name="note.txt", **fields):
    data = {
        "file": SimpleUploadedFile(name, "通告\n\n今日天氣很好。\n".encode()),
        "source_language": "zh-Hant",
        "targets": ["en"],
        "once": token,
        **fields,
    }
    return client.post(reverse("document-upload"), data)


def test_upload_form_never_ticks_the_source_language_as_a_target(client, manager):
    client.force_login(manager)
    page = client.get(reverse("document-upload")).content.decode()
    source = re.search(r'<option value="([^"]+)" selected>', page).group(1)
    ticked = re.findall(r'name="targets" value="([^"]+)"[^>]*checked', page)
    assert ticked and source not in ticked
    # the defaults, as the page offers them, are accepted
    token = re.search(r'name="once" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("document-upload"),
        {
            "file": SimpleUploadedFile("a.txt", b"Hello there.\n"),
            "source_language": source,
            "targets": ticked,
            "once": token,
        },
    )
    assert response.status_code == 302
    assert Document.objects.get().target_languages == ticked


def test_a_target_equal_to_the_source_is_a_form_error_that_asks_for_the_file(
    client, manager
):
    client.force_login(manager)
    response = _upload(client, "t1", source_language="en", targets=["en", "zh-Hant"])
    assert response.status_code == 200
    page = response.content.decode()
    assert "The source language cannot also be a target language." in page
    assert "choose the file again (note.txt)" in page
    assert not Document.objects.exists()
    # the form came back: the same token may be sent again, corrected
    assert _upload(client, "t1").status_code == 302
    assert Document.objects.count() == 1


def test_the_same_upload_sent_twice_makes_one_document(client, manager):
    client.force_login(manager)
    first = _upload(client, "same-token")
    second = _upload(client, "same-token")
    document = Document.objects.get()
    assert first["Location"] == second["Location"]
    page = client.get(second["Location"], follow=True)
    assert page.redirect_chain[-1][0] == document.get_absolute_url()
    assert "This form was already sent" in page.content.decode()
    _upload(client, "another-token")
    assert Document.objects.count() == 2


def test_document_page_is_never_cached(client, manager, seed_press_release):
    client.force_login(manager)
    response = client.get(reverse("document-detail", args=[seed_press_release.pk]))
    assert "no-store" in response["Cache-Control"]


def test_a_translations_import_sent_twice_is_applied_once(
    client, manager, seed_press_release
):
    client.force_login(manager)
    url = reverse("document-detail", args=[seed_press_release.pk])
    page = client.get(url).content.decode()
    token = re.search(r'name="once" value="([^"]+-translations)"', page)[1]
    exported = client.get(
        reverse("document-download", args=[seed_press_release.pk]),
        {"language": "zh-Hant", "format": "po"},
    )
    catalogue = polib.pofile(b"".join(exported.streaming_content).decode())
    catalogue[0].msgstr = "新聞公報"
    post = {"language": "zh-Hant", "once": token}
    upload = reverse("document-upload-translations", args=[seed_press_release.pk])
    for _ in range(2):
        file = SimpleUploadedFile("back.po", str(catalogue).encode())
        response = client.post(upload, {**post, "file": file}, follow=True)
    assert "This form was already sent" in response.content.decode()
    assert Revision.objects.filter(text="新聞公報").count() == 1
