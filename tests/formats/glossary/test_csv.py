"""The glossary CSV format: headers, encodings, samples, round trips, refusals.

Samples and schemas are copies in ``tests/data/glossary`` (see its MANIFEST).
No test touches the database.
"""

import codecs
import csv as spreadsheet  # the reader a spreadsheet program is
import io
import time
from functools import partial
from types import SimpleNamespace

import pytest

from formats import FormatError
from formats.glossary import csv
from formats.glossary.units import ConceptUnit, TermUnit
from tests.formats.glossary.samples import (
    LANGUAGES,
    format_error,
    parse_csv,
    read_sample,
    rich_concepts,
)

# CSV: header


@pytest.mark.parametrize(
    ("header", "row", "languages"),
    [
        ("en,zh-Hant,zh-Hans", "a,b,c", ["en", "zh-Hant", "zh-Hans"]),
        (" EN , zh_HK , ZH-cn ", "a,b,c", ["en", "zh-Hant", "zh-Hans"]),
        ("zh-TW,zh_SG,pt_br", "a,b,c", ["zh-Hant", "zh-Hans", "pt-BR"]),
        (
            "ID,En,Zh-Hant,Usage,APPROVAL,Case_Sensitive,Domain",
            "1,a,b",
            ["en", "zh-Hant"],
        ),
        ("en,Case Sensitive,case-sensitive:x", "a", None),
    ],
)
def test_header_names_are_matched_in_any_case(header, row, languages):
    if languages is None:
        [concept] = parse_csv(f"{header}\n{row},,x\n")
        assert concept.columns_not_kept == {"case-sensitive:x": 1}
        return
    concepts = parse_csv(f"{header}\n{row}\n")
    assert [term.language for term in concepts[0].terms] == languages


def test_two_columns_of_the_same_language_are_refused_naming_both():
    message = format_error(csv, b"en,zh_HK,zh-Hant\na,b,c\n")
    assert (
        message == 'line 1: columns "zh_HK" and "zh-Hant" mean the same (term zh-Hant)'
    )


@pytest.mark.parametrize(
    "header",
    ["en,en", "en,id,ID", "en,definition,definition:en", "en,note:zh-HK,Note:zh-Hant"],
)
def test_repeated_columns_are_refused(header: str):
    assert "mean the same" in format_error(csv, f"{header}\na\n".encode())


def test_an_unknown_column_is_counted_by_name_not_dropped_silently():
    [concept] = csv.parse(b"en,zh-Hant,comment,Comment\na,b,c,d\n")
    assert concept.columns_not_kept == {"comment": 1, "Comment": 1}
    assert [t.text for t in concept.terms] == ["a", "b"]


def test_a_header_without_language_column_is_refused():
    message = format_error(csv, b"id,domain,definition\n1,law,text\n")
    assert message.startswith("line 1: no column is named by a language code")


def test_a_column_without_name_may_only_stay_empty():
    assert len(parse_csv("en,,zh-Hant\na,,b\n")[0].terms) == 2
    message = format_error(csv, b"en,,zh-Hant\na,x,b\n")
    assert message == "line 2: column 2 has a value but no name"


def test_definitions_and_notes_per_language():
    concept = parse_csv(
        "en,zh-Hant,definition,note,definition:zh_HK,note:ZH-cn,domain\n"
        "Chief Secretary for Administration,政務司司長,Second in rank,Note,"
        "排名第二,简体注释,government\n"
    )[0]
    assert concept.definitions == {"en": "Second in rank", "zh-Hant": "排名第二"}
    assert concept.notes == {"en": "Note", "zh-Hans": "简体注释"}
    assert concept.domain == "government"


# CSV: rows


