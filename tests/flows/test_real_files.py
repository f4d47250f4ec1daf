"""Real files from other tools, taken in by the commands and written back whole.

One test per file in ``tests/data`` (the ids are the file names; origins and
licences are in each folder's MANIFEST). Each test runs the commands a user
runs, reads the file and the export with an outside reader
(``tests/flows/real_files.py``: lxml, polib, python-docx) and compares what
matters: texts, inline codes, statuses, notes and props, languages, concept
membership. Every export is judged by an outside tool: the TMX 1.4b DTD, the
XLIFF 2.0 schema and translate-toolkit, ``msgfmt -c`` and polib, the TBX-Basic
RELAX NG, python-docx and lxml's HTML parser.

How each kind goes round:

- TMX: ``import_memory``, ``export_memory``; every pair of variants of a
  ``tu`` must come back with its languages, texts (whitespace as written) and
  codes, and the ``tu``'s notes and props.
- XLIFF and PO: a document is made of the file's distinct sources (HTML with
  ``<b>``/``<br>`` where the units have codes, so that the sentences have the
  same codes; plain text otherwise), then ``import_translations`` and
  ``export`` in the same family (XLIFF goes out as 2.0).
- TBX and CSV: ``import_glossary``, ``export_glossary --format tbx``; every
  concept comes back with exactly its terms (and its TBX data categories),
  and importing all the files in turn merges no unrelated concepts.
- HTML and docx: ``import_document``, ``export`` (the source stands in for
  the untranslated sentences); every text block, header and footer, and as
  many links, tables, cells, list items and code elements.

The rule checked: a file is taken in whole, or refused in one line, or taken
with a counted account of what was not kept (the command's JSON names it);
never silently less. Each test collects every problem it finds and fails
with the whole list.
"""

import io
import itertools
import json
import subprocess
from collections import Counter
from html import escape
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import docx
import polib
import pytest
from lxml import etree, html
from translate.storage.xliff2 import Xliff2File

from tests.flows.real_files import (
    PARSER,
    fold,
    holds,
    language,
    read_csv_glossary,
    read_docx,
    read_html,
    read_po,
    read_tbx,
    read_tbx_categories,
    read_tmx,
    read_xliff,
)
from tests.support import DATA

pytestmark = pytest.mark.django_db


def files(folder: str, *suffixes: str) -> list[Path]:
    return sorted(
        path
        for path in (DATA / folder).iterdir()
        if path.suffix.lower() in suffixes and not path.name.endswith(".local.xsd")
    )


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def report(problems: list[str]) -> None:
    """Fail with every problem found, one per line."""
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def by_name(paths):
    return pytest.mark.parametrize("path", paths, ids=[p.name for p in paths])


TMX_DTD = etree.DTD(str(DATA / "tmx" / "tmx14.dtd"))
XLIFF2_XSD = etree.XMLSchema(
    etree.parse(str(DATA / "xliff" / "xliff-core-2.0.local.xsd"))
)
TBX_RNG = etree.RelaxNG(
    etree.parse(str(DATA / "glossary" / "TBXcoreStructV03_TBX-Basic_integrated.rng"))
)


# --- What an import says it did not keep -------------------------------------

#: Words in the name of a ``not_kept`` kind that is about a part of a unit.
ATTRIBUTE_KINDS = (
    "flag", "note", "comment", "code", "whitespace", "status", "prop",
)  # fmt: skip


def _names_not_kept(counts: dict) -> dict[str, list[str]]:
    """What the import's JSON names as not kept, by kind: ``unknown`` (the
    units of no sentence) and each kind of its ``not_kept`` account
    (``{"kind": {"count": n, "units": [...]}}``)."""
    names = {"unknown": list(counts.get("unknown_units", []))}
    for kind, account in (counts.get("not_kept") or {}).items():
        names[kind] = (
            list(account.get("units", [])) if isinstance(account, dict) else []
        )
    return names


def _whole_units(not_kept: dict[str, list[str]]) -> list[str]:
    """The names under kinds that account for whole units: kinds that name a
    part of a unit (a flag, a note) do not account for a unit gone."""
    return [
        name
        for kind, found in not_kept.items()
        if not any(part in kind for part in ATTRIBUTE_KINDS)
        for name in found
    ]


