"""import_glossary, export_glossary and glossary_lookup through call_command."""

import io
import json
import sys

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from lxml import etree

from glossary.models import Approval, Concept, Term
from tests.support import DATA, SEEDS

pytestmark = pytest.mark.django_db

RNG = DATA / "glossary" / "TBXcoreStructV03_TBX-Basic_integrated.rng"


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
        try:
            call_command(*args, stdout=out)
        finally:
            sys.stdin = old
    else:
        call_command(*args, stdout=out)
    return out.getvalue()


def export(fmt: str, tmp_path) -> bytes:
    path = tmp_path / ("out." + fmt)
    run("export_glossary", "--format", fmt, "-o", str(path))
    return path.read_bytes()


HK_TITLES = (
    "en,zh-HK,zh-CN,note\n"
    "Chief Executive,行政長官,行政长官,Head of the HKSAR\n"
    "Chief Secretary for Administration,政務司司長,政务司司长,\n"
    "Secretary for Constitutional and Mainland Affairs,政制及內地事務局局長,"
    "政制及内地事务局局长,\n"
)


def test_import_csv_approves_terms_and_prints_counts(tmp_path):
    path = tmp_path / "titles.csv"
    path.write_text(HK_TITLES, encoding="utf-8")
    counts = json.loads(run("import_glossary", str(path)))
    assert counts["concepts_created"] == 3 and counts["terms_created"] == 9
    assert set(Term.objects.values_list("approval", flat=True)) == {Approval.APPROVED}
    assert set(Term.objects.values_list("language", flat=True)) == {
        "en",
        "zh-Hant",
        "zh-Hans",
    }
    again = json.loads(run("import_glossary", str(path)))
    assert again["terms_created"] == 0 and again["terms_unchanged"] == 9
    assert Concept.objects.count() == 3


def test_csv_export_reimported_into_an_empty_database_gives_the_same_csv(tmp_path):
    run("load_seeds")
    first = export("csv", tmp_path)
    Term.objects.all().delete()
    Concept.objects.all().delete()
    path = tmp_path / "again.csv"
    path.write_bytes(first)
    run("import_glossary", str(path))
    assert export("csv", tmp_path) == first


def test_tbx_export_is_valid_tbx_basic_and_reads_back(tmp_path):
    run("load_seeds")
    data = export("tbx", tmp_path)
    document = etree.fromstring(data)
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    assert schema.validate(document), schema.error_log
    concepts = Concept.objects.count()
    terms = Term.objects.count()
    Term.objects.all().delete()
    Concept.objects.all().delete()
    path = tmp_path / "again.tbx"
    path.write_bytes(data)
    run("import_glossary", str(path))
    assert (Concept.objects.count(), Term.objects.count()) == (concepts, terms)
    deprecated = Term.objects.get(language="zh-Hant", text="特首")
    assert deprecated.usage == "deprecated"
    assert Term.objects.get(text="GBA").case_sensitive


def test_glossary_lookup_prints_json_lines_with_offsets_and_renderings():
    run("load_seeds")
    text = (
        "The Secretary for Constitutional and Mainland\n"
        "Affairs visited the Qianhai Authority."
    )
    rows = [
        json.loads(line)
        for line in run("glossary_lookup", "--language", "en", stdin=text).splitlines()
    ]
    assert [r["text"] for r in rows] == [
        "Secretary for Constitutional and Mainland\nAffairs",
        "Qianhai Authority",
    ]
    assert text[rows[1]["start"] : rows[1]["end"]] == "Qianhai Authority"
    assert rows[0]["terms"] == {
        "en": "Secretary for Constitutional and Mainland Affairs",
        "zh-Hant": "政制及內地事務局局長",
        "zh-Hans": "政制及内地事务局局长",
    }
    assert set(rows[0]) == {"start", "end", "text", "concept", "terms"}


def test_glossary_lookup_in_chinese_crosses_scripts():
    run("load_seeds")
    rows = [
        json.loads(line)
        for line in run(
            "glossary_lookup",
            "--language",
            "zh-CN",
            stdin="政制及內地事務局局長曾國衞今日表示",
        ).splitlines()
    ]
    assert [r["text"] for r in rows] == ["政制及內地事務局局長", "曾國衞"]
    assert rows[1]["terms"]["zh-Hans"] == "曾国卫"


@pytest.mark.parametrize(
    "name,content,problem",
    [
        ("bad.csv", "en,klingon-xx-yy-zz,zh-Hant\nA,B,C\n", "klingon"),
        ("bad.csv", "en,zh-Hant\nOne,一,extra\n", "line 2"),
        (
            "bad.tbx",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><tbx/>',
            "entit",
        ),
        ("bad.tbx", "<tbx><text><body><conceptEntry id='c1'>", "line"),
        ("bad.pdf", "x", "unsupported"),
    ],
)
def test_bad_glossary_files_are_refused_with_nothing_imported(
    tmp_path, name, content, problem
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        run("import_glossary", str(path))
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)
    assert Term.objects.count() == 0


def test_seed_glossary_file_exists():
    assert (SEEDS / "glossary.csv").exists()
