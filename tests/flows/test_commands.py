"""The management commands of the command-line contract, run as scripts run them."""

import io
import json
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from core.statuses import Status
from documents.models import Document, Segment
from glossary.models import Approval, Term, TermRevision
from memory.models import MemoryEntry
from tests.support import ROOT, SEEDS, manage_script
from translations.models import Translation
from translations.writing import change_translation

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot() -> list:
    return [
        list(
            Document.objects.values_list("id", "title", "checksum", "current_version")
        ),
        list(
            Segment.objects.values_list("id", "key", "position", "source", "is_active")
        ),
        list(Translation.objects.values_list("id", "status", "text", "version")),
        list(Term.objects.values_list("id", "text", "approval", "version")),
        TermRevision.objects.count(),
        list(
            MemoryEntry.objects.order_by("id").values_list(
                "id", "source", "target", "created_at", "changed_at", "status"
            )
        ),
    ]


def test_load_seeds_twice_gives_the_same_database():
    first = run("load_seeds")
    assert "2 documents created" in first
    assert "memory: 21 entries added, 0 already there" in first
    before = snapshot()
    second = run("load_seeds")
    assert "0 documents created" in second and "2 unchanged" in second
    assert "0 terms created, 0 updated" in second
    assert "memory: 0 entries added, 21 already there" in second
    assert snapshot() == before


def test_load_seeds_brings_the_approved_glossary_of_the_seed_documents():
    run("load_seeds")
    assert Term.objects.filter(approval=Approval.APPROVED).count() >= 100
    for en, hant, hans in [
        (
            "Secretary for Constitutional and Mainland Affairs",
            "政制及內地事務局局長",
            "政制及内地事务局局长",
        ),
        ("Qianhai Authority", "前海管理局", "前海管理局"),
        ("Erick Tsang Kwok-wai", "曾國衞", "曾国卫"),
    ]:
        concept = Term.objects.get(language="en", text=en).concept
        assert concept.terms.get(language="zh-Hant").text == hant
        assert concept.terms.get(language="zh-Hans").text == hans


