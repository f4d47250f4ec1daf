"""The memory in the workflow: approvals feed it, pre-translation and the
commands of the contract use it."""

import io
import json
import sys
from io import BytesIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from core.statuses import Origin, Status
from documents.models import Document
from exchange.importing import import_document
from formats.bilingual.tmx import TmxUnit, write_tus
from memory.lookup import lookup
from memory.models import MemoryEntry
from memory.store import forget
from memory.tmx import import_tmx
from tests.support import DATA, SEEDS, manage_script
from translations.models import Revision, Translation
from translations.pretranslating import PretranslateRefused, pretranslate
from translations.review import approve_translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db

TMX_DTD = DATA / "tmx" / "tmx14.dtd"
PRESS = SEEDS / "000_a73269a67c9f1785.txt"


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        call_command(*args, stdout=out, stderr=io.StringIO())
    finally:
        sys.stdin = old
    return out.getvalue()


def tmx_bytes(units) -> bytes:
    return b"".join(write_tus(units, source_language="en"))


def press_release(title: str = "Press release"):
    return import_document(
        data=PRESS.read_bytes(),
        filename=PRESS.name,
        source_language="en",
        title=title,
        targets=["zh-Hant"],
    )


def first_translations(document, n: int) -> list[Translation]:
    return list(
        Translation.objects.filter(
            segment__document=document, language="zh-Hant"
        ).order_by("segment__position")[:n]
    )


# Approvals feed the memory


def test_approving_a_sentence_puts_it_in_the_memory(translator, reviewer):
    document = press_release()
    translation = first_translations(document, 1)[0]
    change_translation(
        translation=translation,
        text="前海會議",
        status=Status.TRANSLATED,
        user=translator,
    )
    assert not MemoryEntry.objects.exists()
    approve_translation(
        translation=translation, reviewer=reviewer, expected_version=translation.version
    )
    entry = MemoryEntry.objects.get()
    assert (entry.source, entry.target) == (translation.segment.source, "前海會議")
    assert (entry.source_language, entry.target_language) == ("en", "zh-Hant")
    assert entry.origin == "Press release" and entry.author == "rita"
    assert entry.translation_id == translation.pk and entry.context is not None
    match = lookup(translation.segment.source, "en", "zh-Hant")[0]
    assert (match.score, match.target) == (100, "前海會議")


def test_a_changed_approved_translation_updates_its_entry(translator, reviewer):
    document = press_release()
    translation = first_translations(document, 1)[0]
    for text in ("第一版", "第二版"):
        change_translation(
            translation=translation,
            text=text,
            status=Status.TRANSLATED,
            user=translator,
        )
        approve_translation(
            translation=translation,
            reviewer=reviewer,
            expected_version=translation.version,
            despite_warnings=True,  # a placeholder text, not a translation
        )
    assert list(MemoryEntry.objects.values_list("target", flat=True)) == ["第二版"]
    assert "第一版" in Revision.objects.values_list("text", flat=True)
    matches = lookup(translation.segment.source, "en", "zh-Hant")
    assert [m.target for m in matches] == ["第二版"]


def test_a_sentence_approved_in_two_documents_is_one_entry(reviewer):
    for title in ("One", "Two"):
        translation = first_translations(press_release(title), 1)[0]
        change_translation(
            translation=translation, text="同一譯文", status=Status.TRANSLATED
        )
        approve_translation(
            translation=translation,
            reviewer=reviewer,
            expected_version=translation.version,
        )
    entry = MemoryEntry.objects.get()
    assert entry.origin == "One"


# Pre-translation


