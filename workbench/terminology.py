"""The terminology conversion obeys: glossary pairs and house-style overrides."""

from django.db import transaction
from django.utils.translation import gettext as _

from glossary.models import Approval, Term, Usage
from glossary.stamps import bump_glossary_stamp
from workbench.conversion import GLOSSARY_DIRECTION
from workbench.models import ConversionOverride, ConversionOverrideRevision

USAGE_ORDER = [Usage.PREFERRED, Usage.ADMITTED, Usage.DEPRECATED, Usage.FORBIDDEN]


class OverrideConflict(Exception):
    """The override changed since the user loaded it."""


def glossary_pairs(config: str) -> dict[str, str]:
    """Return source-script term -> target-script term for a configuration.

    Each approved term in the source script maps to the approved term of the
    same concept in the target script with the same usage, else the
    preferred one, else any.
    """
    direction = GLOSSARY_DIRECTION.get(config)
    if direction is None:
        return {}
    source_language, target_language = direction
    by_concept: dict[int, dict[str, list[tuple[str, str]]]] = {}
    rows = (
        Term.objects.filter(
            approval=Approval.APPROVED, language__in=[source_language, target_language]
        )
        .order_by("id")
        .values_list("concept_id", "language", "usage", "text")
    )
    for concept_id, language, usage, text in rows:
        by_concept.setdefault(concept_id, {}).setdefault(language, []).append(
            (usage, text)
        )
    pairs: dict[str, str] = {}
    for languages in by_concept.values():
        targets = languages.get(target_language)
        if not targets:
            continue
        for usage, text in languages.get(source_language, []):
            same = [t for u, t in targets if u == usage]
            ranked = sorted(targets, key=lambda item: USAGE_ORDER.index(item[0]))
            pairs.setdefault(text, same[0] if same else ranked[0][1])
    return pairs


def override_pairs(variant: str) -> dict[str, str]:
    """Return the active house-style overrides for a target variant."""
    return dict(
        ConversionOverride.objects.filter(variant=variant, is_active=True).values_list(
            "source_text", "target_text"
        )
    )


def _snapshot(override: ConversionOverride) -> dict:
    return {
        "variant": override.variant,
        "source_text": override.source_text,
        "target_text": override.target_text,
        "note": override.note,
        "is_active": override.is_active,
        "version": override.version,
    }


@transaction.atomic
def save_override(
    *,
    user,
    variant: str,
    source_text: str,
    target_text: str,
    note: str = "",
    is_active: bool = True,
    override: ConversionOverride | None = None,
    expected_version: int | None = None,
) -> ConversionOverride:
    """Create or change an override, keeping a revision; conversions follow at once."""
    if override is None:
        override = ConversionOverride(variant=variant, source_text=source_text)
    else:
        override = ConversionOverride.objects.select_for_update().get(pk=override.pk)
        if expected_version is not None and override.version != expected_version:
            raise OverrideConflict(
                _("Someone else changed this override; reload the page and try again.")
            )
        override.version += 1
    override.variant = variant
    override.source_text = source_text
    override.target_text = target_text
    override.note = note
    override.is_active = is_active
    override.updated_by = user
    override.save()
    record_override_change(override=override, user=user)
    return override


def record_override_change(*, override: ConversionOverride, user) -> None:
    """Keep a revision of an override and make every converter rebuild."""
    ConversionOverrideRevision.objects.create(
        override=override, snapshot=_snapshot(override), author=user
    )
    bump_glossary_stamp()
