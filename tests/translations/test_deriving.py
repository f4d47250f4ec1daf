"""Deriving one Chinese script from the other, and convert_chinese."""

import io
import json
import sys

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from core.statuses import Origin, Status
from exchange.importing import import_document
from glossary.approval import NewTerm, propose_concept
from tests.support import saved_meanwhile
from translations.deriving import DeriveRefused, derive
from translations.models import Revision, Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

TEXT = "Title.\n\nOne here. Two here. Three here. Four here.\n"


@pytest.fixture
def document():
    return import_document(
        data=TEXT.encode(),
        filename="n.txt",
        source_language="en",
        targets=["zh-Hant", "zh-Hans"],
    )


def rows(document, language):
    return list(
        Translation.objects.filter(
            segment__document=document, language=language
        ).order_by("segment__position")
    )


def test_derive_fills_drafts_and_never_touches_approved_or_human_work(
    document, translator, reviewer
):
    hant = rows(document, "zh-Hant")
    hans = rows(document, "zh-Hans")
    texts = [
        "標題。",
        "立法會前主席范徐麗泰發言。",
        "曾國衞今日出席。",
        "我們了解情況。",
        "",
    ]
    for row, text in zip(hant, texts, strict=True):
        if text:
            change_translation(translation=row, text=text, status=Status.TRANSLATED)
    change_translation(
        translation=hans[2], text="人工译文", status=Status.TRANSLATED, user=translator
    )
    change_translation(
        translation=hans[3], text="已批准", status=Status.APPROVED, user=reviewer
    )
    propose_concept(
        terms=[NewTerm("zh-Hant", "范徐麗泰"), NewTerm("zh-Hans", "范徐丽泰")],
        user=reviewer,
        approve=True,
    )
    before = {r.pk: (r.text, r.status, r.version) for r in (hans[2], hans[3])}
    counts = derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    assert counts == {
        "derived": 2,
        "unchanged": 0,
        "skipped_approved": 1,
        "skipped_human": 1,
        "skipped_changed": 0,
        "skipped_no_source": 1,
    }
    after = rows(document, "zh-Hans")
    assert after[0].text == "标题。"
    assert after[1].text == "立法会前主席范徐丽泰发言。"
    assert (after[1].status, after[1].origin) == (Status.DRAFT, Origin.CONVERSION)
    for row in (after[2], after[3]):
        assert (row.text, row.status, row.version) == before[row.pk]
    assert after[4].status == Status.UNTRANSLATED
    assert Revision.objects.filter(translation=after[1]).count() == 1
    again = derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    assert again["derived"] == 0 and again["unchanged"] == 2


def test_derive_refreshes_an_earlier_conversion_when_the_origin_changed(document):
    hant = rows(document, "zh-Hant")
    change_translation(translation=hant[0], text="標題", status=Status.TRANSLATED)
    derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    change_translation(translation=hant[0], text="新標題", status=Status.TRANSLATED)
    counts = derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    assert counts["derived"] == 1
    assert rows(document, "zh-Hans")[0].text == "新标题"


def test_derive_one_sentence_only(document):
    hant = rows(document, "zh-Hant")
    for row in hant:
        change_translation(translation=row, text="發展", status=Status.TRANSLATED)
    segment = hant[1].segment
    counts = derive(
        document=document,
        from_language="zh-Hant",
        to_language="zh-Hans",
        segments=[segment],
    )
    assert counts["derived"] == 1
    assert [r.text for r in rows(document, "zh-Hans")][:3] == ["", "发展", ""]


def test_derive_from_a_chinese_source_document():
    document = import_document(
        data="通告\n\n政制及內地事務局局長今日發言。".encode(),
        filename="zh.txt",
        source_language="zh-Hant",
        targets=["zh-Hans", "en"],
    )
    counts = derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    assert counts["derived"] == 2
    assert rows(document, "zh-Hans")[1].text == "政制及内地事务局局长今日发言。"


@pytest.mark.parametrize("source,target", [("en", "zh-Hans"), ("zh-Hant", "fr")])
def test_derive_refuses_pairs_it_cannot_convert(document, source, target):
    with pytest.raises(DeriveRefused):
        derive(document=document, from_language=source, to_language=target)


def test_derive_command_prints_counts_and_refuses_bad_pairs(document):
    hant = rows(document, "zh-Hant")
    change_translation(translation=hant[0], text="標題", status=Status.TRANSLATED)
    out = io.StringIO()
    call_command(
        "derive", str(document.pk), "--from", "zh-HK", "--to", "zh-CN", stdout=out
    )
    assert json.loads(out.getvalue())["derived"] == 1
    with pytest.raises(CommandError, match="zh-Hans and zh-Hant"):
        call_command("derive", str(document.pk), "--from", "en", "--to", "zh-Hans")


def test_convert_chinese_lets_the_glossary_win_and_keeps_lines(reviewer, capsysbinary):
    propose_concept(
        terms=[NewTerm("zh-Hans", "范徐丽泰"), NewTerm("zh-Hant", "范徐麗泰")],
        user=reviewer,
        approve=True,
    )
    text = "立法会前主席范徐丽泰\n发表讲话。\n"
    call_with = ["--config", "s2hk"]
    sys_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")))
    try:
        call_command("convert_chinese", *call_with)
        sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")))
        call_command("convert_chinese", *call_with, "--no-glossary")
    finally:
        sys.stdin = sys_stdin
    output = capsysbinary.readouterr().out.decode("utf-8")
    assert (
        output == "立法會前主席范徐麗泰\n發表講話。\n立法會前主席範徐麗泰\n發表講話。\n"
    )


def test_convert_chinese_refuses_text_that_is_not_utf8():
    sys_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO("中文".encode("big5")))
    try:
        with pytest.raises(CommandError, match="not UTF-8"):
            call_command("convert_chinese", "--config", "t2s")
    finally:
        sys.stdin = sys_stdin


def test_a_sentence_saved_while_deriving_keeps_the_translators_text(
    document, translator, monkeypatch
):
    """A save between derive's read and its write wins; derive counts it."""
    from translations import deriving

    hant = rows(document, "zh-Hant")
    for row, text in zip(hant, ("標題。", "會議舉行。"), strict=False):
        change_translation(translation=row, text=text, status=Status.TRANSLATED)
    raced = saved_meanwhile(monkeypatch, deriving, text="譯者剛存的", user=translator)
    counts = derive(document=document, from_language="zh-Hant", to_language="zh-Hans")
    assert counts["skipped_changed"] == 1 and counts["derived"] >= 1
    kept = Translation.objects.get(pk=raced[0])
    assert (kept.text, kept.status) == ("譯者剛存的", Status.TRANSLATED)
    assert list(
        kept.revisions.values_list("version", flat=True).order_by("version")
    ) == [1]
