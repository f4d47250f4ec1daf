"""Export the glossary as CSV or TBX, streamed.

A concept's ``extra`` goes back into its unit: definitions and notes in
languages without a UI column to the unit's texts, TBX data categories to
``extra`` (the TBX writer puts them back in place; CSV leaves them out).
Identifiers are scoped to their file, so two concepts may share one: the
later ones get ``-<pk>`` added, so that the export reads back as it was.
"""

from collections.abc import Iterator

from modeltranslation.utils import build_localized_fieldname

from formats.glossary import ConceptUnit, TermUnit, csv, tbx
from glossary.describing import UI_COLUMNS
from glossary.models import Approval, Concept, Term

FORMATS = ("csv", "tbx")
LANGUAGE_ORDER = ["en", "zh-Hant", "zh-Hans"]


def concept_units(*, approved_only: bool = False) -> Iterator[ConceptUnit]:
    """Yield every concept with its terms, in a stable order."""
    terms = Term.objects.order_by("concept_id", "language", "id")
    if approved_only:
        terms = terms.filter(approval=Approval.APPROVED)
    by_concept: dict[int, list[Term]] = {}
    for term in terms.iterator(chunk_size=5000):
        by_concept.setdefault(term.concept_id, []).append(term)
    used: set[str] = set()
    for concept in Concept.objects.order_by("id").iterator(chunk_size=2000):
        members = by_concept.get(concept.pk)
        if not members:
            continue
        identifier = concept.identifier or "c%d" % concept.pk
        if identifier in used:
            identifier = "%s-%d" % (identifier, concept.pk)
        used.add(identifier)
        definitions, notes = {}, {}
        extra = []
        for node in concept.extra:
            if "field" in node:
                texts = definitions if node["field"] == "definition" else notes
                texts[node["lang"]] = node["text"]
            else:
                extra.append(node)
        for language, column in UI_COLUMNS.items():
            definition = getattr(
                concept, build_localized_fieldname("definition", column)
            )
            note = getattr(concept, build_localized_fieldname("note", column))
            if definition:
                definitions[language] = definition
            if note:
                notes[language] = note
        yield ConceptUnit(
            identifier=identifier,
            terms=[
                TermUnit(
                    language=t.language,
                    text=t.text,
                    usage=t.usage,
                    approval=t.approval,
                    case_sensitive=t.case_sensitive,
                    extra=t.extra,
                )
                for t in members
            ],
            domain=concept.domain_en or "",
            definitions=definitions,
            notes=notes,
            extra=extra,
        )


def glossary_languages() -> list[str]:
    """Return the languages the glossary has terms in, the usual three first."""
    present = set(Term.objects.values_list("language", flat=True).distinct())
    ordered = [code for code in LANGUAGE_ORDER if code in present]
    return ordered + sorted(present - set(ordered))


def export_glossary(kind: str, *, approved_only: bool = False) -> Iterator[bytes]:
    """Yield the glossary as a CSV or TBX file."""
    units = concept_units(approved_only=approved_only)
    if kind == "csv":
        return csv.write(units, glossary_languages())
    return tbx.write(units)