def test_import_document_prints_the_id_alone_on_the_last_line(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Notice\n\nMr Tsang met Dr Chan at 5.30pm. They agreed.\n")
    out = run(
        "import_document",
        str(path),
        "--source-language",
        "en",
        "--targets",
        "zh-HK,zh_CN",
    )
    last = out.strip().splitlines()[-1]
    doc = Document.objects.get()
    assert last == str(doc.pk)
    assert doc.target_languages == ["zh-Hant", "zh-Hans"]
    assert doc.title == "Notice"


def test_import_document_prints_what_it_did_not_offer_as_json():
    path = ROOT / "tests" / "data" / "documents" / "pydocx_comments-rich-para.docx"
    out = run("import_document", str(path)).strip().splitlines()
    counts = json.loads(out[-2])
    assert out[-1] == str(Document.objects.get().pk)
    assert counts["not_kept"] == {"comments (kept, not translated)": 4}
    assert counts["sentences"] == Segment.objects.count()
    assert counts["sentences_cut"] == 0


def test_import_document_counts_the_long_sentences_it_cut(tmp_path, settings):
    settings.MAX_SENTENCE_CHARS = 60
    path = tmp_path / "long.txt"
    clause = "the officials of the bureau and of the departments concerned"
    path.write_text("Title\n\n" + ", ".join([clause] * 4) + ".\n", encoding="utf-8")
    counts = json.loads(run("import_document", str(path)).strip().splitlines()[-2])
    assert counts["sentences_cut"] == 1
    assert counts["sentences"] == Segment.objects.count() > 2


def test_import_document_with_title_option(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Heading\n\nSome text here.\n")
    run("import_document", str(path), "--title", "Given title")
    assert Document.objects.get().title == "Given title"


def test_import_document_new_version_reports_changes(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Notice\n\nOne sentence. Two sentences.\n")
    doc_id = run("import_document", str(path)).strip().splitlines()[-1]
    path.write_text("Notice\n\nOne sentence. Two sentences. Three!\n")
    out = run("import_document", str(path), "--document", doc_id)
    assert "version 2: 3 kept, 0 changed, 1 added, 0 removed" in out
    assert out.strip().splitlines()[-1] == doc_id


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff", "binary"),
    ],
)
def test_import_document_refuses_bad_files_in_one_line(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        run("import_document", str(path))
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert Document.objects.count() == 0


def test_import_document_refuses_a_missing_file_and_unknown_language(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_document", str(tmp_path / "missing.txt"))
    path = tmp_path / "ok.txt"
    path.write_text("Hello world.")
    with pytest.raises(CommandError, match="unknown language"):
        run("import_document", str(path), "--source-language", "12")


def test_segments_lists_json_lines_with_targets(seed_press_release):
    doc = seed_press_release
    first = doc.segments.order_by("position").first()
    change_translation(
        translation=first.translations.get(language="zh-Hant"),
        text="前海深港現代服務業合作區發展工作組會議在深圳舉行（附圖）",
        status=Status.TRANSLATED,
    )
    lines = run("segments", str(doc.pk), "--language", "zh-HK").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == doc.segments.count()
    assert [r["position"] for r in rows] == list(range(len(rows)))
    assert set(rows[0]) == {
        "id",
        "key",
        "position",
        "paragraph",
        "source",
        "target",
        "status",
    }
    assert rows[0]["status"] == "translated"
    assert rows[0]["target"].startswith("前海深港")
    assert rows[1]["status"] == "untranslated"
    plain = json.loads(run("segments", str(doc.pk)).splitlines()[0])
    assert set(plain) == {"id", "key", "position", "paragraph", "source"}


def test_export_txt_rebuilds_paragraphs_falling_back_to_source(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("Notice\n\nFirst here. Second here.\n\nThird here.\n")
    doc = Document.objects.get(pk=run("import_document", str(path)).split()[-1])
    segments = list(doc.segments.order_by("position"))
    for segment, text in zip(segments[:2], ["通告", "第一句。"], strict=True):
        change_translation(
            translation=segment.translations.get(language="zh-Hant"),
            text=text,
            status=Status.TRANSLATED,
        )
    out = tmp_path / "out.txt"
    run(
        "export",
        str(doc.pk),
        "--language",
        "zh-Hant",
        "--format",
        "txt",
        "-o",
        str(out),
    )
    assert (
        out.read_text(encoding="utf-8")
        == "通告\n\n第一句。Second here.\n\nThird here.\n"
    )


def test_export_strict_names_the_untranslated_sentences(seed_press_release):
    with pytest.raises(CommandError) as caught:
        run(
            "export",
            str(seed_press_release.pk),
            "--language",
            "zh-Hant",
            "--format",
            "txt",
            "--strict",
        )
    assert "without a zh-Hant translation" in str(caught.value)
    assert "positions 0, 1, 2" in str(caught.value)


def test_export_approved_only_leaves_unapproved_text_out(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("Notice\n\nFirst here.\n")
    doc = Document.objects.get(pk=run("import_document", str(path)).split()[-1])
    first, second = doc.segments.order_by("position")
    change_translation(
        translation=first.translations.get(language="zh-Hans"),
        text="通知",
        status=Status.APPROVED,
    )
    change_translation(
        translation=second.translations.get(language="zh-Hans"),
        text="草稿",
        status=Status.TRANSLATED,
    )
    out = tmp_path / "o.txt"
    run(
        "export",
        str(doc.pk),
        "--language",
        "zh-Hans",
        "--format",
        "txt",
        "--approved-only",
        "-o",
        str(out),
    )
    assert out.read_text() == "通知\n\nFirst here.\n"


def test_scripts_get_exit_status_1_and_one_line_on_stderr(tmp_path):
    """Run manage.py as a script would: no traceback, one line, status 1."""
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    proc = manage_script(tmp_path, "import_document", str(bad))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(bad) in lines[0]
    assert "Traceback" not in proc.stderr


def test_seed_files_exist_for_load_seeds():
    assert (SEEDS / "000_a73269a67c9f1785.txt").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["memory_lookup", "--source-language", "en", "--target-language", "zh-Hant"],
        ["glossary_lookup", "--language", "en"],
        ["convert_chinese", "--config", "s2hk"],
    ],
)
def test_a_nul_character_on_stdin_is_one_line_and_exit_1(tmp_path, command):
    proc = manage_script(tmp_path, *command, migrate=True, stdin="fine\nbad\x00line\n")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "CommandError: stdin line 2: a NUL character"
    ], proc.stderr


@pytest.mark.parametrize(
    "command",
    [["segments", "1"], ["export", "1", "--language", "zh-Hant", "--format", "po"]],
)
def test_a_reader_that_goes_away_ends_a_command_quietly(tmp_path, command):
    """``manage.py segments 1 | head -1``: no traceback, as shell tools do
    (nor a complaint about a database cursor left open by the export)."""
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join("Sentence %d is here." % n for n in range(5000)))
    assert manage_script(tmp_path, "import_document", str(path), migrate=True)
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "sqlite:///" + str(tmp_path / "db.sqlite3"),
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *command],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout.readline().strip()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert stderr == "", stderr


def leverage_files() -> Document:
    """Okapi's leverage test: an HTML page and a memory holding its sentence
    twice, plain and with the page's bold run."""
    run("import_memory", str(ROOT / "tests/data/tmx/okapi_leverage_test01.tmx"))
    html = ROOT / "tests/data/documents/okapi_leverage_test01.html"
    run("import_document", str(html), "--source-language", "en", "--targets", "fr")
    return Document.objects.get()


