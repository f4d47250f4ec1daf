"""House-style overrides: change one, keeping a revision; converters follow."""

from django.db import transaction
from django.utils.translation import gettext as _

from conversion.models import ConversionOverride, ConversionOverrideRevision
from glossary.stamps import bump_glossary_stamp


class OverrideConflict(Exception):
    """The override changed since the user loaded it."""


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
        if override.version != expected_version:
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
    _record_change(override=override, user=user)
    return override


def _record_change(*, override: ConversionOverride, user) -> None:
    """Keep a revision of an override and make every converter rebuild."""
    ConversionOverrideRevision.objects.create(
        override=override, snapshot=_snapshot(override), author=user
    )
    # the converters follow the stamp; no concept (and no check) changed
    bump_glossary_stamp(concepts=())
