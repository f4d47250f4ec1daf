"""Importing documents and new versions of them."""

import pytest

from core.inline import codes_from_json, to_tokens
from core.statuses import Status
from documents.models import Document, Segment
from exchange.importing import (
    ImportRefused,
    describe_not_kept,
    import_document,
    import_new_version,
)
from tests.support import DATA, SEEDS, saved_meanwhile
from translations.models import Revision, Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

SEED_B = "003_75247c11c068f792.txt"


def _import(text: str, name: str = "notice.txt", **kwargs) -> Document:
    kwargs.setdefault("source_language", "en")
    return import_document(data=text.encode("utf-8"), filename=name, **kwargs)


def test_seed_article_keeps_its_title_as_first_sentence_and_date_as_metadata():
    data = (SEEDS / SEED_B).read_bytes()
    doc = import_document(data=data, filename=SEED_B, source_language="en")
    assert doc.title == "Plan issued to further develop cooperation zone"
    assert doc.metadata["date"] == "2021-09-07"
    first = doc.segments.order_by("position").first()
    assert first.source == "Plan issued to further develop cooperation zone"
    assert first.paragraph == 0
    assert not doc.segments.filter(source__contains="date 2021").exists()


def test_every_sentence_gets_a_row_per_target_language(seed_press_release):
    doc = seed_press_release
    assert doc.target_languages == ["zh-Hant", "zh-Hans"]
    count = doc.segments.count()
    assert count > 20
    assert Translation.objects.filter(segment__document=doc).count() == 2 * count
    assert set(
        Translation.objects.filter(segment__document=doc).values_list(
            "status", flat=True
        )
    ) == {Status.UNTRANSLATED}


def test_the_original_file_is_kept_whole(seed_press_release):
    data = (SEEDS / "000_a73269a67c9f1785.txt").read_bytes()
    version = seed_press_release.versions.get()
    assert bytes(version.content) == data
    assert version.number == 1


def test_paragraphs_are_kept_for_rebuilding(seed_press_release):
    doc = seed_press_release
    paragraphs = list(doc.paragraphs.order_by("index"))
    assert paragraphs[0].text.startswith("Meeting of Task Force")
    assert {s.paragraph for s in doc.segments.all()} == {p.index for p in paragraphs}


@pytest.mark.parametrize(
    "data,name,problem",
    [
        (b"", "empty.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "image.txt", "binary"),
        (b"hello", "notes.pdf", "unsupported"),
        (b"plain start \x80\x80\xff\xff\xfe not text", "bad.txt", "not in UTF-8"),
    ],
)
def test_bad_files_are_refused_naming_the_file_and_nothing_is_created(
    data, name, problem
):
    with pytest.raises(ImportRefused) as caught:
        import_document(data=data, filename=name, source_language="en")
    assert str(caught.value).startswith(name + ": ")
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)
    assert Document.objects.count() == 0
    assert Segment.objects.count() == 0


def test_source_language_cannot_be_a_target():
    with pytest.raises(ImportRefused):
        _import("Hello there. Bye.", targets=["en", "zh-Hant"])
    assert Document.objects.count() == 0


def test_chinese_document_is_split_on_chinese_punctuation():
    doc = _import(
        "前海合作區\n\n政制及內地事務局局長曾國衞今日出席會議。會議順利舉行！",
        name="zh.txt",
        source_language="zh-HK",
    )
    assert doc.source_language == "zh-Hant"
    assert "zh-Hant" not in doc.target_languages
    assert list(doc.segments.order_by("position").values_list("source", flat=True)) == [
        "前海合作區",
        "政制及內地事務局局長曾國衞今日出席會議。",
        "會議順利舉行！",
    ]


V1 = "Title line\n\nAlpha is first. Beta is second. Gamma is third.\n\nDelta stays.\n"
V2 = (
    "Title line\n\nAlpha is first. Beta is the second one. Gamma is third.\n\n"
    "A new sentence arrives! Delta stays.\n"
)


def _translate_all(doc: Document, user=None, status=Status.APPROVED):
    for t in Translation.objects.filter(segment__document=doc, language="zh-Hant"):
        change_translation(
            translation=t, text="譯：" + t.segment.source, status=status, user=user
        )


