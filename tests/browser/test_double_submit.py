"""A double click on a button that creates something creates it once."""

import re

from django.db import connection

import pytest
from playwright.sync_api import Error as PlaywrightError

from documents.models import Document
from glossary.models import Concept, Term
from tests.support import DATA
from translations.models import Revision, Translation
from translations.writing import change_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Two posts at once run on PostgreSQL: SQLite's test server shares one
# connection between its threads, so their savepoints collide (an artefact).
AT_ONCE = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two writes at once: PostgreSQL"
)


def double_click_and_wait(page, selector: str, url_pattern):
    """Click twice as fast as a hand does, without waiting in between.

    On a busy machine the browser may abort the first navigation for the
    second one: the wait then follows the second.
    """
    page.locator(selector).dblclick(no_wait_after=True)
    try:
        page.wait_for_url(url_pattern)
    except PlaywrightError:
        page.wait_for_url(url_pattern)
    page.wait_for_load_state()


#: Post the form of ``button`` twice at once, as a double click that reaches
#: the server twice does (a browser may drop the first navigation, but not
#: before its request went out); answer where each post ended.
SEND_TWICE = """async (button) => {
    const form = button.form;
    const send = () => {
        const data = new FormData(form);
        if (button.name) { data.append(button.name, button.value); }
        const url = form.getAttribute("action") || location.href;
        return fetch(url, {method: "POST", body: data});
    };
    const answers = await Promise.all([send(), send()]);
    return Promise.all(answers.map(async (answer) =>
        [answer.status, new URL(answer.url).pathname, await answer.text()]));
}"""


def send_twice(page, selector: str) -> tuple[list, str]:
    """Where each post ended (status, path), and the two pages' text."""
    answers = page.evaluate(SEND_TWICE, page.locator(selector).element_handle())
    return [answer[:2] for answer in answers], " ".join(a[2] for a in answers)


def test_double_clicking_propose_makes_one_concept(page_for, live_server, translator):
    page = page_for(translator, "pw-tina")
    page.goto(live_server.url + "/glossary/new/")
    page.fill("#id_term_en", "Invest Hong Kong")
    page.fill("#id_term_zh_hant", "投資推廣署")
    double_click_and_wait(
        page, "form.stacked button.primary", re.compile(r"/glossary/\d+/$")
    )
    concept = Concept.objects.get()
    assert page.url.endswith(concept.get_absolute_url())
    assert Term.objects.count() == 2
    assert "投資推廣署" in page.content()


@AT_ONCE
def test_a_proposal_posted_twice_at_once_makes_one_concept(
    page_for, live_server, translator
):
    page = page_for(translator, "pw-tina")
    page.goto(live_server.url + "/glossary/new/")
    page.fill("#id_term_en", "Invest Hong Kong")
    page.fill("#id_term_zh_hant", "投資推廣署")
    answers, pages = send_twice(page, "form.stacked button.primary")
    concept = Concept.objects.get()
    assert answers == [[200, concept.get_absolute_url()]] * 2
    assert Term.objects.count() == 2


@AT_ONCE
def test_upload_form_keeps_the_source_out_of_the_targets_and_a_double_post_uploads_once(
    page_for, live_server, manager
):
    page = page_for(manager, "pw-mona")
    page.goto(live_server.url + "/documents/new/")
    source = page.locator("#id_source_language")
    assert source.input_value() == "en"
    english = page.locator("input[name=targets][value=en]")
    chinese = page.locator("input[name=targets][value=zh-Hant]")
    assert english.is_disabled() and not english.is_checked()
    assert chinese.is_checked()
    # switching the source updates the targets in the browser
    source.select_option("zh-Hant")
    assert chinese.is_disabled() and not chinese.is_checked()
    assert english.is_enabled() and english.is_checked()
    page.set_input_files(
        "#id_file", str(DATA / "documents" / "us_constitution_zhs.s2t.big5hkscs.txt")
    )
    answers, pages = send_twice(page, "form.stacked button.primary")
    document = Document.objects.get()
    assert answers == [[200, document.get_absolute_url()]] * 2
    assert "This form was already sent" in pages
    assert document.source_language == "zh-Hant"
    assert "zh-Hant" not in document.target_languages
    assert "en" in document.target_languages


@AT_ONCE
def test_approve_sent_twice_from_the_review_queue_approves_once(
    page_for, live_server, reviewer, seed_press_release
):
    first = (
        Translation.objects.filter(segment__document=seed_press_release)
        .order_by("segment__position", "language")
        .first()
    )
    change_translation(translation=first, text="譯文", status="translated")
    page = page_for(reviewer, "pw-rita")
    page.goto(live_server.url + "/review/")
    page.locator("input[name=ids]").first.check()
    # 譯文 has Traditional characters in a zh-Hans target: the reviewer read
    # the warning and approves despite it
    page.locator("#review-%d input[name=despite]" % first.pk).check()
    answers, pages = send_twice(page, "button[name=action][value=approve]")
    assert answers == [[200, "/review/"]] * 2
    assert Revision.objects.filter(translation=first, status="approved").count() == 1
    # Which page shows which message depends on which answer's cookie the
    # browser kept (the two run at once); neither says the second was stale.
    assert "1 sentence approved." in pages or "This form was already sent" in pages
    assert "changed since you loaded the page" not in pages