def test_rows_with_the_same_id_are_one_concept():
    concepts = parse_csv(
        "id,en,zh-Hant,usage,approval,case_sensitive,domain,definition\n"
        "7,Secretary for Security,保安局局長,preferred,approved,,,\n"
        "8,Commissioner of Police,警務處處長,,,,police,\n"
        "7,S for S,,admitted,proposed,yes,security,Head of the Security Bureau\n"
        ",Director of Immigration,入境事務處處長,,,,,\n"
        ",Director of Immigration,入境處處長,,,,,\n"
        "7,,保安司,deprecated,,,other,ignored: the first definition wins\n"
    )
    assert [c.identifier for c in concepts] == ["7", "8", "", ""]
    merged = concepts[0]
    assert [
        (t.language, t.text, t.usage, t.approval, t.case_sensitive)
        for t in merged.terms
    ] == [
        ("en", "Secretary for Security", "preferred", "approved", False),
        ("zh-Hant", "保安局局長", "preferred", "approved", False),
        ("en", "S for S", "admitted", "proposed", True),
        ("zh-Hant", "保安司", "deprecated", None, False),
    ]
    assert merged.domain == "security"
    assert merged.definitions == {"en": "Head of the Security Bureau"}


def test_a_row_with_only_a_definition_joins_its_concept_by_id():
    concepts = parse_csv("id,en,definition\n3,,Defined first\n3,Ombudsman,\n")
    assert concepts == [
        ConceptUnit(
            "3", [TermUnit("en", "Ombudsman")], definitions={"en": "Defined first"}
        )
    ]


def test_a_header_alone_gives_no_concepts():
    assert parse_csv("en,zh-Hant\n") == []
    assert format_error(csv, b",,\n,\n") == "the file is empty"


def test_a_row_with_values_but_no_term_is_refused():
    message = format_error(csv, b"en,definition\nOmbudsman,\n,orphan definition\n")
    assert message == "line 3: the row has no term"
    message = format_error(csv, b"id,en,note\n1,a,\n2,,lonely note\n")
    assert message == 'line 3: concept "2" has no term'


def test_blank_rows_and_cells_are_skipped_and_whitespace_collapsed():
    concepts = parse_csv(
        '\n\nen , zh-Hant\n\n"  Chief   Justice ", "終審法院\n首席法官 "\n ,  \n'
    )
    assert concepts == [
        ConceptUnit(
            terms=[
                TermUnit("en", "Chief Justice"),
                TermUnit("zh-Hant", "終審法院 首席法官"),
            ]
        )
    ]


@pytest.mark.parametrize(
    ("column", "value", "accepted"),
    [
        ("usage", "recommended", "preferred, admitted, deprecated, forbidden"),
        ("approval", "maybe", "proposed, approved, rejected"),
        ("case_sensitive", "sometimes", "yes, no"),
    ],
)
def test_invalid_flag_values_are_named_with_their_line(column, value, accepted):
    data = f"en,{column}\nok,\nPostmaster General,{value}\n".encode()
    message = format_error(csv, data)
    assert message == f'line 3: unknown {column} "{value}"; use {accepted}'


@pytest.mark.parametrize(
    ("value", "usage"),
    [
        ("Admitted", "admitted"),
        ("preferredTerm-admn-sts", "preferred"),
        ("supersededTerm-admn-sts", "deprecated"),
        ("deprecatedTerm", "deprecated"),
        ("FORBIDDEN", "forbidden"),
        ("", "preferred"),
    ],
)
def test_usage_accepts_our_values_and_tbx_statuses(value: str, usage: str):
    assert parse_csv(f"en,usage\nterm,{value}\n")[0].terms[0].usage == usage


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        ("yes", True),
        ("TRUE", True),
        ("1", True),
        ("no", False),
        ("false", False),
        ("0", False),
        ("", False),
    ],
)
def test_case_sensitive_values(value: str, flag: bool):
    assert (
        parse_csv(f"en,case_sensitive\nHKSAR,{value}\n")[0].terms[0].case_sensitive
        is flag
    )


def test_more_cells_than_the_header_is_refused_unless_they_are_empty():
    message = format_error(csv, b"en,zh-Hant\na,b\nc,d,e\n")
    assert message == "line 3: the row has 3 cells but the header only 2"
    assert len(parse_csv("en,zh-Hant\na,b,,\n")[0].terms) == 2


def test_malformed_quotes_are_refused_with_the_line():
    message = format_error(csv, b'en,zh-Hant\na,b\n"c"x,d\n')
    assert message.startswith("line 3: the CSV is malformed (")


def test_a_quoted_cell_over_several_lines_is_one_cell():
    concepts = parse_csv('en,zh-Hant\n"Director of\nAudit",審計署署長\nx,y\n')
    assert concepts[0].terms[0].text == "Director of Audit"
    assert len(concepts) == 2