def test_new_version_keeps_unchanged_and_drafts_changed_translations():
    doc = _import(V1)
    _translate_all(doc)
    beta = doc.segments.get(source="Beta is second.")
    result = import_new_version(
        document=doc, data=V2.encode("utf-8"), filename="notice-v2.txt"
    )
    assert (result.version, result.kept, result.changed, result.added) == (2, 4, 1, 1)
    assert result.removed == 0

    gamma = Translation.objects.get(
        segment__document=doc, segment__source="Gamma is third.", language="zh-Hant"
    )
    assert gamma.status == Status.APPROVED
    beta.refresh_from_db()
    assert beta.source == "Beta is the second one."
    assert beta.previous_source == "Beta is second."
    changed = beta.translations.get(language="zh-Hant")
    assert changed.status == Status.DRAFT
    assert changed.text == "譯：Beta is second."
    assert changed.revisions.count() == 2
    assert "version 2" in changed.revisions.order_by("-version").first().shown_note
    new = doc.segments.get(source="A new sentence arrives!")
    assert new.translations.get(language="zh-Hant").status == Status.UNTRANSLATED
    doc.refresh_from_db()
    assert doc.current_version == 2
    assert list(
        doc.segments.active().order_by("position").values_list("source", flat=True)
    ) == [
        "Title line",
        "Alpha is first.",
        "Beta is the second one.",
        "Gamma is third.",
        "A new sentence arrives!",
        "Delta stays.",
    ]


def test_a_removed_sentence_keeps_its_translation_and_returns_with_it():
    doc = _import(V1)
    _translate_all(doc)
    without_delta = "Title line\n\nAlpha is first. Beta is second. Gamma is third.\n"
    result = import_new_version(
        document=doc, data=without_delta.encode(), filename="v2.txt"
    )
    assert result.removed == 1
    delta = doc.segments.get(source="Delta stays.")
    assert not delta.is_active and delta.removed_in_version == 2
    assert delta.translations.get(language="zh-Hant").text == "譯：Delta stays."
    import_new_version(document=doc, data=V1.encode(), filename="v3.txt")
    delta.refresh_from_db()
    assert delta.is_active
    assert delta.translations.get(language="zh-Hant").status == Status.APPROVED


def test_importing_the_same_file_again_changes_nothing():
    doc = _import(V1)
    result = import_new_version(document=doc, data=V1.encode(), filename="same.txt")
    assert result.version == 1
    assert doc.versions.count() == 1


def test_a_broken_new_version_leaves_the_document_as_it_was():
    doc = _import(V1)
    _translate_all(doc)
    revisions = Revision.objects.count()
    with pytest.raises(ImportRefused):
        import_new_version(document=doc, data=b"\x00\x01\x02" * 50, filename="x.txt")
    doc.refresh_from_db()
    assert doc.current_version == 1
    assert Revision.objects.count() == revisions
    assert doc.segments.filter(is_active=True).count() == 5


def test_the_document_size_limit_comes_from_the_settings(settings):
    settings.MAX_DOCUMENT_BYTES = 1024
    with pytest.raises(ImportRefused, match="notice.txt: .*more than the 1 KB limit"):
        _import("A sentence. " * 200)
    assert not Document.objects.exists()
    assert _import("A sentence. " * 50).segments.count() == 50


def test_a_sentence_or_paragraph_over_its_limit_is_refused_naming_the_paragraph(
    settings,
):
    settings.MAX_SENTENCE_CHARS = 100
    settings.MAX_PARAGRAPH_CHARS = 1000
    run_on = "x" * 149  # no full stop and no clause boundary to cut at
    with pytest.raises(
        ImportRefused,
        match="notice.txt: paragraph 2 has a sentence of 149 characters, "
        "more than the 100 limit",
    ):
        _import("A title.\n\n" + run_on)
    long_paragraph = "Short one. " * 109 + "Last."
    with pytest.raises(
        ImportRefused,
        match="paragraph 1 has %d characters, more than the 1000 limit"
        % len(long_paragraph),
    ):
        _import(long_paragraph)
    assert not Document.objects.exists()
    assert _import("Short one. " * 9 + "Last.").segments.count() == 10


def test_a_document_of_more_sentences_than_the_limit_is_refused(settings):
    settings.MAX_DOCUMENT_SENTENCES = 3
    with pytest.raises(
        ImportRefused, match="the document has 4 sentences, more than the 3 limit"
    ):
        _import("One. Two. Three. Four.")
    assert _import("One. Two. Three.").segments.count() == 3


def test_a_save_during_a_new_version_keeps_its_text_and_goes_to_draft(
    translator, monkeypatch
):
    """The new version re-drafts changed sentences without undoing a save."""
    from exchange import importing

    doc = _import("The plan was issued. It covers Qianhai.")
    first = Translation.objects.get(segment__position=0, language="zh-Hant")
    first = change_translation(
        translation=first, text="計劃已發布。", status=Status.APPROVED
    )
    saved_meanwhile(monkeypatch, importing, text="計劃今日發布。", user=translator)
    import_new_version(
        document=doc,
        data=b"The plan was issued today. It covers Qianhai.",
        filename="notice.txt",
    )
    first.refresh_from_db()
    assert (first.text, first.status) == ("計劃今日發布。", Status.DRAFT)
    versions = list(first.revisions.order_by("version").values_list("version", "text"))
    assert [v for v, _ in versions] == list(range(1, first.version + 1))
    assert versions[-1][1] == "計劃今日發布。"


