"""Export the glossary as CSV or TBX, streamed."""

from collections.abc import Iterator

from modeltranslation.utils import build_localized_fieldname

from formats.glossary import ConceptUnit, TermUnit, csv, tbx
from glossary.importing import UI_COLUMNS
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
    for concept in Concept.objects.order_by("id").iterator(chunk_size=2000):
        members = by_concept.get(concept.pk)
        if not members:
            continue
        definitions, notes = {}, {}
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
            identifier=concept.identifier or "c%d" % concept.pk,
            terms=[
                TermUnit(
                    language=t.language,
                    text=t.text,
                    usage=t.usage,
                    approval=t.approval,
                    case_sensitive=t.case_sensitive,
                )
                for t in members
            ],
            domain=concept.domain_en or "",
            definitions=definitions,
            notes=notes,
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