def _named(unit, names: list[str]) -> bool:
    """Whether ``names`` names a unit of a PO or XLIFF file."""
    return _names_any(names, {unit.id, unit.id.split("\x04")[0]}, [unit.source])


def _names_any(names: list[str], ids: set[str], texts: list[str]) -> bool:
    """Whether one of ``names`` is one of ``ids`` or the start of one of
    ``texts`` (a name may carry its kind first: "python-format: %(n)s ago");
    a full list (50) may leave it out."""
    if len(names) >= 50:
        return True
    for name in names:
        for candidate in {fold(name), fold(name.split(": ", 1)[-1])}:
            if candidate and (
                candidate in ids or any(fold(t).startswith(candidate) for t in texts)
            ):
                return True
    return False


def _tu_named(names: list[str], unit, number: int) -> bool:
    """Whether ``names`` names a TMX ``tu``: its tuid, its number in the
    file, or the start of one of its texts."""
    texts = [text for _, text, _ in unit.variants]
    return _names_any(names, {unit.tuid, str(number)}, texts)


def _of_kind(not_kept: dict[str, list[str]], word: str) -> list[str]:
    return [name for kind, found in not_kept.items() if word in kind for name in found]


def _accounted(unit, names: dict[str, list[str]], word: str) -> bool:
    """Whether a kind of ``not_kept`` whose name holds ``word`` names ``unit``."""
    return any(word in kind and _named(unit, found) for kind, found in names.items())


# --- TMX: import_memory, then export_memory ----------------------------------


@by_name(files("tmx", ".tmx"))
def test_tmx_comes_back_whole_from_the_memory(path, tmp_path):
    """Every variant of every tu comes back (with each other variant of its tu),
    with its language, text and codes, and the tu's notes and props; a tu
    that gives no pair is counted as skipped; the export passes the DTD."""
    counts = json.loads(run("import_memory", str(path)))
    out = tmp_path / "memory.tmx"
    run("export_memory", "-o", str(out))
    exported = out.read_bytes()
    problems = []
    if not TMX_DTD.validate(etree.fromstring(exported, PARSER)):
        problems.append("DTD: %s" % TMX_DTD.error_log.filter_from_errors()[:3])
    units = read_tmx(path.read_bytes())
    if counts["units"] != len(units):
        problems.append(
            "units counted %d, the file has %d" % (counts["units"], len(units))
        )
    pairs: dict[frozenset, list] = {}
    for unit in read_tmx(exported):
        pairs.setdefault(frozenset(unit.variants), []).append(unit)
    not_kept = _names_not_kept(counts)
    whole_units = _whole_units(not_kept)
    unpaired = 0
    for number, unit in enumerate(units, start=1):
        variants = [v for v in unit.variants if v[1].strip()]
        if len({code for code, _, _ in variants}) < 2:
            unpaired += 1
            continue
        found = []
        for a, b in itertools.combinations(variants, 2):
            if a[0] == b[0]:
                continue
            match = pairs.get(frozenset((a, b)))
            if match is not None:
                found.extend(match)
            elif not _tu_named(whole_units, unit, number):
                problems.append("tu %d: %r with %r not in the export" % (number, a, b))
        if found:
            notes = set().union(*(u.notes for u in found))
            props = set().union(*(u.props for u in found))
            if not unit.notes <= notes and not _tu_named(
                _of_kind(not_kept, "note"), unit, number
            ):
                problems.append("tu %d: notes lost %s" % (number, unit.notes - notes))
            if not unit.props <= props and not _tu_named(
                _of_kind(not_kept, "prop"), unit, number
            ):
                problems.append("tu %d: props lost %s" % (number, unit.props - props))
    if counts["skipped"] != unpaired:
        problems.append(
            "skipped %d, but %d tu give no pair" % (counts["skipped"], unpaired)
        )
    report(problems)


# --- XLIFF and PO: a document of the file's sources, the file, the export ---

#: The target language of files that do not say it (the translate-toolkit
#: PO files are French, the others have no targets).
FALLBACK_TARGET = "fr"


def _view(path: Path):
    if path.suffix == ".po":
        return read_po(path)
    return read_xliff(path.read_bytes())