# CSV: encodings and delimiters


def test_utf16_with_bom():
    data = (
        codecs.BOM_UTF16_LE
        + "en,zh-Hant\r\nSecretary for Justice,律政司司長\r\n".encode("utf-16-le")
    )
    assert csv.parse(data)[0].terms[1].text == "律政司司長"


def test_utf8_bom_is_dropped_from_the_first_column_name():
    data = codecs.BOM_UTF8 + "zh-Hant,en\n衞生署署長,Director of Health\n".encode()
    assert csv.parse(data)[0].terms[0].language == "zh-Hant"


def test_semicolon_delimited_with_commas_in_terms():
    concepts = parse_csv(
        "en;zh-Hans;note\nSecretary for Housing, Planning;房屋局局长;a, b\n"
    )
    assert [t.text for t in concepts[0].terms] == [
        "Secretary for Housing, Planning",
        "房屋局局长",
    ]
    assert concepts[0].notes == {"en": "a, b"}


def test_tab_delimited():
    concepts = parse_csv("id\ten\tzh-Hant\n1\tSecretary for Education\t教育局局長\n")
    assert concepts[0].identifier == "1"
    assert concepts[0].terms[1].text == "教育局局長"


def test_gb18030_with_simplified_chinese_terms():
    text = (
        "en,zh-Hans,definition:zh-Hans\n"
        "Secretary for Constitutional and Mainland Affairs,政制及内地事务局局长,"
        "负责政制及内地事务的主要官员\n"
        "Secretary for Financial Services and the Treasury,财经事务及库务局局长,\n"
    )
    concepts = csv.parse(text.encode("gb18030"))
    assert [c.terms[1].text for c in concepts] == [
        "政制及内地事务局局长",
        "财经事务及库务局局长",
    ]
    assert concepts[0].definitions == {"zh-Hans": "负责政制及内地事务的主要官员"}


def test_big5_hkscs_with_traditional_chinese_terms():
    text = "en,zh-Hant\nDirector of Health,衞生署署長\nChief Executive,行政長官\n"
    concepts = csv.parse(text.encode("big5hkscs"))
    assert [c.terms[1].text for c in concepts] == ["衞生署署長", "行政長官"]


@pytest.mark.parametrize("data", [b"", b"  \n", b"\x00\x01\x02binary\x00" * 10])
def test_empty_and_binary_files_are_refused(data: bytes):
    assert format_error(csv, data) in (
        "the file is empty",
        "the file looks binary, not text",
    )


# CSV: limits


LIMITED = SimpleNamespace(parse=partial(csv.parse, max_rows=3, max_cell_chars=10_000))


def test_a_cell_over_10000_characters_is_refused():
    message = format_error(LIMITED, ("en\nok\n" + "x" * 10_001 + "\n").encode())
    assert message == "line 3: a cell is longer than 10000 characters"


def test_a_cell_over_the_csv_module_limit_gets_the_same_message():
    message = format_error(LIMITED, ('en\n"' + "x" * 200_000 + '"\n').encode())
    assert message == "line 2: a cell is longer than 10000 characters"


def test_too_many_rows_are_refused():
    assert len(LIMITED.parse(b"en\na\nb\n")) == 2
    assert format_error(LIMITED, b"en\na\nb\nc\n") == "the file has more than 3 rows"


def test_a_million_row_file_is_refused_at_the_limit_not_after_reading_it():
    started = time.perf_counter()
    data = b"en\n" + b"term\n" * 1_000_000
    message = format_error(
        SimpleNamespace(parse=partial(csv.parse, max_rows=100_000)), data
    )
    assert message == "the file has more than 100000 rows"
    assert time.perf_counter() - started < 10


# CSV: samples


def test_okapi_sample_has_no_header_so_it_needs_the_two_languages():
    """Okapi's test01.csv is header-less: "source 1" is no language code."""
    message = format_error(csv, read_sample("okapi_glossary_test01_crlf.csv"))
    assert message.startswith("line 1: no column is named by a language code")
    assert "give the source and target languages" in message


