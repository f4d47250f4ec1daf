"""Progress of translation per document and target language."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from core.statuses import Status
from translations.models import Translation

#: Order in which a progress bar shows the statuses, most finished first.
BAR_ORDER = [
    Status.APPROVED,
    Status.TRANSLATED,
    Status.DRAFT,
    Status.REJECTED,
    Status.UNTRANSLATED,
]


@dataclass
class LanguageProgress:
    language: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done_percent(self) -> int:
        """Share of sentences translated or approved, rounded down."""
        done = self.counts.get(Status.APPROVED, 0) + self.counts.get(
            Status.TRANSLATED, 0
        )
        return 100 * done // self.total if self.total else 0

    def parts(self) -> list[dict]:
        """Return the bar's parts: status, label, count, offset and width in percent."""
        out = []
        offset = 0.0
        for status in BAR_ORDER:
            count = self.counts.get(status, 0)
            if count:
                width = round(100 * count / self.total, 2)
                out.append(
                    {
                        "status": status.value,
                        "label": status.label,
                        "count": count,
                        "offset": round(offset, 2),
                        "width": width,
                    }
                )
                offset += width
        return out


def progress_for(document_ids: list[int]) -> dict[int, dict[str, LanguageProgress]]:
    """Return per document, per language, the count of sentences by status."""
    rows = (
        Translation.objects.filter(
            segment__document_id__in=document_ids, segment__is_active=True
        )
        .values_list("segment__document_id", "language", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[int, dict[str, LanguageProgress]] = defaultdict(dict)
    for doc_id, language, status, n in rows:
        item = out[doc_id].setdefault(language, LanguageProgress(language))
        item.counts[status] = n
    return out