def _judge_export(kind: str, data: bytes, path: Path, segments: int) -> list[str]:
    """XLIFF 2.0: the OASIS schema, and translate-toolkit reads one unit per
    sentence; PO: ``msgfmt -c``, and polib reads one entry per sentence."""
    problems = []
    if kind == "xliff":
        if not XLIFF2_XSD.validate(etree.fromstring(data, PARSER)):
            problems.append("XSD: %s" % XLIFF2_XSD.error_log.filter_from_errors()[:3])
        store = Xliff2File.parsestring(data)
        if len(store.units) != segments:
            problems.append(
                "translate-toolkit reads %d units, not %d"
                % (len(store.units), segments)
            )
    else:
        path.write_bytes(data)
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
        )
        if checked.returncode:
            problems.append("msgfmt -c: %s" % checked.stderr.strip()[:300])
        if len([e for e in polib.pofile(str(path)) if not e.obsolete]) != segments:
            problems.append("polib does not read %d entries" % segments)
    return problems


BILINGUAL = files("xliff", ".xlf", ".xliff", ".xliff2", ".poxliff") + files("po", ".po")


#: Files refused whole, and what the one line says.
REFUSED = {
    # An Xcode package whose third <file> is English to English.
    "mozl10n_xcode.xliff": "one language pair per file",
    # An English catalogue of English messages: no translation to go into.
    "symfony_escaped-id-plurals.po": "the file's source language is en",
}


def _document_of(units, tmp_path: Path, title: str, source: str, target: str) -> str:
    """Import a document with one paragraph per distinct source; return its id.

    Sources with inline codes make an HTML document (``as_html``: a pair of
    codes as ``<b>``, a placeholder as ``<br>``), so that its sentences have
    the codes the units have; the others a plain text.
    """
    paragraphs = {u.source: u.source_html for u in units if u.source}
    if not paragraphs:  # a file with nothing to translate still needs one
        paragraphs = {"Nothing to translate here.": ""}
    if any("<" in markup for markup in paragraphs.values()):
        path = tmp_path / "sources.html"
        body = "".join(
            "<p>%s</p>\n" % (markup or escape(text))
            for text, markup in paragraphs.items()
        )
        path.write_text("<html><body>\n%s</body></html>\n" % body, encoding="utf-8")
    else:
        path = tmp_path / "sources.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return run(
        "import_document", str(path), "--title", title,
        "--source-language", source, "--targets", target,
    ).split()[-1]  # fmt: skip


