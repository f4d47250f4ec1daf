"""The API's pages in a real browser: the browsable docs list every
operation under the site's content policy (no console error: the policy
would report a blocked script there), and a token made on the API tokens
page works at once and stops working when revoked."""

import json
import urllib.error
import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _get(url: str, token: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request) as answer:
            json.loads(answer.read())
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_docs_show_every_operation_without_a_blocked_script(
    page_for, live_server, translator
):
    page = page_for(translator, "pw-tina")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 30
    assert errors == []


def test_a_token_from_the_page_works_until_revoked(page_for, live_server, translator):
    page = page_for(translator, "pw-tina")
    page.goto(live_server.url + "/account/tokens/")
    page.fill("input[name=name]", "newsroom CMS")
    page.click("button.primary")
    token = page.locator("#new-token").inner_text()
    assert token.startswith("wb_")
    documents = live_server.url + "/api/v1/documents/"
    assert _get(documents, token) == 200
    page.goto(live_server.url + "/account/tokens/")
    assert token not in page.content()  # shown once
    assert "newsroom CMS" in page.content()
    page.click("button[name=revoke]")
    page.wait_for_selector("text=revoked")
    assert _get(documents, token) == 401
