"""What the overrides page shows: read models, no writes."""

from django.db.models import QuerySet

from conversion.models import ConversionOverride


def overrides_with_history() -> QuerySet[ConversionOverride]:
    """Every house-style override with its revisions and last editor."""
    return ConversionOverride.objects.prefetch_related(
        "revisions__author"
    ).select_related("updated_by")
