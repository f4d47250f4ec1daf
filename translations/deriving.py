"""Derive one Chinese script's translations from the other's by conversion.

A derived translation is a draft with origin "conversion": a person still
checks it. Approved translations and translations a person wrote (or that
came from a file or the memory) are never overwritten; an earlier derived
draft is refreshed.
"""

from collections import Counter
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from conversion.configs import DEFAULT_CONFIG
from conversion.engine import converter
from core.statuses import Origin, Status
from documents.models import Document, Segment
from translations.models import Translation
from translations.warnings import deferred
from translations.writing import EditConflict, change_translation, ensure_translations


class DeriveRefused(ValueError):
    """A derivation that cannot be done; the message says why."""


def check_pair(document: Document, from_language: str, to_language: str) -> str:
    """The OpenCC configuration for the pair, or ``DeriveRefused``."""
    config = DEFAULT_CONFIG.get((from_language, to_language))
    if config is None:
        raise DeriveRefused(
            _("Conversion works between zh-Hans and zh-Hant, not %(a)s to %(b)s.")
            % {"a": from_language, "b": to_language}
        )
    if to_language not in document.target_languages:
        raise DeriveRefused(
            _("%(lang)s is not a target language of this document.")
            % {"lang": to_language}
        )
    if (
        from_language != document.source_language
        and from_language not in document.target_languages
    ):
        raise DeriveRefused(
            _("%(lang)s is neither the source nor a target of this document.")
            % {"lang": from_language}
        )
    return config


def _derive_one(
    segment: Segment,
    origin_text: str,
    target: Translation,
    config: str,
    user,
    from_language: str,
) -> str:
    if not origin_text.strip():
        return "skipped_no_source"
    if target.status == Status.APPROVED:
        return "skipped_approved"
    if target.status != Status.UNTRANSLATED and target.origin != Origin.CONVERSION:
        return "skipped_human"
    text = converter(config).convert(origin_text)
    if target.origin == Origin.CONVERSION and target.text == text:
        return "unchanged"
    try:
        change_translation(
            translation=target,
            text=text,
            status=Status.DRAFT,
            origin=Origin.CONVERSION,
            user=user,
            note=gettext_noop("Converted from %(lang)s."),
            note_values={"lang": from_language},
            expected_version=target.version,
        )
    except EditConflict:
        return "skipped_changed"  # someone saved it meanwhile: theirs stands
    return "derived"


@transaction.atomic
@deferred()
def derive(
    *,
    document: Document,
    from_language: str,
    to_language: str,
    user=None,
    segments: list[Segment] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Fill to_language from from_language for a document (or some sentences).

    Returns counts: derived, unchanged, and skipped with their reasons.
    """
    config = check_pair(document, from_language, to_language)
    chosen = segments if segments is not None else list(document.segments.active())
    ensure_translations(chosen, [to_language])
    ids = [s.pk for s in chosen]
    targets = {
        t.segment_id: t
        for t in Translation.objects.filter(segment_id__in=ids, language=to_language)
    }
    if from_language == document.source_language:
        origins = {s.pk: s.source for s in chosen}
    else:
        origins = dict(
            Translation.objects.filter(segment_id__in=ids, language=from_language)
            .exclude(status=Status.UNTRANSLATED)
            .values_list("segment_id", "text")
        )
    counts: Counter = Counter()
    for segment in chosen:
        if progress:
            progress(1)
        counts[
            _derive_one(
                segment,
                origins.get(segment.pk, ""),
                targets[segment.pk],
                config,
                user,
                from_language,
            )
        ] += 1
    return {
        key: counts[key]
        for key in (
            "derived",
            "unchanged",
            "skipped_approved",
            "skipped_human",
            "skipped_changed",
            "skipped_no_source",
        )
    }


def derive_source(document: Document, language: str) -> str:
    """Return the other Chinese script this language can be converted from."""
    other = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant"}.get(language, "")
    if other and (
        other == document.source_language or other in document.target_languages
    ):
        return other
    return ""


def describe_derivation(counts: dict) -> str:
    """The line that tells what a conversion from the other script did."""
    skipped = (
        counts["skipped_approved"] + counts["skipped_human"] + counts["skipped_changed"]
    )
    converted = counts["derived"] + counts["unchanged"]
    return ngettext(
        "%(derived)d sentence converted from %(from)s as a draft; "
        "%(skipped)d approved or human translations left as they were; "
        "%(missing)d without a %(from)s text.",
        "%(derived)d sentences converted from %(from)s as drafts; "
        "%(skipped)d approved or human translations left as they were; "
        "%(missing)d without a %(from)s text.",
        converted,
    ) % {
        "derived": converted,
        "from": counts["from_language"],
        "skipped": skipped,
        "missing": counts["skipped_no_source"],
    }
