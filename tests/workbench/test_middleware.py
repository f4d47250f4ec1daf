"""The permission and not-found pages: styled, translated, naming the role."""

from django.urls import reverse

import pytest

from workbench.middleware import roles_needed


def _login(client, user):
    client.force_login(user)


def test_a_manager_on_the_review_queue_is_told_it_needs_a_reviewer(client, manager):
    _login(client, manager)
    response = client.get(reverse("review-queue"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "This page needs the reviewer role." in page
    assert "Your role is manager." in page
    assert 'class="card error-page"' in page  # the site's layout
    assert "403 Forbidden" not in page


def test_the_403_page_speaks_the_interface_language(client, manager):
    _login(client, manager)
    client.cookies["django_language"] = "zh-hant"
    response = client.get(reverse("review-queue"))
    assert response.status_code == 403
    # The site's layout in the reader's language, not Django's bare English page.
    assert '<html lang="zh-hant"' in response.content.decode().lower()


def test_the_role_needed_is_read_from_the_view_permission(rf, translator):
    request = rf.get(reverse("document-upload"))
    assert roles_needed(request) == ["managers"]
    request = rf.get(reverse("review-queue"))
    assert roles_needed(request) == ["reviewers"]
    request = rf.get(reverse("memory"))
    assert roles_needed(request) == ["translators", "reviewers", "managers"]


def test_a_translator_on_an_import_page_is_told_it_needs_a_manager(client, translator):
    _login(client, translator)
    response = client.get(reverse("document-upload"))
    assert response.status_code == 403
    assert "This page needs the manager role." in response.content.decode()


@pytest.mark.parametrize(
    "name",
    ["document-upload", "memory", "locked-accounts", "glossary-import"],
)
def test_managers_reach_what_the_readme_says_they_reach(client, manager, name):
    _login(client, manager)
    assert client.get(reverse(name)).status_code == 200


def test_an_unknown_page_is_a_styled_404(client, translator):
    _login(client, translator)
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is no such page" in page
    assert "/no/such/page/" in page


def test_a_visitor_who_is_not_signed_in_gets_the_styled_404_too(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "There is no such page" in response.content.decode()


def test_a_write_that_waited_too_long_for_the_database_is_a_busy_page(
    client, manager, monkeypatch
):
    from django.db import OperationalError

    from workbench.views import documents

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(documents, "all_documents", locked)
    client.force_login(manager)
    response = client.get(reverse("document-list"))
    assert response.status_code == 503
    assert "nothing was saved. Try again in a moment." in response.content.decode()
    htmx = client.get(reverse("document-list"), headers={"HX-Request": "true"})
    assert htmx.status_code == 503 and htmx["Content-Type"].startswith("text/plain")
    # any other database error is still a server error, not hidden as "busy"
    monkeypatch.setattr(
        documents,
        "all_documents",
        lambda *a, **k: (_ for _ in ()).throw(OperationalError("no such table: x")),
    )
    with pytest.raises(OperationalError):
        client.get(reverse("document-list"))