# Inline codes and what is not kept


def _html(body: str, name: str = "page.html", **kwargs) -> Document:
    kwargs.setdefault("source_language", "en")
    kwargs.setdefault("targets", ["zh-Hans"])
    return import_document(data=body.encode(), filename=name, **kwargs)


def test_paragraphs_and_sentences_keep_their_codes():
    doc = _html('<p>Go <a href="/a">there</a>. Then <b>stop</b>.</p>')
    paragraph = doc.paragraphs.get()
    assert to_tokens(paragraph.text) == "Go ⟨1⟩there⟨/1⟩. Then ⟨2⟩stop⟨/2⟩."
    assert set(paragraph.codes) == {"1", "2"}
    first, second = doc.segments.order_by("position")
    assert to_tokens(first.source) == "Go ⟨1⟩there⟨/1⟩."
    assert codes_from_json(first.codes)[1].native == '<a href="/a">'
    assert list(second.codes) == ["2"]
    assert codes_from_json(second.codes)[2].type == "bold"


def test_a_code_block_is_kept_but_not_offered():
    doc = _html("<p>Run this:</p><pre>make all. Then go.</pre>")
    assert [s.source for s in doc.segments.all()] == ["Run this:"]
    assert list(doc.paragraphs.values_list("style", "translatable")) == [
        ("p", True),
        ("pre", False),
    ]


def test_a_translation_follows_its_codes_when_only_their_numbers_move():
    doc = _html("<p>Read <b>this</b> now.</p>")
    translation = Translation.objects.get(segment__document=doc)
    change_translation(
        translation=translation,
        text=translation.segment.source.replace("Read", "读").replace(" now", ""),
        status=Status.TRANSLATED,
        expected_version=translation.version,
    )
    result = import_new_version(
        document=doc,
        data=b'<p>A <a href="/x">link</a> first. Read <b>this</b> now.</p>',
        filename="page.html",
    )
    assert result.changed == 1 and result.added == 1
    translation.refresh_from_db()
    assert to_tokens(translation.segment.source) == "Read ⟨2⟩this⟨/2⟩ now."
    assert to_tokens(translation.text) == "读 ⟨2⟩this⟨/2⟩."
    assert translation.status == Status.DRAFT


def test_what_a_file_holds_but_is_not_offered_is_counted_on_each_version():
    data = (DATA / "documents" / "pydocx_comments-rich-para.docx").read_bytes()
    doc = import_document(data=data, filename="notes.docx", source_language="en")
    assert doc.not_kept == {"comments (kept, not translated)": 4}
    assert describe_not_kept(doc.not_kept) == (
        "Not offered for translation: 4 comments (kept, not translated)."
    )
    again = (DATA / "documents" / "pandoc_track_changes_insertion.docx").read_bytes()
    result = import_new_version(document=doc, data=again, filename="notes.docx")
    assert result.as_dict()["not_kept"] == {"tracked changes (accepted)": 1}
    assert doc.versions.get(number=2).summary["not_kept"] == {
        "tracked changes (accepted)": 1
    }


def test_a_long_sentence_is_cut_at_its_clause_boundaries(settings):
    settings.MAX_SENTENCE_CHARS = 120
    # One real sentence of seeds/000 (the list of officials, 700 characters).
    seed = (SEEDS / "000_a73269a67c9f1785.txt").read_text(encoding="utf-8")
    sentence = next(
        line.strip() for line in seed.splitlines() if line.startswith("Officials of")
    )
    document = _import("A title.\n\n" + sentence)
    texts = list(
        document.segments.order_by("position").values_list("source", flat=True)
    )
    pieces = texts[1:]
    assert len(pieces) == 6
    assert all(len(piece) <= 120 for piece in pieces)
    # No comma within the first 120 characters: cut at the last space; then
    # always after a semicolon, the strongest boundary in reach.
    assert pieces[0].endswith("Commerce and Economic")
    assert all(piece.endswith((";", ".")) for piece in pieces[1:])
    assert " ".join(pieces) == sentence
    # The import says so: one sentence cut, in the version's account too.
    assert document.sentences_cut == 1
    assert document.versions.get(number=1).summary == {"sentences_cut": 1}


def test_a_long_chinese_sentence_is_cut_after_its_semicolons_and_commas(settings):
    settings.MAX_SENTENCE_CHARS = 30
    clause = "出席會議的特區政府官員包括商務及經濟發展局副局長"
    sentence = "；".join([clause + "，以及相關政策局和部門代表"] * 4) + "。"
    document = _import("標題\n\n" + sentence)
    pieces = list(
        document.segments.order_by("position").values_list("source", flat=True)
    )[1:]
    assert all(len(piece) <= 30 for piece in pieces)
    assert pieces[0] == clause + "，"
    assert "".join(pieces) == sentence