def memory_for(document, *, change_every: int = 0) -> dict[str, str]:
    """A memory holding the document's sentences, some with one word changed."""
    made = {}
    for index, segment in enumerate(document.segments.active().order_by("position")):
        source = segment.source
        if change_every and index % change_every == 0 and len(source.split()) > 8:
            words = source.split()
            words[len(words) // 2] = "altered"
            source = " ".join(words)
        made[source] = "譯文%d" % index
    import_tmx(
        BytesIO(tmx_bytes(TmxUnit({"en": s, "zh-Hant": t}) for s, t in made.items())),
        origin="memory.tmx",
    )
    return made


def test_pretranslate_fills_untranslated_sentences_as_memory_drafts(translator):
    document = press_release()
    memory_for(document, change_every=3)
    done = first_translations(document, 2)
    change_translation(
        translation=done[0], text="人寫的", status=Status.DRAFT, user=translator
    )
    change_translation(
        translation=done[1], text="已審", status=Status.APPROVED, user=translator
    )
    total = document.segments.active().count()
    counts = pretranslate(document=document, language="zh-Hant", threshold=75)
    assert counts["skipped"] == 2
    assert counts["exact"] + counts["fuzzy"] + counts["no_match"] + 2 == total
    assert counts["exact"] > 0 and counts["fuzzy"] > 0
    done[0].refresh_from_db()
    done[1].refresh_from_db()
    assert (done[0].text, done[1].text) == ("人寫的", "已審")
    filled = Translation.objects.filter(
        segment__document=document, origin=Origin.MEMORY
    )
    assert filled.count() == counts["exact"] + counts["fuzzy"]
    assert set(filled.values_list("status", flat=True)) == {Status.DRAFT}
    scores = set(filled.values_list("origin_score", flat=True))
    assert max(scores) >= 100 and 75 <= min(scores) < 100
    # Running it again changes nothing: every filled sentence now has work in it.
    again = pretranslate(document=document, language="zh-Hant")
    assert again["exact"] == again["fuzzy"] == 0


def test_pretranslate_threshold_leaves_weaker_matches_out():
    document = press_release()
    memory_for(document, change_every=2)
    counts = pretranslate(document=document, language="zh-Hant", threshold=100)
    assert counts["fuzzy"] == 0 and counts["no_match"] > 0


def test_pretranslate_refuses_a_language_the_document_is_not_translated_into():
    document = press_release()
    with pytest.raises(PretranslateRefused):
        pretranslate(document=document, language="fr")


# Commands


def test_import_memory_command_prints_counts(tmp_path):
    path = tmp_path / "m.tmx"
    path.write_bytes(
        tmx_bytes(
            [
                TmxUnit({"en": "Hello.", "zh-Hant": "你好。"}),
                TmxUnit({"en": "Only English."}),
            ]
        )
    )
    assert json.loads(run("import_memory", str(path))) == {
        "units": 2,
        "added": 1,
        "merged": 0,
        "skipped": 1,
        "not_kept": {"units_with_one_language": 1},
    }
    assert json.loads(run("import_memory", str(path)))["merged"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<!DOCTYPE tmx [<!ENTITY a "b">]><tmx/>', "entities"),
        (b"\xff\xfe\x00garbage", "not well-formed"),
        (
            tmx_bytes(
                TmxUnit({"en": "Unit %d" % i, "zh-Hant": "單位"}) for i in range(3000)
            )[:-200],
            "not well-formed",
        ),
    ],
    ids=["entities", "binary", "truncated"],
)
def test_import_memory_refuses_bad_files_with_one_line_and_nothing_imported(
    tmp_path, content, message
):
    path = tmp_path / "bad.tmx"
    path.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        run("import_memory", str(path))
    assert str(caught.value).startswith(str(path) + ": ")
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert not MemoryEntry.objects.exists()


def test_import_memory_names_a_missing_file_and_half_a_language_pair(tmp_path):
    with pytest.raises(CommandError, match="nothing.tmx"):
        run("import_memory", str(tmp_path / "nothing.tmx"))
    with pytest.raises(CommandError, match="both"):
        run("import_memory", str(tmp_path / "x.tmx"), "--source-language", "en")


