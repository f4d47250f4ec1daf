"""Stored quality warnings: kept with the translation, never recomputed per view.

The checks of ``translations.qa`` run when a translation is saved (every
save goes through ``translations.writing.change_translation``, which calls
``refresh_warnings``) and when the glossary changes (``glossary_changed``,
connected in ``workbench.apps``: the translations whose sentence or text
holds a changed concept's term, and those with a glossary warning now, are
checked again). The pages read the stored rows: a badge per sentence, a
"with warnings" filter, the list in the panel and the review queue.

A warning that comes back unchanged after a save (the same check, message
and values: ``Finding.key``) is the same warning: it keeps its "checked"
mark, who set it, when, and at which version. A warning that no longer
applies is removed; a new one is open.

An untranslated sentence has no warnings: it is work to do, not a problem.

Bulk work (a file of translations, pre-translation, conversion, a new
version of a document) runs inside ``deferred()``: the saves queue their
sentences and the checks run once at the end, in chunks, with one read of
the glossary, instead of once per save.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from core.statuses import Status
from documents.models import Segment
from glossary.matching import current_matcher
from glossary.models import Term
from translations.models import QualityWarning, Translation
from translations.qa import check_translation

#: Above this many changed terms, every translated sentence is checked again
#: rather than searched term by term.
TERM_SEARCH_LIMIT = 50
#: Translations checked per database round trip in a sweep.
CHUNK = 500

#: The sentences saved inside ``deferred()``, by id, waiting for the checks.
_queue: ContextVar[dict[int, Translation] | None] = ContextVar(
    "warnings_queue", default=None
)


def findings_for(translation: Translation, matcher=None, segment=None) -> list:
    """What the checks find in one translation now (nothing if untranslated).

    ``segment`` is the translation's, with its document, if already loaded.
    """
    if translation.status == Status.UNTRANSLATED or not translation.text.strip():
        return []
    segment = segment or translation.segment
    return check_translation(
        source=segment.source,
        source_language=segment.document.source_language,
        target=translation.text,
        target_language=translation.language,
        matcher=matcher,
    )


@contextmanager
def deferred() -> Iterator[None]:
    """Check the sentences saved inside once, at the end, in chunks.

    Nested uses join the outer one. Nothing is checked if the block fails
    (its transaction is rolled back anyway).
    """
    if _queue.get() is not None:
        yield
        return
    token = _queue.set({})
    try:
        yield
        waiting = list(_queue.get().values())
    finally:
        _queue.reset(token)
    for start in range(0, len(waiting), CHUNK):
        refresh_warnings(waiting[start : start + CHUNK])


@transaction.atomic
def refresh_warnings(translations: Iterable[Translation]) -> int:
    """Store what the checks find now; return how many warnings are open.

    The translations are read again under a row lock (in id order), so that
    a save and a glossary change checking the same sentence at once take
    turns, and each stores what the checks find in the text as it is now.
    Inside ``deferred()`` the translations are queued instead (and 0
    returned).
    """
    queue = _queue.get()
    if queue is not None:
        queue.update((t.pk, t) for t in translations)
        return 0
    translations = list(
        Translation.objects.select_for_update()
        .filter(pk__in=[t.pk for t in translations])
        .order_by("pk")
    )
    if not translations:
        return 0
    matcher = current_matcher()
    segments = Segment.objects.select_related("document").in_bulk(
        {t.segment_id for t in translations}
    )
    stored: dict[int, dict[str, QualityWarning]] = {t.pk: {} for t in translations}
    for warning in QualityWarning.objects.filter(translation__in=translations):
        stored[warning.translation_id][warning.key] = warning
    new, moved, gone = [], [], []
    open_count = 0
    for translation in translations:
        segment = segments[translation.segment_id]
        found = {f.key: f for f in findings_for(translation, matcher, segment)}
        kept = stored[translation.pk]
        gone += [w.pk for key, w in kept.items() if key not in found]
        for key, finding in found.items():
            warning = kept.get(key)
            if warning is None:
                new.append(QualityWarning.from_finding(translation, finding))
                open_count += 1
                continue
            open_count += warning.is_open
            if (warning.start, warning.end) != (finding.start, finding.end):
                warning.start, warning.end = finding.start, finding.end
                moved.append(warning)
    QualityWarning.objects.filter(pk__in=gone).delete()
    QualityWarning.objects.bulk_create(new, batch_size=CHUNK)
    QualityWarning.objects.bulk_update(moved, ["start", "end"], batch_size=CHUNK)
    return open_count


def _checked_again(concepts: set[int] | None) -> "Q | None":
    """Which translations a change of these concepts may concern (None: all)."""
    if concepts is None:
        return None
    texts = set(
        Term.objects.filter(concept_id__in=concepts).values_list("text", flat=True)
    )
    if len(texts) > TERM_SEARCH_LIMIT:
        return None
    query = Q(warnings__check_name="glossary")
    for text in texts:
        query |= Q(segment__source__icontains=text) | Q(text__icontains=text)
    return query


def refresh_for_glossary(concepts: set[int] | None) -> int:
    """Check again the translations a glossary change concerns; return how many."""
    if concepts is not None and not concepts:
        return 0
    translations = Translation.objects.active().exclude(status=Status.UNTRANSLATED)
    query = _checked_again(concepts)
    if query is not None:
        translations = translations.filter(query).distinct()
    return _refresh_each(translations)


def on_glossary_changed(sender, concepts: set[int] | None = None, **kwargs) -> None:
    """The receiver of ``glossary.stamps.glossary_changed``."""
    refresh_for_glossary(concepts)


def refresh_all(progress=None) -> int:
    """Check every current translation again (after an upgrade); return how many.

    ``progress`` is called with the number done after each chunk.
    """
    return _refresh_each(Translation.objects.active(), progress)


def _refresh_each(translations, progress=None) -> int:
    """Refresh the warnings of a queryset's translations, a chunk at a time."""
    done = 0
    batch: list[Translation] = []
    for translation in translations.order_by("pk").iterator(chunk_size=CHUNK):
        batch.append(translation)
        if len(batch) >= CHUNK:
            refresh_warnings(batch)
            done, batch = done + len(batch), []
            if progress:
                progress(done)
    refresh_warnings(batch)
    done += len(batch)
    if progress:
        progress(done)
    return done


def accept_open(translation: Translation, user) -> list[str]:
    """Mark the open warnings checked by ``user``; return their checks' names."""
    warnings = list(translation.warnings.open())
    now = timezone.now()
    for warning in warnings:
        warning.mark(user, translation.version, now)
    QualityWarning.objects.bulk_update(warnings, QualityWarning.MARK_FIELDS)
    return sorted({w.check_name for w in warnings})


def open_counts(translation_ids: Iterable[int]) -> dict[int, int]:
    """The number of open warnings of each translation (absent: none)."""
    return dict(
        QualityWarning.objects.open()
        .filter(translation_id__in=list(translation_ids))
        .values_list("translation_id")
        .annotate(n=Count("id"))
    )


def with_open_warnings(translations):
    """Narrow a queryset of translations to those with an open warning."""
    return translations.filter(
        pk__in=QualityWarning.objects.open().values("translation_id")
    )
