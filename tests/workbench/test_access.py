"""Who may see what: users without a role, throttled logins, passwords."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_a_user_without_a_role_sees_only_that_they_need_one(
    client, nobody, seed_press_release
):
    client.force_login(nobody)
    for url in (
        reverse("document-list"),
        seed_press_release.get_absolute_url(),
        reverse("convert"),
        reverse("glossary:list"),
        reverse("memory"),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert "You need a role to use the workbench" in page
        assert seed_press_release.title not in page
        assert "script-src 'self'" in response["Content-Security-Policy"]
    assert client.get(reverse("password_change")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302


def _login(client, username: str, password: str):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR="192.0.2.7",
    )


def test_logins_pause_after_five_failures_until_a_manager_unlocks(
    client, translator, manager
):
    for _ in range(4):
        assert _login(client, "tina", "wrong").status_code == 200
    assert _login(client, "tina", "wrong").status_code == 429  # the fifth
    locked = _login(client, "tina", "pw-tina")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # A manager unlocks the account on their page; the address is locked too.
    other = client.__class__()
    other.force_login(manager)
    page = other.get(reverse("locked-accounts")).content.decode()
    assert "tina" in page and "192.0.2.7" in page
    for kind, value in (("username", "tina"), ("ip_address", "192.0.2.7")):
        response = other.post(
            reverse("unlock-account"), {"kind": kind, "value": value}, follow=True
        )
        assert "%s can log in again." % value in response.content.decode()
    assert "No account or address is locked." in (
        other.get(reverse("locked-accounts")).content.decode()
    )
    assert _login(client, "tina", "pw-tina").status_code == 302
    assert client.session["_auth_user_id"] == str(translator.pk)


def test_failures_spread_over_addresses_still_lock_the_account_and_show(
    client, translator, manager
):
    for number in range(5):
        client.post(
            reverse("login"),
            {"username": "tina", "password": "wrong"},
            REMOTE_ADDR="198.51.100.%d" % number,
        )
    assert _login(client, "tina", "pw-tina").status_code == 429
    other = client.__class__()
    other.force_login(manager)
    page = other.get(reverse("locked-accounts")).content.decode()
    assert "<td>tina</td>" in page


def test_a_success_does_not_wipe_failures_against_other_accounts(client, reviewer):
    """Logging in as oneself between guesses at another's password does not help."""
    for _round in range(2):
        for _ in range(2):
            _login(client, "tina", "guess")
        assert _login(client, "rita", "pw-rita").status_code in (302, 429)
        client.logout()
    assert _login(client, "tina", "guess").status_code == 429


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(
    client, settings, translator, manager
):
    settings.TRUSTED_PROXIES = 1
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": "nobody-%d" % _, "password": "x"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5",
        )
    other = client.__class__()
    other.force_login(manager)
    page = other.get(reverse("locked-accounts")).content.decode()
    assert "203.0.113.5" in page and "10.0.0.1" not in page and "1.2.3.4" not in page
    # Another client behind the same proxy still logs in.
    response = client.post(
        reverse("login"),
        {"username": "tina", "password": "pw-tina"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert response.status_code == 302


def test_failures_from_one_address_lock_it_for_every_account(client, translator):
    for name in ("a", "b", "c", "d", "e"):
        _login(client, name, "guess")
    assert _login(client, "tina", "pw-tina").status_code == 429


def test_only_managers_see_and_unlock_locked_accounts(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("locked-accounts")).status_code == 403
    unlock = {"kind": "username", "value": "tina"}
    assert client.post(reverse("unlock-account"), unlock).status_code == 403


@pytest.mark.parametrize("cookie,path", [("\x00abc", "/"), ("ok", "/glossary/%00/")])
def test_a_nul_in_a_cookie_or_the_path_is_a_400_never_a_500(client, cookie, path):
    client.cookies["sessionid"] = cookie
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Security-Policy"]


def test_a_user_changes_their_password(client, translator):
    client.force_login(translator)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw-tina",
            "new_password1": "a much longer passphrase 42",
            "new_password2": "a much longer passphrase 42",
        },
        follow=True,
    )
    assert "Password changed" in response.content.decode()
    client.logout()
    assert _login(client, "tina", "pw-tina").status_code == 200
    assert _login(client, "tina", "a much longer passphrase 42").status_code == 302


@pytest.mark.parametrize(
    "method,name,data",
    [
        ("get", "glossary:list", {"q": "Qian\x00hai"}),
        ("get", "review-queue", {"document": "1\x00"}),
        ("get", "memory", {"q": "\x00"}),
        ("post", "document-upload", {"title": "A\x00", "source_language": "en"}),
    ],
)
def test_a_nul_character_in_a_form_or_query_is_a_clear_400_never_a_500(
    client, manager, method, name, data
):
    client.force_login(manager)
    response = getattr(client, method)(reverse(name), data)
    assert response.status_code == 400
    assert "holds a NUL character" in response.content.decode()


def test_other_control_characters_are_dropped_before_a_view_sees_them(
    client, translator, seed_press_release
):
    translation = seed_press_release.segments.first().translations.get(
        language="zh-Hant"
    )
    client.force_login(translator)
    client.post(
        reverse("editor-save", args=[translation.pk]),
        {"text": "前海\x0b管理局\x07", "status": "translated", "version": "0"},
    )
    translation.refresh_from_db()
    assert translation.text == "前海管理局"
