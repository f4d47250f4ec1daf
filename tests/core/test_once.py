"""One-time form tokens: a post sent twice does its work once."""

from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory

import pytest

from core import once

pytestmark = pytest.mark.django_db


def post(token: str, referer: str = ""):
    request = RequestFactory().post(
        "/things/new/", {"once": token}, HTTP_REFERER=referer
    )
    request.user = type("User", (), {"pk": 7})()
    request._messages = CookieStorage(request)
    return request


def counting(response_for):
    calls = []

    @once.once_per_token
    def view(request):
        calls.append(request)
        return response_for(len(calls))

    return view, calls


def test_a_repeat_goes_to_the_first_result_with_a_message():
    view, calls = counting(lambda n: redirect("/things/%d/" % n))
    token = once.new_token()
    assert view(post(token))["Location"] == "/things/1/"
    again = post(token)
    assert view(again)["Location"] == "/things/1/"
    assert len(calls) == 1
    assert [str(m) for m in get_messages(again)] == [
        "This form was already sent; this is what it did."
    ]
    assert view(post(once.new_token()))["Location"] == "/things/2/"


def test_a_form_that_came_back_with_errors_can_be_sent_again():
    view, calls = counting(
        lambda n: HttpResponse("errors") if n == 1 else redirect("/done/")
    )
    token = once.new_token()
    assert view(post(token)).status_code == 200
    assert view(post(token))["Location"] == "/done/"
    assert len(calls) == 2


def test_a_page_kept_as_the_result_is_shown_again():
    view, calls = counting(lambda n: once.keep_result(HttpResponse("account %d" % n)))
    token = once.new_token()
    assert view(post(token)).content == b"account 1"
    assert view(post(token)).content == b"account 1"
    assert len(calls) == 1


def test_a_repeat_of_a_post_still_at_work_goes_back_saying_so(monkeypatch):
    monkeypatch.setattr(once, "WAIT_SECONDS", 0.2)
    view, calls = counting(lambda n: redirect("/done/"))
    token = once.new_token()
    once._cache().add(once._key(post(token), token), once.PENDING, 60)
    request = post(token, referer="http://testserver/things/new/")
    assert view(request)["Location"] == "http://testserver/things/new/"
    assert not calls
    assert "still being worked on" in str(list(get_messages(request))[0])
    outside = post(token, referer="https://elsewhere.example/")
    assert view(outside)["Location"] == "/"


def test_without_its_table_the_post_is_done_unguarded(settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "once": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_table",
        },
    }
    view, calls = counting(lambda n: redirect("/done/"))
    token = once.new_token()
    view(post(token))
    view(post(token))
    assert len(calls) == 2
    assert "post unguarded" in caplog.text


def test_the_tokens_are_in_the_database_for_every_worker_process():
    assert once._cache().__class__.__name__ == "DatabaseCache"