def test_okapi_sample_reads_without_a_header_given_the_two_languages():
    concepts = csv.parse(
        read_sample("okapi_glossary_test01_crlf.csv"),
        source_language="en",
        target_language="fr",
    )
    assert [[(t.language, t.text) for t in c.terms] for c in concepts][:2] == [
        [("en", "source 1"), ("fr", "target 1")],
        [("en", "source 2"), ("fr", "target 2")],
    ]
    assert len(concepts) == 4


def test_okapi_sample_reads_once_given_a_header():
    concepts = csv.parse(b"en,fr\r\n" + read_sample("okapi_glossary_test01_crlf.csv"))
    assert [[t.text for t in c.terms] for c in concepts] == [
        ["source 1", "target 1"],
        ["source 2", "target 2"],
        ["source 3", "target 3"],
        ["source 3", "target 3"],
    ]


def test_weblate_sample_source_target_header_needs_the_languages():
    """Weblate's "source,target" header cannot tell which languages it holds."""
    message = format_error(csv, read_sample("weblate_terms-header.csv"))
    assert message == (
        'line 1: the column "source" does not say its language; '
        "give the source and target languages"
    )


def test_weblate_sample_source_target_header_with_the_languages():
    concepts = csv.parse(
        read_sample("weblate_terms-header.csv"),
        source_language="en",
        target_language="cs",
    )
    assert len(concepts) == 163
    assert [(t.language, t.text) for t in concepts[1].terms] == [
        ("en", "Edit"),
        ("cs", "Upravit"),
    ]


def test_weblate_sample_reads_with_language_codes_in_its_header():
    data = read_sample("weblate_terms-header.csv").replace(
        b"source,target", b"en,cs", 1
    )
    concepts = csv.parse(data)
    assert len(concepts) == 163
    pairs = {c.terms[0].text: c.terms[1].text for c in concepts}
    assert pairs["Loading, please wait..."] == "Načítá se, prosím čekejte"
    assert pairs["administrator"] == "správce"  # trailing blanks stripped
    assert pairs["desktop"] == "pracovní plocha, plocha"
    assert pairs["&About"] == "O &aplikaci"
    assert {t.language for c in concepts for t in c.terms} == {"en", "cs"}


# CSV: writing


def test_write_layout():
    data = b"".join(csv.write(rich_concepts()[:2], LANGUAGES))
    lines = data.decode("utf-8").split("\r\n")
    assert not data.startswith(codecs.BOM_UTF8)
    assert lines[0] == (
        "id,en,zh-Hant,zh-Hans,usage,approval,case_sensitive,domain,definition,note,"
        "definition:zh-Hant,note:zh-Hant,definition:zh-Hans,note:zh-Hans"
    )
    assert lines[1] == (
        "0421,Secretary for Constitutional and Mainland Affairs,,,preferred,,no,"
        "Government <officials> & titles,"
        "Head of the Constitutional and Mainland Affairs Bureau,"
        "Title since 2007 & still used,政制及內地事務局的首長,二零零七年起,"
        "政制及内地事务局的首长,"
    )
    assert lines[2] == "0421,,政制及內地事務局局長,,preferred,approved,no,,,,,,,"
    assert lines[3] == "0421,,,政制及内地事务局局长,preferred,proposed,no,,,,,,,"
    assert (
        lines[-3] == "concept-2,Chief Executive,行政長官,,preferred,approved,no,,,,,,,"
    )
    assert lines[-2] == "concept-2,,特首,,admitted,proposed,no,,,,,,,"
    assert lines[-1] == ""


def test_write_parse_write_is_stable():
    concepts = rich_concepts()[:4]
    first = b"".join(csv.write(concepts, LANGUAGES))
    again = b"".join(csv.write(csv.parse(first), LANGUAGES))
    assert again == first


def test_parse_of_write_keeps_terms_and_flags():
    concepts = rich_concepts()[:4]
    back = csv.parse(b"".join(csv.write(concepts, LANGUAGES)))
    for before, after in zip(concepts, back, strict=True):
        key = lambda t: (t.language, t.text, t.usage, t.approval, t.case_sensitive)  # noqa: E731
        assert sorted(map(key, after.terms)) == sorted(map(key, before.terms))
    assert back[0].definitions == {
        k: v for k, v in concepts[0].definitions.items() if k != "fr"
    }
    assert back[1].identifier == "concept-2"  # several rows need a shared id
    assert back[2].identifier == ""  # one row does not
    assert back[3].identifier == "HK gov/1 <a&b>"


