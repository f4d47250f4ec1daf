"""The walkthrough in each language of the UI: no English left on the pages.

A manager, a translator and a reviewer open every page of their day with
the browser set to Traditional Chinese (Hong Kong) and to Simplified
Chinese. On each page, no text outside the users' own content (which is
marked with its ``lang``) may be a string of the workbench's catalogue left
in English: a string that skipped gettext would show up here.
"""

import re

import polib
import pytest

from core.statuses import Status
from exchange.seeding import load_seed_glossary
from tests.support import ROOT
from translations.models import Translation
from translations.writing import change_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCALES = {"zh-HK": "zh_Hant", "zh-CN": "zh_Hans"}
_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]|\{[^}]*\}")

#: The page's text without the users' content (anything marked with a
#: ``lang`` of its own: sources, translations, terms) or hidden parts.
VISIBLE_UI_TEXT = """() => {
  const root = document.body.cloneNode(true);
  root.querySelectorAll('[lang], script, style, [hidden], .visually-hidden, '
    + 'select, option, textarea, input').forEach(e => e.remove());
  return root.innerText;
}"""


def english_strings(locale: str) -> list[str]:
    """Catalogue strings of two words or more, as English would show them."""
    po = polib.pofile(str(ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"))
    out = []
    for entry in po:
        for text in (entry.msgid, entry.msgid_plural):
            if not text:
                continue
            # the fixed stretches between placeholders
            for piece in _PLACEHOLDER.split(text):
                piece = piece.strip(" .:,;()“”\"'…")
                if len(piece.split()) >= 2 and len(piece) >= 10:
                    out.append(piece)
    return sorted(set(out))


@pytest.fixture
def seeded(seed_press_release):
    load_seed_glossary()
    rows = Translation.objects.filter(
        segment__document=seed_press_release, language="zh-Hant"
    ).order_by("segment__position")
    change_translation(translation=rows[0], text="該区12", status=Status.TRANSLATED)
    return seed_press_release


def leftovers(page, strings: list[str]) -> list[str]:
    text = page.evaluate(VISIBLE_UI_TEXT)
    return [s for s in strings if s in text]


@pytest.mark.parametrize("locale", list(LOCALES))
def test_no_page_of_the_day_shows_english(
    page_for, live_server, manager, translator, reviewer, seeded, locale
):
    strings = english_strings(LOCALES[locale])
    base = live_server.url
    document = seeded.pk
    first = (
        Translation.objects.filter(segment__document=seeded, language="zh-Hant")
        .order_by("segment__position")
        .first()
    )
    found = {}
    walks = {
        (manager, "pw-mona"): [
            "/",
            "/documents/new/",
            "/documents/%d/" % document,
            "/memory/",
            "/glossary/",
            "/glossary/import/",
        ],
        (translator, "pw-tina"): [
            "/documents/%d/translate/zh-Hant/" % document,
            "/documents/%d/translate/zh-Hant/?status=warnings" % document,
            "/translations/%d/panel/" % first.pk,
            "/glossary/new/",
            "/convert/",
        ],
        (reviewer, "pw-rita"): [
            "/review/",
            "/review/?warnings=1",
            "/glossary/review/",
            "/glossary/duplicates/",
        ],
    }
    for (user, password), paths in walks.items():
        page = page_for(user, password, locale=locale)
        for path in paths:
            response = page.goto(base + path)
            assert response.status == 200, path
            left = leftovers(page, strings)
            if left:
                found[path] = left
    assert found == {}