def markup(text: str, codes: dict) -> str:
    """Rebuild the markup of a text from its tokens and its codes field."""
    for number, code in codes.items():
        text = text.replace(f"⟨{number}⟩", code.get("native", ""))
        text = text.replace(f"⟨/{number}⟩", code.get("closing", ""))
        text = text.replace(f"⟨{number}/⟩", code.get("native", ""))
    return text


def lookup_rows(text: str, *options: str) -> list[dict]:
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO((text + "\n").encode("utf-8")))
    try:
        out = run(
            "memory_lookup",
            "--source-language",
            "en",
            "--target-language",
            "fr",
            *options,
        )
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.splitlines()]


def test_memory_lookup_prints_codes_as_tokens_with_what_they_stand_for():
    leverage_files()
    (plain,) = lookup_rows("A simple sentence with nothing special.", "--limit", "1")
    assert plain["target"] == "Une phrase simple sans rien de spécial."
    assert "codes" not in plain and plain["score"] == 100
    (coded,) = lookup_rows("A simple ⟨1⟩sentence⟨/1⟩ with nothing special.")
    assert set(coded) == {*plain, "codes"}
    assert coded["source"] == "A simple ⟨1⟩sentence⟨/1⟩ with nothing special."
    assert coded["target"] == "Une ⟨1⟩phrase⟨/1⟩ simple sans rien de spécial."
    assert coded["codes"]["1"]["kind"] == "open"
    assert coded["codes"]["1"]["type"] == "bold"
    assert markup(coded["target"], coded["codes"]) == (
        "Une <b>phrase</b> simple sans rien de spécial."
    )
    hits = lookup_rows("phrase simple", "--concordance")
    assert sorted("codes" in h for h in hits) == [False, True]
    for row in (plain, coded, *hits):
        assert not any(0xF0000 <= ord(c) <= 0xFFFFD for c in json.dumps(row))


def test_pretranslating_a_plain_sentence_takes_the_plain_entry():
    document = leverage_files()
    counts = json.loads(run("pretranslate", str(document.pk), "--language", "fr"))
    assert counts["codes_not_placed"] == 0
    assert counts["exact"] == document.segments.count()
    rows = [
        json.loads(line)
        for line in run("segments", str(document.pk), "--language", "fr").splitlines()
    ]
    assert rows[0]["target"] == "Une phrase simple sans rien de spécial."
    assert "codes" not in rows[0]
    bold = rows[1]
    assert set(bold) == {
        "id",
        "key",
        "position",
        "paragraph",
        "source",
        "target",
        "status",
        "codes",
    }
    assert bold["source"] == "A simple ⟨1⟩sentence⟨/1⟩ with nothing special."
    assert bold["target"] == "Une ⟨1⟩phrase⟨/1⟩ simple sans rien de spécial."
    assert markup(bold["source"], bold["codes"]) == (
        "A simple <b>sentence</b> with nothing special."
    )


def qa_rows(text: str, *options: str) -> list[dict]:
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")))
    try:
        out = run("qa_check", "--source-language", "en", *options)
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.splitlines()]


def test_qa_check_prints_one_line_of_findings_per_input_line():
    pairs = [
        {"source": "on March 25 at 2.30pm", "target": "三月二十五日下午二時三十分"},
        {"source": "on March 25 at 2.30pm", "target": "三月二十六日下午二時三十分"},
        {"source": "The (new) office", "target": "新辦事處（"},
        {"source": "Hello", "target": ""},
        {"source": "It opens.", "target": "它开幕。"},
    ]
    text = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    rows = qa_rows(text, "--target-language", "zh-Hant")
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["findings"] == []
    assert [f["check"] for f in rows[1]["findings"]] == ["numbers"]
    assert "25" in rows[1]["findings"][0]["message"]
    assert [f["check"] for f in rows[2]["findings"]] == ["brackets"]
    assert [f["check"] for f in rows[3]["findings"]] == ["empty"]
    assert [f["check"] for f in rows[4]["findings"]] == ["script"]


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"source": "a", "target": "b"}\nnot json\n', "stdin line 2: not JSON"),
        ('{"source": "a"}\n', "stdin line 1: 'target' missing or not a string"),
        ("[1, 2]\n", "stdin line 1: not a JSON object"),
    ],
)
def test_qa_check_refuses_bad_input_naming_the_line(text, message):
    with pytest.raises(CommandError, match=message):
        qa_rows(text, "--target-language", "zh-Hant")


def test_qa_check_bad_input_is_one_line_and_exit_1(tmp_path):
    proc = manage_script(
        tmp_path,
        "qa_check",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        migrate=True,
        stdin='{"source": "3 cases", "target": "三宗"}\n{"source": 1}\n',
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "CommandError: stdin line 2: 'source' missing or not a string"
    ], proc.stderr
    assert proc.stdout == ""