def test_write_streams_one_chunk_per_concept_and_skips_concepts_without_terms():
    concepts = [
        ConceptUnit("1", [TermUnit("en", "a")]),
        ConceptUnit("2"),
        ConceptUnit("3", [TermUnit("fr", "only French")]),
        ConceptUnit("4", [TermUnit("en", "b\x07  c")]),
    ]
    chunks = list(csv.write(iter(concepts), ["en"]))
    assert [chunk.decode() for chunk in chunks[1:]] == [
        "1,a,preferred,,no,,,\r\n",
        "4,b c,preferred,,no,,,\r\n",
    ]


def test_formula_like_cells_go_out_as_text_and_come_back_unchanged():
    """OWASP's CSV injection rule: no cell a spreadsheet would run as a formula."""
    hostile = [
        '=HYPERLINK("http://example.invalid","click")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
    ]
    concepts = [
        ConceptUnit(
            identifier="c%d" % n,
            terms=[TermUnit(language="en", text=text)],
            domain=text,
        )
        for n, text in enumerate(hostile)
    ]
    data = b"".join(csv.write(concepts, LANGUAGES))
    cells = [
        cell
        for row in spreadsheet.reader(io.StringIO(data.decode("utf-8")))
        for cell in row
    ]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert '\'=HYPERLINK("http://example.invalid","click")' in cells
    back = csv.parse(data)
    assert [c.terms[0].text for c in back] == hostile
    assert [c.domain for c in back] == hostile


def test_crowdin_bracketed_columns_with_part_of_speech():
    """Crowdin: Term [xx], Description [xx], Part of Speech [xx] per language."""
    concepts = csv.parse(read_sample("crowdin_fcc_testing.csv"))
    first = concepts[0]
    assert [(t.language, t.text) for t in first.terms] == [
        ("en", "Quotes"),
        ("zh-Hans", "Something"),
        ("es-EM", "also"),
    ]
    assert first.definitions == {"en": "here's a definition"}
    assert first.terms[0].extra == [
        {"tag": "termNote", "type": "partOfSpeech", "text": "noun"}
    ]
    assert [(t.language, t.text) for t in concepts[-1].terms] == [
        ("en", "object"),
        ("ach", "object"),
    ]
    assert len(concepts) == 8
    assert not any(concept.columns_not_kept for concept in concepts)


def test_crowdin_language_name_columns_are_refused_in_one_line():
    message = format_error(csv, read_sample("crowdin_fcc_docs_language_names.csv"))
    assert message.startswith("line 1: no column is named by a language code")


def test_lokalise_glossary_needs_the_source_language_and_counts_what_it_drops():
    data = read_sample("lokalise_darwin_glossary.csv")
    message = format_error(csv, data)
    assert message.startswith('line 1: the column "term" does not say its language')
    concepts = csv.parse(data, source_language="en")
    assert len(concepts) == 112
    darwin = concepts[0]
    assert [(t.language, t.text, t.case_sensitive) for t in darwin.terms] == [
        ("en", "Darwin CX", True)
    ]
    assert darwin.definitions == {"en": "Product name. Never translate."}
    issue = next(c for c in concepts if c.terms[0].text == "Issue")
    assert [(t.language, t.text) for t in issue.terms] == [
        ("en", "Issue"),
        ("de", "Ausgabe"),
    ]
    not_kept: dict[str, int] = {}
    for concept in concepts:
        for name, count in concept.columns_not_kept.items():
            not_kept[name] = not_kept.get(name, 0) + count
    assert not_kept == {"translatable": 112, "tags": 112}


def test_lokalise_forbidden_column_marks_the_terms_forbidden():
    [concept] = csv.parse(
        b"term;description;forbidden;de\nfoo;bar;yes;Foo\n", source_language="en"
    )
    assert {t.usage for t in concept.terms} == {"forbidden"}


def test_weblate_headerless_glossary_with_the_two_languages():
    data = read_sample("weblate_terms.csv")
    assert "give the source and target languages" in format_error(csv, data)
    concepts = csv.parse(data, source_language="en", target_language="cs")
    assert len(concepts) == 163
    assert [(t.language, t.text) for t in concepts[3].terms] == [
        ("en", "Loading, please wait..."),
        ("cs", "Načítá se, prosím čekejte"),
    ]