def test_export_memory_is_valid_tmx_and_filters_by_language_pair(tmp_path):
    import_tmx(
        BytesIO(
            tmx_bytes(
                [
                    TmxUnit(
                        {"en": "Hello <b>world</b> & co.", "zh-Hant": "你好，世界。"}
                    ),
                    TmxUnit({"zh-Hant": "再見。", "en": "Goodbye."}),
                    TmxUnit({"en": "Bonjour.", "fr": "Bonjour."}),
                ]
            )
        ),
        origin="in.tmx",
    )
    out = tmp_path / "out.tmx"
    run(
        "export_memory",
        "-o",
        str(out),
        "--source-language",
        "en",
        "--target-language",
        "zh-HK",
    )
    tree = etree.parse(str(out))
    assert etree.DTD(str(TMX_DTD)).validate(tree), etree.DTD(str(TMX_DTD)).error_log
    store = tmxfile(out.read_bytes())
    pairs = {(u.source, u.target) for u in store.units}
    assert pairs == {
        ("Hello <b>world</b> & co.", "你好，世界。"),
        ("Goodbye.", "再見。"),
    }
    whole = tmp_path / "all.tmx"
    run("export_memory", "-o", str(whole))
    assert etree.DTD(str(TMX_DTD)).validate(etree.parse(str(whole)))
    assert len(tmxfile(whole.read_bytes()).units) == 3
    # What goes out comes back in as the same entries.
    forget(list(MemoryEntry.objects.all()))
    counts = json.loads(run("import_memory", str(whole)))
    assert counts["added"] == 3
    assert MemoryEntry.objects.get(target="Goodbye.").origin == "in.tmx"
    assert lookup("Goodbye.", "en", "zh-Hant")[0].target == "再見。"


def test_memory_lookup_prints_json_lines_best_first():
    import_tmx(
        BytesIO(
            tmx_bytes(
                [
                    TmxUnit(
                        {
                            "en": "The meeting was held in Shenzhen today.",
                            "zh-Hant": "甲",
                        }
                    ),
                    TmxUnit(
                        {
                            "en": "The meeting was held in Hong Kong today.",
                            "zh-Hant": "乙",
                        }
                    ),
                ]
            )
        ),
        origin="m.tmx",
    )
    lines = run(
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        stdin="The meeting was held in Shenzhen today.\n",
    ).splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["target"] for r in rows] == ["甲", "乙"]
    assert rows[0] == {
        "score": 100,
        "source": "The meeting was held in Shenzhen today.",
        "target": "甲",
        "origin": "m.tmx",
        "source_language": "en",
        "target_language": "zh-Hant",
        "notes": [],
        "props": [],
    }
    assert 70 <= rows[1]["score"] < 100
    hits = run(
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        "--concordance",
        stdin="hong kong",
    ).splitlines()
    assert [json.loads(h)["target"] for h in hits] == ["乙"]


def test_pretranslate_command_prints_json_counts_and_refuses_bad_input():
    document = press_release()
    memory_for(document)
    counts = json.loads(run("pretranslate", str(document.pk), "--language", "zh-HK"))
    assert counts["exact"] == document.segments.active().count()
    with pytest.raises(CommandError, match="no document"):
        run("pretranslate", "9999", "--language", "zh-Hant")
    with pytest.raises(CommandError, match="threshold"):
        run(
            "pretranslate",
            str(document.pk),
            "--language",
            "zh-Hant",
            "--threshold",
            "0",
        )


def test_import_memory_as_a_script_prints_counts_or_one_line_and_status_1(tmp_path):
    good = tmp_path / "good.tmx"
    good.write_bytes(tmx_bytes([TmxUnit({"en": "Hello.", "zh-Hant": "你好。"})]))
    proc = manage_script(tmp_path, "import_memory", str(good), migrate=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1])["added"] == 1
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(tmx_bytes([TmxUnit({"en": "Bye.", "zh-Hant": "再見。"})])[:-30])
    proc = manage_script(tmp_path, "import_memory", str(bad))
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("CommandError: %s: line " % bad)
    assert "the XML is not well-formed" in line
    assert "Traceback" not in proc.stderr
    lookup = manage_script(
        tmp_path,
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
    )
    assert lookup.returncode == 0