@by_name(BILINGUAL)
def test_translations_file_comes_back_whole(path, tmp_path):
    """Each unit with a translation comes back in the export with its source,
    target, codes, status and notes (PO: plural forms, flags and translator
    comments too), or the import's JSON names it as not kept; no unit is
    counted twice; the export holds one unit per sentence and passes its
    judge."""
    view = _view(path)
    target_language = language(view.target_language or FALLBACK_TARGET)
    source_language = language(view.source_language or "en")
    if source_language == target_language:  # en-US to en-US (Symfony)
        source_language = source_language.split("-")[0]
    if source_language == target_language:  # an English PO: no source given
        source_language = "und"
    document = _document_of(
        view.units, tmp_path, path.name, source_language, target_language
    )
    arguments = ["--document", document, "--language", target_language]
    if path.name in REFUSED:
        with pytest.raises(CommandError) as refused:
            run("import_translations", str(path), *arguments)
        assert REFUSED[path.name] in str(refused.value)
        assert "\n" not in str(refused.value)
        return
    try:
        counts = json.loads(run("import_translations", str(path), *arguments))
    except CommandError as error:
        pytest.fail("refused: %s" % error, pytrace=False)
    kind = "po" if path.suffix == ".po" else "xliff"
    out = tmp_path / ("export." + kind)
    run(
        "export",
        document,
        "--language",
        target_language,
        "--format",
        kind,
        "-o",
        str(out),
    )
    data = out.read_bytes()
    exported = read_po(out) if kind == "po" else read_xliff(data)
    sentences = len(run("segments", document).splitlines())
    problems = _judge_export(kind, data, tmp_path / "judged.po", sentences)
    if kind == "xliff" and (
        language(exported.source_language),
        language(exported.target_language),
    ) != (source_language, target_language):
        problems.append(
            "languages %s to %s written as %s to %s"
            % (source_language, target_language,
               exported.source_language, exported.target_language)
        )  # fmt: skip
    taken = counts["updated"] + counts["unchanged"]
    counted = taken + sum(counts["skipped"].values())
    counted -= counts["skipped"].get("not_translatable", 0)  # not read as units
    if counted > len(view.units) + view.obsolete:
        problems.append(
            "%d units counted (%s), the file has %d (and %d obsolete)"
            % (counted, counts, len(view.units), view.obsolete)
        )
    not_kept = _names_not_kept(counts)
    whole_units = _whole_units(not_kept)
    out_by_source = {u.source: u for u in exported.units}
    kept, seen = 0, set()
    for unit in view.units:
        if not unit.target or unit.source in seen:
            continue  # counted as empty, duplicate or conflicting
        seen.add(unit.source)
        out_unit = out_by_source.get(unit.source)
        if out_unit is None or not out_unit.target:
            if not _named(unit, whole_units):
                problems.append("unit %r: not in the export, not named" % unit.id)
            continue
        kept += 1
        differences = []
        for name, ours, theirs, word in [
            ("target", out_unit.target, unit.target, "target"),
            ("status", out_unit.done, unit.done, "status"),
            ("codes", out_unit.target_codes, unit.target_codes, "code"),
            ("plural forms", out_unit.plural, unit.plural, "plural"),
        ]:
            if ours != theirs and not _accounted(unit, not_kept, word):
                differences.append(name)
        if unit.preserve:  # inner whitespace is content; the ends follow the source
            if out_unit.target_raw.strip() != unit.target_raw.strip():
                differences.append("preserved whitespace")
        elif out_unit.target_raw != out_unit.target_raw.strip():
            differences.append("layout whitespace kept in the target")
        if not unit.flags <= out_unit.flags and not _accounted(unit, not_kept, "flag"):
            differences.append("flags %s" % sorted(unit.flags - out_unit.flags))
        if (
            unit.comments
            and unit.comments not in out_unit.comments
            and not _accounted(unit, not_kept, "comment")
        ):
            differences.append("translator comment")
        lost_notes = [n for n in unit.notes if n not in " ".join(out_unit.notes)]
        if lost_notes and not _accounted(unit, not_kept, "note"):
            differences.append("notes %s" % lost_notes)
        if differences:
            problems.append(
                "unit %r: %s not kept, not named (file %r, export %r)"
                % (unit.id, ", ".join(differences), unit.target, out_unit.target)
            )
    if kept != taken:
        codes_only = [u.id for u in view.units if u.target_codes and not u.target]
        note = " (targets of codes only: %s)" % codes_only if codes_only else ""
        problems.append(
            "%d units came back, %d were counted as taken%s (%s)"
            % (kept, taken, note, counts)
        )
    report(problems)


# --- TBX and CSV glossaries: import_glossary, then export_glossary -----------

#: The languages given for glossary CSVs whose columns do not name theirs
#: (as ``--source-language`` and ``--target-language``).
CSV_LANGUAGES = {
    "okapi_glossary_test01_crlf.csv": ("en", "fr"),
    "omegat_glossary_test.csv": ("en", "fr"),
    "weblate_terms-header.csv": ("en", "cs"),
    "weblate_terms.csv": ("en", "cs"),
    "weblate_en-3col.csv": ("en", "de"),
    "lokalise_darwin_glossary.csv": ("en", None),
    "lokalise_darwin_glossary_sample.csv": ("en", None),
}
#: Glossary files refused whole, and what the one line says.
REFUSED_GLOSSARIES = {
    # Crowdin's "Term:English" columns name languages, not codes.
    "crowdin_fcc_docs_language_names.csv": "no column is named by a language code",
}
GLOSSARIES = files("glossary", ".tbx", ".csv")


def _import_glossary(path: Path) -> dict:
    args = ["import_glossary", str(path)]
    source, target = CSV_LANGUAGES.get(path.name, (None, None))
    if source:
        args += ["--source-language", source]
    if target:
        args += ["--target-language", target]
    return json.loads(run(*args))


