"""Merge concepts read from a glossary file into the glossary, all or nothing.

Identity. A concept id in a file belongs to that file: it is stored with a
scope (the file's name unless the importer names one) and matched only
against ids of the same scope, so re-importing a file updates its concepts
and ``c1`` of one file never meets ``c1`` of another.

A file concept that its scope does not know joins an existing concept only
by the merge rule (``MERGE_RULES``):

- ``term`` (the default): the two share a term (same language and text), have
  the same domain (both empty counts as the same), and no language in which
  both have terms but none in common (so "clear" and "delete" do not become
  one through a shared Czech rendering); and exactly one existing concept
  passes. More than one, or a shared term with another domain or a
  conflicting term, creates the concept apart and records the pairs as
  possible duplicates for a reviewer (``PossibleDuplicate``);
- ``id``: the same id under another scope, when exactly one concept has it
  (files of one producer that share their ids); shared terms are only
  reported;
- ``none``: never; shared terms are only reported.

Concepts of the same scope without ids (CSV rows without an ``id`` column)
are the file's own and always match by a shared term, so a re-import updates
them. A concept merged from another file keeps its texts: the file's other
definitions and notes are added to them, never written over.

Terms the file lacks are added; a term whose usage, approval, case flag or
other data categories differ is updated. Terms a manager imports are
approved unless the file says otherwise. Definitions and notes in languages
without a UI column, and the TBX data categories with no field, go to the
concept's ``extra`` (a term's to the term's). Everything is written in bulk,
with one revision per change; a dry run does it all and rolls it back.
"""

from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from formats.glossary import ConceptUnit, read_glossary
from glossary.describing import (
    CONCEPT_FIELDS,
    concept_texts,
    same_domain,
    set_texts,
)
from glossary.history import term_snapshot
from glossary.models import (
    Action,
    Approval,
    Concept,
    PossibleDuplicate,
    Term,
    TermRevision,
)
from glossary.stamps import bump_glossary_stamp

BATCH = 2000
MERGE_RULES = ("term", "id", "none")
COUNTS = (
    "concepts_created",
    "concepts_merged",
    "concepts_updated",
    "possible_duplicates",
    "terms_created",
    "terms_updated",
    "terms_unchanged",
)


def _label(unit: ConceptUnit) -> str:
    terms = "; ".join("%s:%s" % (t.language, t.text) for t in unit.terms[:4])
    return "%s (%s)" % (unit.identifier, terms) if unit.identifier else terms