def test_the_seed_press_release_is_pretranslated_from_the_seed_memory():
    run("load_seeds")
    document = Document.objects.get(original_filename=PRESS.name)
    counts = json.loads(run("pretranslate", str(document.pk), "--language", "zh-Hant"))
    assert counts["exact"] == 1 and counts["fuzzy"] >= 3, counts
    exact = Translation.objects.get(
        segment__document=document, language="zh-Hant", origin_score__gte=100
    )
    assert exact.text == "前海是大灣區重要合作平台之一。"
    assert exact.status == Status.DRAFT and exact.origin == Origin.MEMORY
    simplified = json.loads(
        run("pretranslate", str(document.pk), "--language", "zh-Hans")
    )
    assert simplified["exact"] == 1


def test_a_changed_approval_keeps_an_entry_that_was_also_imported(translator, reviewer):
    document = press_release()
    translation = first_translations(document, 1)[0]
    change_translation(translation=translation, text="舊譯", status=Status.TRANSLATED)
    approve_translation(
        translation=translation, reviewer=reviewer, expected_version=translation.version
    )
    import_tmx(
        BytesIO(
            tmx_bytes([TmxUnit({"en": translation.segment.source, "zh-Hant": "舊譯"})])
        ),
        origin="old.tmx",
    )
    change_translation(translation=translation, text="新譯", status=Status.TRANSLATED)
    approve_translation(
        translation=translation, reviewer=reviewer, expected_version=translation.version
    )
    targets = sorted(MemoryEntry.objects.values_list("target", flat=True))
    assert targets == ["新譯", "舊譯"]
    assert MemoryEntry.objects.get(target="舊譯").translation_id is None
    assert MemoryEntry.objects.get(target="新譯").translation_id == translation.pk


def test_rebuild_memory_index_restores_lookup():
    from memory import index as memory_index

    import_tmx(
        BytesIO(
            tmx_bytes([TmxUnit({"en": "The zone grew.", "zh-Hant": "區域擴大了。"})])
        ),
        origin="m.tmx",
    )
    memory_index.clear()
    assert lookup("The zone grew a lot.", "en", "zh-Hant") == []
    assert json.loads(run("rebuild_memory_index")) == {"entries": 1}
    assert lookup("The zone grew a lot.", "en", "zh-Hant")[0].target == "區域擴大了。"


@pytest.mark.parametrize(
    "args",
    [
        ("pretranslate", "{document}", "--language", "no such"),
        ("memory_lookup", "--source-language", "en", "--target-language", "1"),
        ("export_memory", "-o", "-", "--source-language", "!"),
        ("import_memory", "x.tmx", "--source-language", "en", "--target-language", "?"),
    ],
)
def test_commands_name_an_unknown_language_code(args):
    document = press_release()
    args = [arg.format(document=document.pk) for arg in args]
    with pytest.raises(CommandError, match="unknown language code"):
        run(*args, stdin="")


def test_a_british_document_feeds_the_memory_as_en_gb(reviewer):
    """A document's regional variant is kept on what its approvals remember."""
    document = import_document(
        data=PRESS.read_bytes(),
        filename=PRESS.name,
        source_language="en-gb",
        title="British release",
        targets=["zh-Hant"],
    )
    assert document.source_language == "en-GB"
    translation = first_translations(document, 1)[0]
    change_translation(
        translation=translation, text="英式譯文", status=Status.APPROVED, user=reviewer
    )
    entry = MemoryEntry.objects.get()
    assert (entry.source_language, entry.source_variant) == ("en", "en-GB")
    assert (entry.target_language, entry.target_variant) == ("zh-Hant", "zh-Hant")
    match = lookup(translation.segment.source, "en-GB", "zh-Hant")[0]
    assert (match.score, match.source_language) == (100, "en-GB")


def test_commands_refuse_a_bare_zh_by_asking_for_the_script():
    with pytest.raises(CommandError, match="zh-Hant .*or zh-Hans"):
        run(
            "memory_lookup",
            "--source-language",
            "en",
            "--target-language",
            "zh",
            stdin="Hello",
        )
