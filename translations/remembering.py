"""Approved translations feed the memory: the one bridge from work to reuse.

``change_translation`` calls ``remember`` on every approval, so the editor,
the review queue, bulk review and file imports all feed the memory the same
way.
"""

from django.db import transaction
from django.utils import timezone

from core.statuses import Status
from memory.models import MemoryEntry, MemorySource
from memory.store import Pair, forget, link, segment_context, store
from translations.models import Translation


@transaction.atomic
def remember(translation: Translation) -> MemoryEntry | None:
    """Put an approved translation into the memory, or bring its entry up to date.

    An entry made from this translation alone before is replaced by the new
    pair (the revision history keeps the old text); one that was also met
    elsewhere stays in the memory.
    """
    if translation.status != Status.APPROVED or not translation.text.strip():
        return None
    segment = translation.segment
    document = segment.document
    user = translation.updated_by
    pair = Pair(  # the languages as the document has them: en-GB stays en-GB
        source_language=document.source_language,
        source=segment.source,
        target_language=translation.language,
        target=translation.text,
        source_kind=MemorySource.APPROVAL,
        origin=document.title[:255],
        key=segment.key[:255],
        context=segment_context(segment),
        author=user.get_username() if user else "",
        created_at=timezone.now(),
        codes=segment.codes or {},
    )
    previous = MemoryEntry.objects.filter(translation=translation).first()
    if previous is not None and previous.pair_key != pair.pair_key:
        if previous.times_merged:
            # Met elsewhere too (a TMX, another document): it stays theirs.
            link(previous, translation_id=None, context=previous.context)
        else:
            forget([previous])
    added, merged, ids = store([pair])
    entry = MemoryEntry.objects.get(pk=ids[0])
    if entry.translation_id is None:
        link(entry, translation_id=translation.pk, context=pair.context)
    return entry
