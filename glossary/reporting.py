"""A glossary import's counted account, as one sentence for people."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def import_summary(result: dict) -> str:
    """The counted account of an import, as one sentence for the UI."""
    text = ngettext(
        "%(created)d concept created, %(merged)d merged into existing ones, "
        "%(updated)d updated, %(duplicates)d possible duplicates left for review; "
        "terms: %(terms_created)d created, %(terms_updated)d updated, "
        "%(terms_unchanged)d unchanged.",
        "%(created)d concepts created, %(merged)d merged into existing ones, "
        "%(updated)d updated, %(duplicates)d possible duplicates left for review; "
        "terms: %(terms_created)d created, %(terms_updated)d updated, "
        "%(terms_unchanged)d unchanged.",
        result["concepts_created"],
    ) % {
        "created": result["concepts_created"],
        "merged": result["concepts_merged"],
        "updated": result["concepts_updated"],
        "duplicates": result["possible_duplicates"],
        "terms_created": result["terms_created"],
        "terms_updated": result["terms_updated"],
        "terms_unchanged": result["terms_unchanged"],
    }
    lost = [
        "%s × %d" % (name, count)
        for name, count in [
            *result["not_kept"].items(),
            *result["columns_not_kept"].items(),
        ]
    ]
    if lost:
        text += " " + _("Not kept: %(what)s.") % {"what": ", ".join(lost)}
    if result["dry_run"]:
        text = _("Dry run, nothing written: %(summary)s") % {"summary": text}
    return text