def _concepts_in(path: Path) -> list[frozenset]:
    """The concepts of a glossary file as sets of (language, term)."""
    data = path.read_bytes()
    if path.suffix == ".csv":
        languages = CSV_LANGUAGES.get(path.name, (None, None))
        return [c.terms for c in read_csv_glossary(data, *languages)]
    return [concept for concept in read_tbx(data) if concept]


def _category_kept(kept: set[tuple[str, str]], kind: str, text: str) -> bool:
    """Whether a data category came back: as it was, or its text inside one
    of the same type (several notes written back as one)."""
    return (kind, text) in kept or any(k == kind and text in t for k, t in kept)


def _category_counted(counts: dict, kind: str, text: str, group: str) -> bool:
    """Whether the import's ``not_kept`` counts name a data category: by its
    type (``admin:productSubset``), its type and value
    (``termNote:partOfSpeech=nom``), or the group it was in (``adminGrp``)."""
    for key in counts.get("not_kept") or {}:
        if group and key == group:
            return True
        named, _, value = key.split(":", 1)[-1].partition("=")
        if named == kind and (not value or value == text):
            return True
    return False


def _export_glossary(tmp_path: Path, problems: list[str]) -> bytes:
    out = tmp_path / "glossary.tbx"
    run("export_glossary", "--format", "tbx", "-o", str(out))
    tree = etree.fromstring(out.read_bytes(), PARSER)
    if not TBX_RNG.validate(tree):
        problems.append("RELAX NG: %s" % TBX_RNG.error_log.filter_from_errors()[:3])
    return out.read_bytes()


@by_name(GLOSSARIES)
def test_glossary_comes_back_concept_by_concept(path, tmp_path):
    """Each concept of the file comes back as one concept with exactly its
    terms in their languages, and (TBX) with its data categories; the TBX
    export passes the TBX-Basic RELAX NG."""
    if path.name in REFUSED_GLOSSARIES:
        with pytest.raises(CommandError) as refused:
            _import_glossary(path)
        assert REFUSED_GLOSSARIES[path.name] in str(refused.value)
        assert "\n" not in str(refused.value)
        return
    counts = _import_glossary(path)
    problems: list[str] = []
    data = _export_glossary(tmp_path, problems)
    exported = read_tbx(data)
    wanted = _concepts_in(path)
    for concept in wanted:
        if not any(holds(c, concept) for c in exported):
            problems.append("not exported as it was: %s" % sorted(concept))
    for concept in exported:
        if not any(holds(concept, w) for w in wanted):
            problems.append("exported but not in the file: %s" % sorted(concept))
    if path.suffix == ".csv":
        categories = read_tbx_categories(data)
        languages = CSV_LANGUAGES.get(path.name, (None, None))
        for row in read_csv_glossary(path.read_bytes(), *languages):
            kept = {
                text.casefold()  # a part of speech "NOUN" is TBX's "noun"
                for concept, found in categories.items()
                if holds(concept, row.terms)
                for _, text, _ in found
            }
            lost = sorted(t[:40] for t in row.texts if t.casefold() not in kept)
            if lost:
                problems.append("%s: texts lost %s" % (sorted(row.terms)[:2], lost))
    if path.suffix == ".tbx":
        categories = {
            concept: {(kind, text) for kind, text, _ in found}
            for concept, found in read_tbx_categories(data).items()
        }
        for concept, wanted in read_tbx_categories(path.read_bytes()).items():
            kept = categories.get(concept)
            if kept is None:
                continue  # the concept itself is reported above
            lost = {
                (kind, text)
                for kind, text, group in wanted
                if not _category_kept(kept, kind, text)
                and not _category_counted(counts, kind, text, group)
            }
            if lost:
                shown = sorted((kind, text[:40]) for kind, text in lost)[:6]
                problems.append(
                    "%s: %d categories lost, not counted, e.g. %s"
                    % (sorted(concept)[:2], len(lost), shown)
                )
    report(problems)


