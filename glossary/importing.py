"""Merge concepts read from a glossary file into the glossary, all or nothing.

A concept in the file is the same as one in the database when it has the
same identifier, or else shares a term (same language and text). Terms the
file lacks are added; a term whose usage, approval or case flag differs is
updated. Terms a manager imports are approved unless the file says otherwise.
Everything is written in bulk, with one revision per change.
"""

from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from modeltranslation.utils import build_localized_fieldname

from formats.glossary import ConceptUnit, read_glossary
from glossary.history import term_snapshot
from glossary.models import Action, Approval, Concept, Term, TermRevision
from glossary.stamps import bump_glossary_stamp

#: Content languages whose definitions and notes have a UI-language column.
UI_COLUMNS = {"en": "en", "zh-Hans": "zh-hans", "zh-Hant": "zh-hant"}
BATCH = 2000
COUNTS = (
    "concepts_created",
    "concepts_updated",
    "terms_created",
    "terms_updated",
    "terms_unchanged",
)


def _set_texts(concept: Concept, unit: ConceptUnit) -> bool:
    """Copy the unit's domain, definitions and notes; return True if any changed."""
    changed = False
    if unit.domain and not concept.domain_en:
        concept.domain_en = unit.domain
        changed = True
    for field, values in (("definition", unit.definitions), ("note", unit.notes)):
        for language, text in values.items():
            column = UI_COLUMNS.get(language)
            name = build_localized_fieldname(field, column) if column else None
            if name and text and getattr(concept, name) != text:
                setattr(concept, name, text)
                changed = True
    return changed


def _concept_texts(concept: Concept) -> dict:
    data = {"identifier": concept.identifier}
    for field in ("domain", "definition", "note"):
        for column in UI_COLUMNS.values():
            name = build_localized_fieldname(field, column)
            data[name] = getattr(concept, name) or ""
    return data


class _Import:
    """One import: the glossary as it stands, and what the file changes."""

    def __init__(self, user, default_approval: str):
        self.user = user
        self.default_approval = default_approval
        self.now = timezone.now()
        self.counts: Counter = Counter()
        # Locked until the import commits: a decision made meanwhile waits,
        # then meets the new version and is a conflict, never overwritten.
        self.concepts_by_pk = {
            c.pk: c for c in Concept.objects.select_for_update().order_by("pk")
        }
        self.by_identifier = {
            c.identifier: c for c in self.concepts_by_pk.values() if c.identifier
        }
        self.by_term = {
            (t.language, t.text): t
            for t in Term.objects.select_for_update().order_by("pk")
        }
        self.new_concepts: list[Concept] = []
        self.changed_concepts: list[Concept] = []
        self.new_terms: list[tuple[Concept, Term]] = []
        self.changed_terms: list[Term] = []

    def concept_for(self, unit: ConceptUnit) -> Concept:
        concept = None
        if unit.identifier:
            concept = self.by_identifier.get(unit.identifier)
        for term in unit.terms if concept is None else ():
            existing = self.by_term.get((term.language, term.text))
            if existing is not None and existing.concept_id:
                concept = self.concepts_by_pk[existing.concept_id]
                break
            if existing is not None:  # a term new in this file, concept unsaved
                concept = existing._import_concept
                break
        if concept is None:
            concept = Concept(identifier=unit.identifier, created_by=self.user)
            _set_texts(concept, unit)
            self.new_concepts.append(concept)
        elif (
            _set_texts(concept, unit)
            and concept.pk
            and concept not in (self.changed_concepts)
        ):
            concept.version += 1
            self.changed_concepts.append(concept)
        if unit.identifier:
            self.by_identifier[unit.identifier] = concept
        return concept

    def add(self, unit: ConceptUnit) -> None:
        concept = self.concept_for(unit)
        for item in unit.terms:
            approval = item.approval or self.default_approval
            decided = approval != Approval.PROPOSED
            term = self.by_term.get((item.language, item.text))
            same_concept = term is not None and (
                (term.concept_id and term.concept_id == concept.pk)
                or getattr(term, "_import_concept", None) is concept
            )
            if same_concept:
                if (term.usage, term.approval, term.case_sensitive) == (
                    item.usage,
                    approval,
                    item.case_sensitive,
                ):
                    self.counts["terms_unchanged"] += 1
                    continue
                term.usage, term.approval = item.usage, approval
                term.case_sensitive = item.case_sensitive
                term.decided_by = self.user if decided else None
                term.decided_at = self.now if decided else None
                if term.pk:
                    term.version += 1
                    self.changed_terms.append(term)
                continue
            term = Term(
                language=item.language,
                text=item.text,
                usage=item.usage,
                approval=approval,
                case_sensitive=item.case_sensitive,
                proposed_by=self.user,
                decided_by=self.user if decided else None,
                decided_at=self.now if decided else None,
            )
            term._import_concept = concept
            self.by_term.setdefault((term.language, term.text), term)
            self.new_terms.append((concept, term))

    def save(self) -> dict:
        Concept.objects.bulk_create(self.new_concepts, batch_size=BATCH)
        changed = {id(c): c for c in self.changed_concepts}.values()
        Concept.objects.bulk_update(
            list(changed),
            [
                build_localized_fieldname(f, c)
                for f in ("domain", "definition", "note")
                for c in UI_COLUMNS.values()
            ]
            + ["version"],
            batch_size=BATCH,
        )
        terms = []
        for concept, term in self.new_terms:
            term.concept = concept
            terms.append(term)
        Term.objects.bulk_create(terms, batch_size=BATCH)
        Term.objects.bulk_update(
            self.changed_terms,
            [
                "usage",
                "approval",
                "case_sensitive",
                "decided_by",
                "decided_at",
                "version",
            ],
            batch_size=BATCH,
        )
        revisions = [self._revision(c, None, Action.CREATED) for c in self.new_concepts]
        revisions += [self._revision(c, None, Action.CHANGED) for c in changed]
        revisions += [
            self._revision(t.concept, t, Action.IMPORTED)
            for t in terms + self.changed_terms
        ]
        TermRevision.objects.bulk_create(revisions, batch_size=BATCH)
        if revisions:
            bump_glossary_stamp()
        self.counts["concepts_created"] = len(self.new_concepts)
        self.counts["concepts_updated"] = len(list(changed))
        self.counts["terms_created"] = len(terms)
        self.counts["terms_updated"] = len(self.changed_terms)
        return {key: self.counts[key] for key in COUNTS}

    def _revision(self, concept: Concept, term: Term | None, action: str):
        return TermRevision(
            concept=concept,
            term=term,
            action=action,
            snapshot=term_snapshot(term) if term else _concept_texts(concept),
            author=self.user,
        )


def read_file(data: bytes, filename: str) -> list[ConceptUnit]:
    """Read a CSV or TBX glossary within the limits of the settings.

    Raises ``FormatError`` naming the line or concept.
    """
    return read_glossary(
        data,
        filename,
        max_rows=settings.MAX_GLOSSARY_ROWS,
        max_cell_chars=settings.MAX_GLOSSARY_CELL_CHARS,
    )


@transaction.atomic
def import_concepts(
    units: list[ConceptUnit],
    *,
    user=None,
    default_approval: str = Approval.APPROVED,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Merge the file's concepts into the glossary; return counts."""
    job = _Import(user, default_approval)
    for number, unit in enumerate(units, start=1):
        job.add(unit)
        if progress and number % 500 == 0:
            progress(500)
    if progress:
        progress(len(units) % 500)
    return job.save()
