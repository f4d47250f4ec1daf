"""import_glossary, export_glossary and glossary_lookup through call_command."""

import io
import json
import sys
from collections import Counter

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from lxml import etree, isoschematron

from formats.glossary import USAGE_NOT_STATED, tbx
from glossary.approval import update_term
from glossary.importing import read_file
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
        ("bad.csv", "en,zh-Hant\nA,B\n,,x\n", "line 3"),
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


TBX_SAMPLES = sorted(
    path.name
    for path in (DATA / "glossary").glob("*.tbx")
    if path.name != "ltac_basic_bad_tbx3.tbx"
)


def _essence(units) -> list:
    """Terms per concept, statuses, texts and kept categories, order aside
    (non-web targets point into the source file and are not written back)."""

    def plain(nodes):
        out = []
        for node in nodes:
            node = dict(node)
            attrs = {
                k: v
                for k, v in node.pop("attrs", {}).items()
                if k != "target" or v.startswith("http")
            }
            children = plain(node.pop("children", []))
            out.append(json.dumps([node, attrs, children], sort_keys=True))
        return sorted(out)

    return sorted(
        json.dumps(
            [
                sorted((t.language, t.text, t.usage) for t in unit.terms),
                sorted(plain(t.extra) for t in unit.terms),
                plain(unit.extra),
                unit.definitions,
                unit.notes,
            ],
            sort_keys=True,
        )
        for unit in units
    )


@pytest.mark.parametrize("name", TBX_SAMPLES)
def test_real_tbx_round_trip_keeps_categories_and_validates(tmp_path, name):
    source = (DATA / "glossary" / name).read_bytes()
    counts = json.loads(
        run("import_glossary", str(DATA / "glossary" / name), "--approval", "proposed")
    )
    assert counts["concepts_merged"] == 0
    data = export("tbx", tmp_path)
    document = etree.fromstring(data)
    assert etree.RelaxNG(etree.parse(str(RNG))).validate(document)
    schematron = isoschematron.Schematron(
        etree.parse(str(DATA / "glossary" / "TBX-Basic_DCA.xslt1.sch"))
    )
    assert schematron.validate(document), schematron.error_log
    original = tbx.parse(source)
    assert _essence(tbx.parse(data)) == _essence([u for u in original if u.terms]), name
    assert counts["not_kept"] == dict(
        sorted(sum((Counter(u.not_kept) for u in original), Counter()).items())
    )


def test_source_target_csv_needs_the_languages_and_dry_run_writes_nothing():
    path = DATA / "glossary" / "weblate_terms-header.csv"
    with pytest.raises(CommandError, match="give the source and target languages"):
        run("import_glossary", str(path))
    args = ("--source-language", "en", "--target-language", "cs")
    counts = json.loads(run("import_glossary", str(path), *args, "--dry-run"))
    assert counts["dry_run"] and counts["concepts_created"] == 163
    assert Term.objects.count() == 0
    counts = json.loads(run("import_glossary", str(path), *args))
    assert counts["concepts_created"] == 163
    assert Concept.objects.filter(scope="weblate_terms-header.csv").count() == 163
    counts = json.loads(run("import_glossary", str(path), *args, "--id-scope", "other"))
    assert counts["concepts_created"] == 0 and counts["concepts_merged"] == 163


CSV_SAMPLES = [
    (
        "okapi_glossary_test01_crlf.csv",
        ("--source-language", "en", "--target-language", "fr"),
    ),
    (
        "weblate_terms-header.csv",
        ("--source-language", "en", "--target-language", "cs"),
    ),
    ("weblate_terms.csv", ("--source-language", "en", "--target-language", "cs")),
    ("weblate_en-3col.csv", ("--source-language", "en", "--target-language", "de")),
    ("crowdin_fcc_testing.csv", ()),
    ("lokalise_darwin_glossary.csv", ("--source-language", "en")),
    ("lokalise_darwin_glossary_sample.csv", ("--source-language", "en")),
]


def _membership() -> set:
    return {
        frozenset(concept.terms.values_list("language", "text", "usage"))
        for concept in Concept.objects.all()
    }


@pytest.mark.parametrize("name,args", CSV_SAMPLES)
def test_real_csv_round_trip_keeps_concepts_and_exports_validate(tmp_path, name, args):
    path = DATA / "glossary" / name
    counts = json.loads(run("import_glossary", str(path), *args))
    options = dict(zip(args[::2], args[1::2], strict=True))
    units = read_file(
        path.read_bytes(),
        name,
        source_language=options.get("--source-language"),
        target_language=options.get("--target-language"),
    )
    assert counts["columns_not_kept"] == dict(
        sorted(sum((Counter(u.columns_not_kept) for u in units), Counter()).items())
    )
    before = _membership()
    definitions = sorted(
        d or "" for d in Concept.objects.values_list("definition_en", flat=True)
    )
    tbx_data = export("tbx", tmp_path)
    document = etree.fromstring(tbx_data)
    assert etree.RelaxNG(etree.parse(str(RNG))).validate(document)
    schematron = isoschematron.Schematron(
        etree.parse(str(DATA / "glossary" / "TBX-Basic_DCA.xslt1.sch"))
    )
    assert schematron.validate(document), schematron.error_log
    csv_data = export("csv", tmp_path)
    for data, suffix in ((csv_data, "csv"), (tbx_data, "tbx")):
        Term.objects.all().delete()
        Concept.objects.all().delete()
        again = tmp_path / ("again." + suffix)
        again.write_bytes(data)
        run("import_glossary", str(again))
        assert _membership() == before, suffix
        assert (
            sorted(
                d or "" for d in Concept.objects.values_list("definition_en", flat=True)
            )
            == definitions
        )