def test_weblate_three_columns_count_the_comment_column():
    concepts = csv.parse(
        read_sample("weblate_en-3col.csv"), source_language="en", target_language="de"
    )
    assert [[t.text for t in c.terms] for c in concepts] == [
        ["test003_1", "q123"],
        ["test003_2", "q234"],
        ["test003_3", "qwe12"],
    ]
    # Its comment cells are empty: nothing was left out.
    assert not any(c.columns_not_kept for c in concepts)


# CSV: header or first row of terms


def test_omegat_headerless_file_starting_with_a_word_that_is_a_code():
    """OmegaT's ``kde,csv kde``: ``kde`` is an ISO 639-3 code, yet with the
    languages given the row is the first pair of terms, none lost."""
    data = read_sample("omegat_glossary_test.csv")
    concepts = csv.parse(data, source_language="en", target_language="fr")
    pairs = [[(t.language, t.text) for t in c.terms] for c in concepts]
    assert len(concepts) == 7
    assert pairs[0] == [("en", "kde"), ("fr", "csv kde")]
    assert pairs[3] == [("en", "kde, qu"), ("fr", "comma dot")]
    assert not any(c.columns_not_kept for c in concepts)


def test_omegat_file_without_languages_is_refused_asking_for_them():
    message = format_error(csv, read_sample("omegat_glossary_test.csv"))
    assert message.startswith('line 1: the first row ("kde,csv kde") may be')
    assert message.endswith("give the source and target languages")


@pytest.mark.parametrize("row", ["kde,question", "art,csv art", "it,csv it"])
def test_a_first_row_of_words_that_are_codes_is_not_taken_for_a_header(row):
    assert "give the source and target languages" in format_error(
        csv, (row + "\na,b\n").encode()
    )


@pytest.mark.parametrize(
    ("header", "languages"),
    [
        ("it,nl", ["it", "nl"]),
        ("ach,en", ["ach", "en"]),
        ("id,ach,lug", ["ach", "lug"]),
        ("es-MX,kde", ["es-MX", "kde"]),
        ("fr,comment", ["fr"]),
    ],
)
def test_a_header_naming_a_known_language_or_a_field_is_a_header(header, languages):
    (concept,) = parse_csv(header + "\n" + ",".join("abc"[: header.count(",") + 1]))
    assert sorted({t.language for t in concept.terms}) == sorted(languages)


def test_given_languages_a_header_naming_one_of_them_stays_a_header():
    data = b"en,fr,de\nfile,fichier,Datei\n"
    (concept,) = csv.parse(data, source_language="en", target_language="fr")
    assert [t.language for t in concept.terms] == ["en", "fr", "de"]


@pytest.mark.parametrize(
    "name",
    [
        "crowdin_fcc_testing.csv",
        "lokalise_darwin_glossary.csv",
        "weblate_en-3col.csv",
        "weblate_terms-header.csv",
        "weblate_terms.csv",
        "okapi_glossary_test01_crlf.csv",
    ],
)
def test_real_csvs_read_as_before_with_or_without_languages(name):
    """With languages given, a real file's header is still its header (and a
    headerless file still headerless); the rule for rows of codes changes
    nothing for them."""
    data = read_sample(name)
    given = {"source_language": "en", "target_language": "cs"}
    with_languages = csv.parse(data, **given)
    first = with_languages[0].terms[0].text
    assert first not in ("source", "Term [en]", "term")
    if name.startswith(("crowdin", "lokalise")):
        assert [c.terms for c in csv.parse(data, source_language="en")] == [
            c.terms for c in with_languages
        ]


def test_given_languages_a_header_naming_neither_is_refused():
    message = format_error_with(b"fr,de\nfichier,Datei\n", "en", "cs")
    assert (
        message == 'line 1: the header names neither "en" nor "cs", the languages given'
    )


def format_error_with(data: bytes, source: str, target: str) -> str:
    with pytest.raises(FormatError) as caught:
        csv.parse(data, source_language=source, target_language=target)
    return str(caught.value)
