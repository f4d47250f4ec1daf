"""Glossary history: a revision for every change to a concept or a term."""

from modeltranslation.utils import build_localized_fieldname

from glossary.models import Concept, Term, TermRevision
from glossary.stamps import bump_glossary_stamp

UI_LANGUAGES = ("en", "zh-hans", "zh-hant")
CONCEPT_FIELDS = ("domain", "definition", "note")


def term_snapshot(term: Term) -> dict:
    return {
        "language": term.language,
        "text": term.text,
        "usage": term.usage,
        "approval": term.approval,
        "case_sensitive": term.case_sensitive,
        "reason": term.reason,
        "version": term.version,
    }


def concept_snapshot(concept: Concept) -> dict:
    """Return the concept's texts in every UI language and all its terms."""
    data = {"identifier": concept.identifier, "version": concept.version}
    if concept.pk:
        data["terms"] = [term_snapshot(t) for t in concept.terms.order_by("id")]
    for field in CONCEPT_FIELDS:
        for language in UI_LANGUAGES:
            name = build_localized_fieldname(field, language)
            data[name] = getattr(concept, name) or ""
    return data


def record_change(
    *,
    concept: Concept,
    term: Term | None,
    action: str,
    user,
    note: str = "",
    note_values: dict | None = None,
) -> TermRevision:
    """Keep a revision of the change and tell every process the glossary moved.

    ``note`` is the user's words, or with ``note_values`` an English message
    of the workbench (``gettext_noop``) shown in each reader's language.
    """
    snapshot = term_snapshot(term) if term else concept_snapshot(concept)
    bump_glossary_stamp(concepts={concept.pk})
    return TermRevision.objects.create(
        concept=concept,
        term=term,
        action=action,
        snapshot=snapshot,
        note=note,
        note_values=note_values,
        author=user,
    )
