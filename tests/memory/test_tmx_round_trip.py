"""Real TMX files through the commands: import_memory, then export_memory.

What the file says is read here with lxml alone, apart from the product's
reader: every variant (its tag and plain text: inline codes are left out
with their native content, which the inline-code tests judge), every note
and prop of a ``tu`` and of a ``tuv``, the ``tuid`` and the ``tuv``
attributes. The export must
hold all of it, in the same place (``tu`` or ``tuv``), except what the
import counted as not kept; it must validate against the TMX 1.4b DTD, be
read by translate-toolkit, and come back in as the same entries.
"""

import io
import json
from collections import Counter
from dataclasses import dataclass, field

from django.core.management import call_command

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from core.languages import UnknownLanguage, variant
from memory.models import MemoryEntry
from tests.support import DATA

pytestmark = pytest.mark.django_db

TMX = DATA / "tmx"
DTD = etree.DTD(str(TMX / "tmx14.dtd"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
FILES = sorted(path.name for path in TMX.glob("*.tmx"))
WORKBENCH_PROPS = {"x-status", "x-origin", "x-key", "x-context"}
#: Inline elements whose content is native markup, not text.
CODES = {"bpt", "ept", "ph", "it", "ut"}
#: Reasons under which a variant's text may be missing from the export.
TEXT_REASONS = {"unknown_languages", "empty_segments"}


@dataclass
class Variant:
    tag: str
    text: str
    notes: list[str] = field(default_factory=list)
    props: list[tuple[str, str]] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Unit:
    tuid: str
    variants: list[Variant]
    notes: list[str]
    props: list[tuple[str, str]]


def local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def plain(element) -> str:
    """The text of a ``seg`` without its codes' native content."""
    parts = [element.text or ""]
    for child in element:
        if local(child) not in CODES:
            parts.append(plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def tag_of(code: str) -> str:
    try:
        return variant(code)
    except UnknownLanguage:
        return code


def read(data: bytes) -> list[Unit]:
    """The units of a TMX file, as lxml sees them."""
    root = etree.fromstring(data, PARSER)
    units = []
    for tu in root.iter("{*}tu"):
        variants, notes, props = [], [], []
        for child in tu:
            name = local(child)
            if name == "note":
                notes.append(child.text or "")
            elif name == "prop":
                props.append((child.get("type"), child.text or ""))
            elif name == "tuv":
                seg = next(child.iter("{*}seg"))
                variants.append(
                    Variant(
                        tag_of(child.get(XML_LANG) or child.get("lang")),
                        plain(seg),
                        [n.text or "" for n in child if local(n) == "note"],
                        [
                            (p.get("type"), p.text or "")
                            for p in child
                            if local(p) == "prop"
                        ],
                        {
                            name: value
                            for name, value in child.attrib.items()
                            if name not in (XML_LANG, "lang") and "}" not in name
                        },
                    )
                )
        units.append(Unit(tu.get("tuid", ""), variants, notes, props))
    return units


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def round_trip(tmp_path, name: str) -> tuple[dict, bytes]:
    counts = json.loads(run("import_memory", str(TMX / name)))
    out = tmp_path / "out.tmx"
    run("export_memory", "-o", str(out))
    return counts, out.read_bytes()


@pytest.mark.parametrize("name", FILES)
def test_a_real_tmx_file_comes_back_whole_or_counted(tmp_path, name: str) -> None:
    counts, exported = round_trip(tmp_path, name)
    tree = etree.fromstring(exported, PARSER).getroottree()
    assert DTD.validate(tree), DTD.error_log.filter_from_errors()
    assert len(tmxfile(exported).units) == MemoryEntry.objects.count()
    source = read((TMX / name).read_bytes())
    assert counts["units"] == len(source)
    out = read(exported)
    not_kept = counts["not_kept"]

    # Every variant's text, in its variant, unless counted.
    went_in = Counter(
        (v.tag, v.text) for u in source for v in u.variants if v.text.strip()
    )
    came_out = {(v.tag, v.text) for u in out for v in u.variants}
    missing = [pair for pair in went_in if pair not in came_out]
    paired = sum(1 for u in source if len({v.tag for v in u.variants}) > 1)
    lonely = not_kept.get("units_with_one_language", 0)
    assert paired + lonely >= len(source) - counts["skipped"]
    allowed = sum(n for reason, n in not_kept.items() if reason in TEXT_REASONS)
    single = {
        (v.tag, v.text)
        for u in source
        if len({w.tag for w in u.variants if w.text.strip()}) < 2
        for v in u.variants
    }
    assert len([pair for pair in missing if pair not in single]) <= allowed, missing

    # Notes and props where they were: on the tu, or on the tuv of that text;
    # the tuid too, unless the pair was met first in another unit (a merged
    # entry keeps the first unit's tuid, as it keeps the first origin).
    seen: list[set] = []
    for unit in source:
        texts = {(v.tag, v.text) for v in unit.variants}
        met_before = any(len(texts & earlier) >= 2 for earlier in seen)
        seen.append(texts)
        homes = [u for u in out if {(v.tag, v.text) for v in u.variants} <= texts]
        if not homes:
            continue  # the unit gave no entry, counted above
        for note in unit.notes:
            assert any(note in home.notes for home in homes), (name, note)
        for prop in unit.props:
            if prop[0] not in WORKBENCH_PROPS:
                assert any(prop in home.props for home in homes), (name, prop)
        if unit.tuid and not met_before:
            assert any(home.tuid == unit.tuid for home in homes), (name, unit.tuid)
        for tuv in unit.variants:
            written = [
                v
                for home in homes
                for v in home.variants
                if (v.tag, v.text) == (tuv.tag, tuv.text)
            ]
            if not written:
                continue
            for note in tuv.notes:
                assert any(note in v.notes for v in written), (name, note)
            for prop in tuv.props:
                assert any(prop in v.props for v in written), (name, prop)
            for attribute, value in tuv.attributes.items():
                assert any(v.attributes.get(attribute) == value for v in written), (
                    name,
                    attribute,
                )

    # What goes out comes back in as the same entries.
    held = MemoryEntry.objects.count()
    again = json.loads(run("import_memory", str(tmp_path / "out.tmx")))
    assert again["added"] == 0 and again["merged"] >= held
    assert MemoryEntry.objects.count() == held


def test_variants_of_one_language_are_kept_apart_and_written_back(tmp_path) -> None:
    """en-US and en-GB in one unit are two variants, each paired with the others."""
    counts, exported = round_trip(tmp_path, "omegat_en-US_en-GB_fr_sr.tmx")
    assert counts["added"] == 6  # every two of en-US, en-GB, fr, sr
    pairs = set(MemoryEntry.objects.values_list("source_variant", "target_variant"))
    assert ("en-US", "fr") in pairs and ("en-GB", "fr") in pairs
    assert ("en-US", "en-GB") in pairs
    languages = {v.tag for u in read(exported) for v in u.variants}
    assert languages == {"en-US", "en-GB", "fr", "sr"}


def test_two_tuvs_in_one_variant_are_both_kept(tmp_path) -> None:
    """Two FR-CA translations in one unit are two entries, not first-wins."""
    run("import_memory", str(TMX / "omegat_test-multiple-tuv14.tmx"))
    targets = set(
        MemoryEntry.objects.filter(
            source="Hello World!", target_variant="fr-CA"
        ).values_list("target", flat=True)
    )
    assert targets == {
        "fr_CA Bonjour le monde\N{NO-BREAK SPACE}!",
        "fr_CA Bonjour tout le monde\N{NO-BREAK SPACE}!",
    }


def test_notes_props_and_attributes_are_kept_in_their_places(tmp_path) -> None:
    counts, exported = round_trip(tmp_path, "okapi_ImportTest2C_inline_sub_notes.tmx")
    assert counts["not_kept"] == {
        "code_markup_of_other_variants": 1,  # the image's ALT text in French
        "header_notes": 2,
        "header_props": 1,
        "user_defined_encodings": 1,
    }
    entry = MemoryEntry.objects.get(source_variant="en-US", target_variant="fr")
    assert {"text": "Text of tu note 1", "lang": "en-us", "encoding": "iso-8859-1"} in (
        entry.notes
    )
    assert {
        "text": "Text of tuv fr note 1",
        "side": "target",
        "lang": "en-us",
        "encoding": "iso-8859-1",
    } in entry.notes
    assert entry.attributes["unit"]["usagecount"] == "100"
    assert entry.attributes["target"]["creationid"] == "ys"
    tu = etree.fromstring(exported, PARSER).find(".//tu")
    assert tu.get("tuid") == "tu001" and tu.get("segtype") == "block"
    assert [n.text for n in tu.findall("note")] == [
        "Text of tu note 1",
        "Text of tu note 2",
    ]
    assert tu.find("note").get(XML_LANG) == "en-us"


def test_attributes_tmx_does_not_define_are_counted(tmp_path) -> None:
    counts, _ = round_trip(tmp_path, "pythontmx_namespaces.tmx")
    assert counts["not_kept"] == {
        "attributes_outside_tmx": 1,
        "header_notes": 1,
        "header_props": 1,
    }


def test_a_bare_zh_is_filed_by_the_script_of_its_text(tmp_path) -> None:
    """ModernMT's file: 這是 is Traditional; 例子之一 is the same in both scripts."""
    counts, exported = round_trip(tmp_path, "modernmt_Memory.en__zh.tmx")
    assert counts["bare_chinese"] == {"both": 1, "zh-Hant": 1}
    filed = set(
        MemoryEntry.objects.filter(target_variant="zh").values_list(
            "target_language", "target"
        )
    )
    assert filed == {
        ("zh-Hant", "這是en__zh例子四"),
        ("zh-Hant", "en__zh例子之一"),
        ("zh-Hans", "en__zh例子之一"),
    }
    assert set(
        MemoryEntry.objects.exclude(target_variant="zh").values_list(
            "target_variant", "target_language"
        )
    ) == {("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant")}
    written = {(v.tag, v.text) for u in read(exported) for v in u.variants}
    assert ("zh", "這是en__zh例子四") in written and (
        "zh-TW",
        "這是en__zh例子三",
    ) in written
