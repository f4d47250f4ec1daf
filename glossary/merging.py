"""Merge two concepts into one, or keep a possible duplicate apart.

An import that is not sure two concepts are one records them as a
``PossibleDuplicate``; a reviewer decides here. A merge moves every term of
one concept into the other (a term the other already has, same language and
text, is kept once and the merge says so), keeps both concepts' definitions,
notes and other data categories, moves the history along, and records a
``merged`` revision. Both versions are stated: a stale one is a conflict.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from modeltranslation.utils import build_localized_fieldname

from glossary.approval import GlossaryConflict, can_review
from glossary.history import CONCEPT_FIELDS, UI_LANGUAGES, record_change
from glossary.models import Action, Concept, PossibleDuplicate, Term, TermRevision


@dataclass
class Merged:
    """The concept kept, and the terms both had (kept once)."""

    concept: Concept
    doubled: list[str] = field(default_factory=list)


def _join(kept: str, other: str) -> str:
    if not other or other in kept.split("; "):
        return kept
    return kept + "; " + other if kept else other


@transaction.atomic
def merge_concepts(
    *,
    source: Concept,
    target: Concept,
    user,
    source_version: int,
    target_version: int,
) -> Merged:
    """Move ``source`` into ``target`` and delete it; return what was kept.

    Raises ``GlossaryConflict`` if either changed since the stated versions,
    ``PermissionDenied`` unless ``user`` reviews glossary terms.
    """
    if not can_review(user):
        raise PermissionDenied(_("Only reviewers merge glossary concepts."))
    locked = {
        c.pk: c
        for c in Concept.objects.select_for_update().filter(
            pk__in=[source.pk, target.pk]
        )
    }
    source, target = locked.get(source.pk), locked.get(target.pk)
    if (
        source is None
        or target is None
        or source.pk == target.pk
        or (source.version, target.version) != (source_version, target_version)
    ):
        raise GlossaryConflict(
            _("Someone else changed these concepts; reload the page and try again.")
        )
    result = Merged(target)
    had = {
        (t.language, t.text): t
        for t in Term.objects.select_for_update().filter(concept=target)
    }
    moved = []
    for term in Term.objects.select_for_update().filter(concept=source).order_by("id"):
        if (term.language, term.text) in had:
            result.doubled.append("%s (%s)" % (term.text, term.language))
            kept = had[(term.language, term.text)]
            extra = kept.extra + [n for n in term.extra if n not in kept.extra]
            if extra != kept.extra:
                kept.extra = extra
                kept.version += 1
                kept.save(update_fields=["extra", "version"])
            continue
        term.concept = target
        term.version += 1
        moved.append(term)
    Term.objects.bulk_update(moved, ["concept", "version"])
    for name in CONCEPT_FIELDS:
        for language in UI_LANGUAGES:
            column = build_localized_fieldname(name, language)
            joined = _join(getattr(target, column) or "", getattr(source, column) or "")
            setattr(target, column, joined)
    target.extra = target.extra + [n for n in source.extra if n not in target.extra]
    target.version += 1
    target.save()
    TermRevision.objects.filter(concept=source).update(concept=target)
    note = gettext_noop("Merged concept %(id)s into this one.")
    values = {"id": source.pk}
    if result.doubled:
        note = gettext_noop(
            "Merged concept %(id)s into this one. Both had %(terms)s: kept once."
        )
        values["terms"] = ", ".join(result.doubled)
    source.delete()
    record_change(
        concept=target,
        term=None,
        action=Action.MERGED,
        user=user,
        note=note,
        note_values=values,
    )
    return result


@transaction.atomic
def keep_apart(*, pair: PossibleDuplicate, user) -> PossibleDuplicate:
    """Remember that the two concepts are different, so the pair is not listed again."""
    if not can_review(user):
        raise PermissionDenied(_("Only reviewers merge glossary concepts."))
    locked = PossibleDuplicate.objects.select_for_update().get(pk=pair.pk)
    locked.kept_apart = True
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.save()
    return locked
