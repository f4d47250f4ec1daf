"""Pre-translation: fill a document's untranslated sentences from the memory.

A filled sentence is a draft with origin "memory" and the match's score: a
person still checks it. Only sentences that are untranslated and empty are
filled; anything someone wrote, imported, derived or approved is left alone.
Exact matches (100, 101 with the same neighbours) are used, and fuzzy ones
down to the threshold. The memory compares text without inline codes; the
target takes the sentence's codes (``core.inline.map_codes``: the match's
codes renumbered as the sentence numbers them). When they cannot be placed
(the two sources' codes differ in number or kind) the target is written
without codes, still a draft, and counted as ``codes_not_placed``: the code
check (``translations.qa``) then names the missing ones.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.inline import has_codes, map_codes, plain
from core.statuses import Origin, Status
from documents.models import Document
from memory.lookup import lookup
from memory.store import context_digest
from translations.models import Translation
from translations.warnings import deferred
from translations.writing import EditConflict, change_translation, ensure_translations

#: The default lowest fuzzy score filled in.
DEFAULT_THRESHOLD = 75


class PretranslateRefused(ValueError):
    """A pre-translation that cannot be done; the message says why."""


def check_request(*, document: Document, language: str, threshold: int) -> None:
    """Refuse a pre-translation that cannot be done (``PretranslateRefused``)."""
    if language not in document.target_languages:
        raise PretranslateRefused(
            _("%(lang)s is not a target language of this document.")
            % {"lang": language}
        )
    if not 1 <= threshold <= 100:
        raise PretranslateRefused(_("The threshold is a score from 1 to 100."))


@transaction.atomic
@deferred()
def pretranslate(
    *,
    document: Document,
    language: str,
    threshold: int = DEFAULT_THRESHOLD,
    user=None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Fill untranslated sentences of ``document`` in ``language``; return counts.

    Counts: ``exact`` and ``fuzzy`` sentences filled, ``no_match``,
    ``skipped`` (sentences that already had work in them) and, among those
    filled, ``codes_not_placed`` (filled without their inline codes).
    """
    check_request(document=document, language=language, threshold=threshold)
    segments = list(document.segments.active().order_by("position"))
    ensure_translations(segments, [language])
    translations = {
        t.segment_id: t
        for t in Translation.objects.filter(
            segment__in=[s.pk for s in segments], language=language
        )
    }
    counts = {
        "exact": 0,
        "fuzzy": 0,
        "no_match": 0,
        "skipped": 0,
        "codes_not_placed": 0,
    }
    for index, segment in enumerate(segments):
        if progress:
            progress(1)
        translation = translations[segment.pk]
        if translation.status != Status.UNTRANSLATED or translation.text.strip():
            counts["skipped"] += 1
            continue
        context = context_digest(
            segments[index - 1].source if index else "",
            segments[index + 1].source if index + 1 < len(segments) else "",
        )
        matches = lookup(
            segment.source,
            document.source_language,
            language,
            limit=1,
            threshold=threshold,
            context=context,
            differences=False,
        )
        if not matches:
            counts["no_match"] += 1
            continue
        match = matches[0]
        text, placed = with_codes(match.target, match.source, segment.source)
        try:
            change_translation(
                translation=translation,
                text=text,
                status=Status.DRAFT,
                origin=Origin.MEMORY,
                origin_score=match.score,
                user=user,
                note=gettext_noop("Filled from the memory (%(score)d%%, %(origin)s)."),
                note_values={"score": match.score, "origin": match.origin},
                expected_version=translation.version,
            )
        except EditConflict:
            counts["skipped"] += 1
            continue
        counts["exact" if match.score >= 100 else "fuzzy"] += 1
        counts["codes_not_placed"] += not placed
    return counts


def with_codes(target: str, remembered: str, source: str) -> tuple[str, bool]:
    """Return a remembered ``target`` in the codes of ``source``, and whether
    its codes could be placed.

    ``remembered`` is the source the memory holds with ``target``. Without
    codes on either side the target is taken as it is; codes that cannot be
    mapped leave the plain target (False).
    """
    if not (has_codes(source) or has_codes(remembered) or has_codes(target)):
        return target, True
    mapped = map_codes(target, remembered, source)
    if mapped is None:
        return plain(target), False
    return mapped, True
