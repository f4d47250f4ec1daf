"""What a file concept writes on a Concept: domain, texts, data categories.

Definitions and notes in a UI language (``UI_COLUMNS``) go to the
modeltranslation columns; those in other languages, and the TBX data
categories with no field, to the concept's ``extra`` (texts as
``{"field", "lang", "text"}``), so that nothing the file said is dropped and
an export writes it back.
"""

from modeltranslation.utils import build_localized_fieldname

from formats.glossary import ConceptUnit
from glossary.models import Concept

__all__ = [
    "CONCEPT_FIELDS",
    "UI_COLUMNS",
    "concept_texts",
    "same_domain",
    "set_texts",
    "unit_extra",
]

#: Content languages whose definitions and notes have a UI-language column.
UI_COLUMNS = {"en": "en", "zh-Hans": "zh-hans", "zh-Hant": "zh-hant"}
#: The concept fields an import writes.
CONCEPT_FIELDS = [
    build_localized_fieldname(f, c)
    for f in ("domain", "definition", "note")
    for c in UI_COLUMNS.values()
] + ["extra", "version"]


def same_domain(concept: Concept, unit: ConceptUnit) -> bool:
    """Tell whether the two have the same domain (both empty counts as same)."""
    return (concept.domain_en or "").strip().casefold() == (
        unit.domain.strip().casefold()
    )


def unit_extra(unit: ConceptUnit) -> list[dict]:
    """Return the concept's ``extra``: its data categories, then the texts
    in languages without a UI column (``{"field", "lang", "text"}``)."""
    extra = list(unit.extra)
    for field, values in (("definition", unit.definitions), ("note", unit.notes)):
        for language, text in values.items():
            if language not in UI_COLUMNS and text:
                extra.append({"field": field, "lang": language, "text": text})
    return extra


def set_texts(concept: Concept, unit: ConceptUnit, *, add: bool) -> bool:
    """Copy the unit's domain, texts and extras; return True if any changed.

    ``add``: keep the concept's texts and add the file's to them (a merge
    from another file); otherwise the file's replace them (its own concept).
    """
    changed = False
    if unit.domain and not concept.domain_en:
        concept.domain_en = unit.domain
        changed = True
    for field, values in (("definition", unit.definitions), ("note", unit.notes)):
        for language, text in values.items():
            column = UI_COLUMNS.get(language)
            name = build_localized_fieldname(field, column) if column else None
            old = getattr(concept, name) if name else None
            if not name or not text or old == text:
                continue
            if add and old:
                if text in old.split("; "):
                    continue
                text = old + "; " + text
            setattr(concept, name, text)
            changed = True
    extra = unit_extra(unit)
    if add:
        extra = concept.extra + [node for node in extra if node not in concept.extra]
    if extra != concept.extra:
        concept.extra = extra
        changed = True
    return changed


def concept_texts(concept: Concept) -> dict:
    """Return the revision snapshot of a concept an import wrote."""
    data = {"identifier": concept.identifier, "scope": concept.scope}
    for field in ("domain", "definition", "note"):
        for column in UI_COLUMNS.values():
            name = build_localized_fieldname(field, column)
            data[name] = getattr(concept, name) or ""
    return data