def test_glossary_files_imported_together_merge_no_unrelated_concepts(tmp_path):
    """Importing every glossary file in turn never puts two terms of one
    language into one concept unless one concept of some file had both."""
    wanted = []
    for path in GLOSSARIES:
        if path.name in REFUSED_GLOSSARIES:
            continue
        _import_glossary(path)
        wanted.extend(c for c in _concepts_in(path) if c)
    problems: list[str] = []
    for concept in read_tbx(_export_glossary(tmp_path, problems)):
        by_language: dict[str, list[str]] = {}
        for code, term in concept:
            by_language.setdefault(code, []).append(term)
        for code, terms in by_language.items():
            for a, b in itertools.combinations(sorted(terms), 2):
                if not any({(code, a), (code, b)} <= w for w in wanted):
                    problems.append(
                        "%s: %r and %r merged into one concept" % (code, a, b)
                    )
    report(problems)


# --- HTML and docx: import_document, then export -----------------------------

#: Source language of documents that are not in English.
SOURCE_OF = {"weblate_cs.html": "cs"}
#: A target written with spaces between sentences, so that the source
#: (the fallback for untranslated sentences) reads as it did.
DOCUMENT_TARGET = "fr"
DOCUMENTS = files("documents", ".html", ".htm", ".docx")
#: Documents refused whole, and what the one line says.
REFUSED_DOCUMENTS = {
    "mammoth_strict-format.docx": "Strict Open XML, which is not supported",
    "mammoth_text-box.docx": "the document's only text is in text boxes (1)",
}


@by_name(DOCUMENTS)
def test_document_comes_back_with_all_its_text_and_structure(path, tmp_path):
    """The export (untranslated sentences fall back to the source) holds
    every paragraph, table cell, list item, header and footer text of the
    original, and as many links, tables, cells, list items and inline code
    elements; python-docx or lxml reads it."""
    if path.name in REFUSED_DOCUMENTS:
        with pytest.raises(CommandError) as refused:
            run("import_document", str(path), "--targets", DOCUMENT_TARGET)
        assert REFUSED_DOCUMENTS[path.name] in str(refused.value)
        assert "\n" not in str(refused.value)
        return
    document = run(
        "import_document",
        str(path),
        "--source-language",
        SOURCE_OF.get(path.name, "en"),
        "--targets",
        DOCUMENT_TARGET,
    ).split()[-1]
    kind = "docx" if path.suffix == ".docx" else "html"
    out = tmp_path / ("export." + kind)
    run(
        "export",
        document,
        "--language",
        DOCUMENT_TARGET,
        "--format",
        kind,
        "-o",
        str(out),
    )
    if kind == "docx":
        docx.Document(str(out))  # the judge: python-docx opens it
        original, exported = read_docx(path), read_docx(out)
    else:
        html.document_fromstring(out.read_bytes())
        original, exported = read_html(path.read_bytes()), read_html(out.read_bytes())
    problems = []
    missing = Counter(original.texts) - Counter(exported.texts)
    for text, times in missing.items():
        problems.append(
            "text missing%s: %r" % (" x%d" % times if times > 1 else "", text[:120])
        )
    for name in ("links", "tables", "cells", "codes", "list_items"):
        before, after = getattr(original, name), getattr(exported, name)
        if after < before:
            problems.append(
                "%s: %d in the file, %d in the export" % (name, before, after)
            )
    report(problems)


def test_the_collection_is_big_and_varied_enough():
    """At least 60 real files from at least 8 projects, each in a MANIFEST."""
    names, projects = [], set()
    for manifest in DATA.glob("*/MANIFEST.tsv"):
        # test suites and the alignment set written here, not files of projects
        if manifest.parent.name in ("opencc", "qa", "alignment"):
            continue
        rows = manifest.read_text(encoding="utf-8").splitlines()[1:]
        for row in rows:
            name, origin = row.split("\t")[:2]
            if name.endswith((".dtd", ".xsd", ".rng", ".sch")):
                continue
            assert (manifest.parent / name).is_file(), name
            names.append(name)
            projects.add(origin.split()[0])
    assert len(names) >= 60
    assert len(projects) >= 8
    tested = {p.name for p in BILINGUAL + GLOSSARIES + DOCUMENTS}
    tested |= {p.name for p in files("tmx", ".tmx")}
    untested = [n for n in names if n not in tested and not n.endswith(".txt")]
    assert untested == []