def test_rows_sharing_only_a_translation_stay_apart_and_are_listed():
    """Weblate's en-cs list has "clear" and "delete" both as "vymazat": two
    concepts, left for a reviewer, never one."""
    path = DATA / "glossary" / "weblate_terms.csv"
    args = ("--source-language", "en", "--target-language", "cs")
    counts = json.loads(run("import_glossary", str(path), *args))
    assert counts["concepts_created"] == 163
    clear = Term.objects.get(language="en", text="clear").concept
    delete = Term.objects.get(language="en", text="delete").concept
    assert clear != delete
    reasons = {(pair["file_concept"], pair["reason"]) for pair in counts["duplicates"]}
    assert ("en:delete; cs:vymazat", "different term in en") in reasons
    assert counts["possible_duplicates"] == len(counts["duplicates"])
    again = json.loads(run("import_glossary", str(path), *args))
    assert again["concepts_created"] == 0 and again["possible_duplicates"] == 0
    assert again["terms_unchanged"] == 2 * 163


def test_real_files_sharing_ids_c1_c2_do_not_merge():
    """LTAC's astronomy sample and BYU's lens sample both use c1 and c2."""
    astronomy = DATA / "glossary" / "ltac_Example_Astronomy_DCA_VALID.tbx"
    lenses = DATA / "glossary" / "byutrg_TBX-basic-sample_2008.tbx"
    run("import_glossary", str(astronomy))
    before = _membership()
    counts = json.loads(run("import_glossary", str(lenses)))
    assert counts["concepts_created"] == 5 and counts["concepts_merged"] == 0
    assert before <= _membership()  # the astronomy concepts are untouched
    c1 = Concept.objects.filter(identifier="c1")
    assert {c.scope for c in c1} == {astronomy.name, lenses.name}
    assert "open cluster" in c1.get(scope=astronomy.name).terms.values_list(
        "text", flat=True
    )


TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


def _xpath(data: bytes, path: str) -> list:
    return etree.fromstring(data).xpath(path, namespaces=TBX_NS)


@pytest.mark.parametrize(
    ("name", "timed"),
    [("okapi_medtronic_TBX.tbx", 130), ("okapi_sdl_tbx.tbx", 938)],
)
def test_tbx_transaction_dates_export_as_dates_with_the_time_counted(
    tmp_path, name, timed
):
    """Okapi's MultiTerm files date transactions ``2005-04-22T14:06:32`` and
    ``20010507T10:57:25Z``; TBX-Basic's date is an xsd:date."""
    source = (DATA / "glossary" / name).read_bytes()
    written = [d.text for d in etree.fromstring(source).iter("date")]
    counts = json.loads(run("import_glossary", str(DATA / "glossary" / name)))
    assert counts["not_kept"]["date:time-of-day"] == len(written) == timed
    data = export("tbx", tmp_path)
    document = etree.fromstring(data)
    assert etree.RelaxNG(etree.parse(str(RNG))).validate(document)
    dates = [d.text for d in _xpath(data, "//t:date")]
    assert len(dates) == len(written)
    assert sorted(dates) == sorted(
        d[:10] if "-" in d else "%s-%s-%s" % (d[:4], d[4:6], d[6:8]) for d in written
    )


def test_medtronic_statuses_and_concept_notes_stay_as_the_file_gave_them(tmp_path):
    """3 preferred and 2 deprecated statuses in the file: the export states
    those and no other; the concept's notes stay on the concept."""
    path = DATA / "glossary" / "okapi_medtronic_TBX.tbx"
    source = etree.parse(str(path))
    stated = sorted(
        e.text
        for e in source.iter("termNote")
        if e.get("type") == "administrativeStatus"
    )
    run("import_glossary", str(path))
    data = export("tbx", tmp_path)
    statuses = _xpath(data, "//t:termNote[@type='administrativeStatus']/text()")
    assert sorted(statuses) == stated and len(stated) == 5
    notes = [
        " ".join(n.text.split())
        for n in source.iter("note")
        if n.getparent().tag == "termEntry"
    ]
    assert notes and _xpath(data, "//t:conceptEntry/t:note/text()") == notes
    assert not set(notes) & set(_xpath(data, "//t:langSec/t:note/text()"))


def test_a_persons_edit_states_the_usage_the_file_left_out(tmp_path, reviewer):
    run("import_glossary", str(DATA / "glossary" / "okapi_medtronic_TBX.tbx"))
    term = Term.objects.get(language="en", text="patient identifier")
    assert USAGE_NOT_STATED in term.extra
    status = (
        "//t:termSec[t:term='patient identifier']"
        "/t:termNote[@type='administrativeStatus']"
    )
    assert _xpath(export("tbx", tmp_path), status) == []
    update_term(
        term=term,
        user=reviewer,
        text=term.text,
        usage=term.usage,
        case_sensitive=term.case_sensitive,
        expected_version=term.version,
    )
    assert USAGE_NOT_STATED not in Term.objects.get(pk=term.pk).extra
    data = export("tbx", tmp_path)
    assert _xpath(data, status + "/text()") == ["preferredTerm-admn-sts"]


def test_omegat_headerless_csv_takes_the_given_languages():
    path = str(DATA / "glossary" / "omegat_glossary_test.csv")
    with pytest.raises(CommandError, match="give the source and target languages"):
        run("import_glossary", path)
    assert Term.objects.count() == 0
    args = ("--source-language", "en", "--target-language", "fr")
    counts = json.loads(run("import_glossary", path, *args))
    assert counts["concepts_created"] == 7 and counts["columns_not_kept"] == {}
    assert Term.objects.filter(language="fr").count() == 7
    assert Term.objects.filter(language="en", text="kde").exists()