class _Import:
    """One import: the glossary as it stands, and what the file changes."""

    def __init__(self, user, default_approval: str, scope: str, merge_on: str):
        self.user = user
        self.default_approval = default_approval
        self.scope = scope
        self.merge_on = merge_on
        self.now = timezone.now()
        self.counts: Counter = Counter()
        self.not_kept: Counter = Counter()
        self.columns_not_kept: Counter = Counter()
        # Locked until the import commits: a decision made meanwhile waits,
        # then meets the new version and is a conflict, never overwritten.
        self.concepts_by_pk = {
            c.pk: c for c in Concept.objects.select_for_update().order_by("pk")
        }
        self.by_scoped_id = {
            (c.scope, c.identifier): c
            for c in self.concepts_by_pk.values()
            if c.identifier
        }
        self.by_id: dict[str, list[Concept]] = {}
        for concept in self.concepts_by_pk.values():
            if concept.identifier:
                self.by_id.setdefault(concept.identifier, []).append(concept)
        self.by_term: dict[tuple[str, str], list[Term]] = {}
        # id(concept) -> language -> texts, for the conflict test
        self.languages: dict[int, dict[str, set[str]]] = {}
        for term in Term.objects.select_for_update().order_by("pk"):
            term._import_concept = self.concepts_by_pk[term.concept_id]
            self._index(term)
        self.new_concepts: list[Concept] = []
        self.changed_concepts: dict[int, Concept] = {}
        self.new_terms: list[Term] = []
        self.changed_terms: list[Term] = []
        self.changed_ids: set[int] = set()
        self.duplicates: list[tuple[Concept, Concept, str, str]] = []
        #: What became of each file concept: (label, "created" | "merged" |
        #: "same", the existing concept or None).
        self.plan: list[tuple[str, str, Concept | None]] = []

    def _index(self, term: Term) -> None:
        self.by_term.setdefault((term.language, term.text), []).append(term)
        concept = term._import_concept
        texts = self.languages.setdefault(id(concept), {})
        texts.setdefault(term.language, set()).add(term.text)

    def _candidates(self, unit: ConceptUnit) -> list[Concept]:
        """Return the concepts sharing a term with ``unit``, first found first."""
        found: dict[int, Concept] = {}
        for item in unit.terms:
            for term in self.by_term.get((item.language, item.text), ()):
                concept = term._import_concept
                if unit.identifier and concept.scope == self.scope:
                    continue  # the file's own concepts are told apart by id
                found.setdefault(id(concept), concept)
        return list(found.values())

    def _why_not(self, concept: Concept, unit: ConceptUnit) -> str:
        """Return why ``unit`` must not join ``concept`` by a shared term, or ""."""
        if not same_domain(concept, unit):
            return "different domain"
        mine: dict[str, set[str]] = {}
        for item in unit.terms:
            mine.setdefault(item.language, set()).add(item.text)
        theirs = self.languages.get(id(concept), {})
        for language, texts in mine.items():
            if theirs.get(language) and not texts & theirs[language]:
                return "different term in %s" % language
        return ""

    def concept_for(self, unit: ConceptUnit) -> Concept:
        concept = None
        if unit.identifier:
            concept = self.by_scoped_id.get((self.scope, unit.identifier))
        reported: list[tuple[Concept, str]] = []
        if concept is None:
            candidates = self._candidates(unit)
            fitting = [c for c in candidates if not self._why_not(c, unit)]
            own = [c for c in fitting if c.scope == self.scope]
            if own:
                concept = own[0]
            elif self.merge_on == "term" and len(fitting) == 1:
                concept = fitting[0]
            elif self.merge_on == "id" and unit.identifier:
                same_id = [
                    c
                    for c in self.by_id.get(unit.identifier, ())
                    if c.scope != self.scope
                ]
                if len(same_id) == 1:
                    concept = same_id[0]
                else:
                    reported += [(c, "same id in another file") for c in same_id]
            if concept is None:
                reported += [
                    (c, self._why_not(c, unit) or "several concepts share a term")
                    for c in candidates
                ]
            elif concept.scope != self.scope:
                self.counts["concepts_merged"] += 1
        if concept is None:
            self.plan.append((_label(unit), "created", None))
        elif concept.pk is None:  # a row of a concept this file already made
            self.plan.append((_label(unit), "joined", None))
        else:
            merged = concept.scope != self.scope
            self.plan.append((_label(unit), "merged" if merged else "same", concept))
        if concept is None:
            concept = Concept(
                identifier=unit.identifier, scope=self.scope, created_by=self.user
            )
            set_texts(concept, unit, add=False)
            self.new_concepts.append(concept)
            for other, reason in reported:
                self.duplicates.append((concept, other, reason, _label(unit)))
        elif set_texts(concept, unit, add=concept.scope != self.scope) and concept.pk:
            if id(concept) not in self.changed_concepts:
                concept.version += 1
                self.changed_concepts[id(concept)] = concept
        if unit.identifier:
            self.by_scoped_id[(self.scope, unit.identifier)] = concept
        return concept

    def add(self, unit: ConceptUnit) -> None:
        self.not_kept.update(unit.not_kept)
        self.columns_not_kept.update(unit.columns_not_kept)
        concept = self.concept_for(unit)
        for item in unit.terms:
            approval = item.approval or self.default_approval
            decided = approval != Approval.PROPOSED
            term = next(
                (
                    t
                    for t in self.by_term.get((item.language, item.text), ())
                    if t._import_concept is concept
                ),
                None,
            )
            if term is not None:
                state = (item.usage, approval, item.case_sensitive, item.extra)
                if (
                    term.usage,
                    term.approval,
                    term.case_sensitive,
                    term.extra,
                ) == state:
                    self.counts["terms_unchanged"] += 1
                    continue
                term.usage, term.approval = item.usage, approval
                term.case_sensitive, term.extra = item.case_sensitive, item.extra
                term.decided_by = self.user if decided else None
                term.decided_at = self.now if decided else None
                if term.pk and id(term) not in self.changed_ids:
                    term.version += 1
                    self.changed_ids.add(id(term))
                    self.changed_terms.append(term)
                continue
            term = Term(
                language=item.language,
                text=item.text,
                usage=item.usage,
                approval=approval,
                case_sensitive=item.case_sensitive,
                extra=item.extra,
                proposed_by=self.user,
                decided_by=self.user if decided else None,
                decided_at=self.now if decided else None,
            )
            term._import_concept = concept
            self._index(term)
            self.new_terms.append(term)

    def save(self) -> dict:
        Concept.objects.bulk_create(self.new_concepts, batch_size=BATCH)
        changed = list(self.changed_concepts.values())
        Concept.objects.bulk_update(changed, CONCEPT_FIELDS, batch_size=BATCH)
        for term in self.new_terms:
            term.concept = term._import_concept
        Term.objects.bulk_create(self.new_terms, batch_size=BATCH)
        Term.objects.bulk_update(
            self.changed_terms,
            [
                "usage",
                "approval",
                "case_sensitive",
                "extra",
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
            for t in self.new_terms + self.changed_terms
        ]
        TermRevision.objects.bulk_create(revisions, batch_size=BATCH)
        pairs = self._save_duplicates()
        if revisions:
            bump_glossary_stamp(concepts={r.concept_id for r in revisions})
        self.counts["concepts_created"] = len(self.new_concepts)
        self.counts["concepts_updated"] = len(changed)
        self.counts["possible_duplicates"] = len(pairs)
        self.counts["terms_created"] = len(self.new_terms)
        self.counts["terms_updated"] = len(self.changed_terms)
        result = {key: self.counts[key] for key in COUNTS}
        result["duplicates"] = pairs
        result["not_kept"] = dict(sorted(self.not_kept.items()))
        result["columns_not_kept"] = dict(sorted(self.columns_not_kept.items()))
        return result

    def _save_duplicates(self) -> list[dict]:
        """Record the possible duplicates not decided already; describe them."""
        known = set()
        for a, b in PossibleDuplicate.objects.values_list("concept_id", "other_id"):
            known.update(((a, b), (b, a)))
        rows, pairs = [], []
        for concept, other, reason, label in self.duplicates:
            if other.pk is None or (concept.pk, other.pk) in known:
                continue
            known.update(((concept.pk, other.pk), (other.pk, concept.pk)))
            rows.append(PossibleDuplicate(concept=concept, other=other, reason=reason))
            pairs.append(
                {
                    "file_concept": label,
                    "existing_concept": other.pk,
                    "existing_identifier": other.identifier,
                    "existing_scope": other.scope,
                    "reason": reason,
                }
            )
        PossibleDuplicate.objects.bulk_create(rows, batch_size=BATCH)
        return pairs

    def _revision(self, concept: Concept, term: Term | None, action: str):
        return TermRevision(
            concept=concept,
            term=term,
            action=action,
            snapshot=term_snapshot(term) if term else concept_texts(concept),
            author=self.user,
        )


def read_file(
    data: bytes,
    filename: str,
    *,
    source_language: str | None = None,
    target_language: str | None = None,
) -> list[ConceptUnit]:
    """Read a CSV or TBX glossary within the limits of the settings.

    ``source_language``/``target_language`` name the languages of a CSV
    whose header says ``source,target`` or which has no header.
    Raises ``FormatError`` naming the line or concept.
    """
    return read_glossary(
        data,
        filename,
        max_rows=settings.MAX_GLOSSARY_ROWS,
        max_cell_chars=settings.MAX_GLOSSARY_CELL_CHARS,
        source_language=source_language,
        target_language=target_language,
    )


class _DryRun(Exception):
    """Raised to roll a dry run back, carrying its result."""

    def __init__(self, result: dict):
        self.result = result


def import_concepts(
    units: list[ConceptUnit],
    *,
    user=None,
    default_approval: str = Approval.APPROVED,
    scope: str = "",
    merge_on: str = "term",
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Merge the file's concepts into the glossary; return counts.

    The result has the counts of ``COUNTS``, ``duplicates`` (the pairs left
    for a reviewer), ``not_kept`` and ``columns_not_kept`` (what the file
    held that the reader could not keep, by name) and ``dry_run``. With
    ``dry_run`` nothing is written, and ``plan`` says for each file concept
    what would become of it: ``created``, ``joined`` to one made by an
    earlier row, ``merged`` into an existing concept of another scope, or
    ``same`` (its own concept from an earlier import, updated where the file
    differs).
    """
    if merge_on not in MERGE_RULES:
        raise ValueError(merge_on)
    try:
        with transaction.atomic():
            job = _Import(user, default_approval, scope, merge_on)
            for number, unit in enumerate(units, start=1):
                job.add(unit)
                if progress and number % 500 == 0:
                    progress(500)
            if progress:
                progress(len(units) % 500)
            result = job.save()
            result["dry_run"] = dry_run
            if dry_run:
                result["plan"] = [
                    {
                        "file_concept": label,
                        "action": action,
                        "existing_concept": existing.pk if existing else None,
                    }
                    for label, action, existing in job.plan
                ]
                raise _DryRun(result)
    except _DryRun as rolled_back:
        return rolled_back.result
    return result
