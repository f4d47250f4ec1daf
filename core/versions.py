"""The version a write was based on, as a form posts it: required, always.

A write without one (or with one that is not a number) is refused with 400
Bad Request: it could only be applied blindly, over whatever changed since.
"""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _


def posted_version(data, name: str = "version") -> int:
    """The whole-number version in ``data[name]``; ``BadRequest`` if absent."""
    value = (data.get(name) or "").strip()
    if not value.isdigit():
        raise BadRequest(_("The form did not say which version it was based on."))
    return int(value)


def posted_items(data, name: str = "ids") -> list[tuple[int, int]]:
    """``(id, version)`` pairs posted as ``id:version`` values of ``name``."""
    items = []
    for value in data.getlist(name):
        pk, _colon, version = value.partition(":")
        if not (pk.isdigit() and version.isdigit()):
            raise BadRequest(
                _("The form did not say which version each item was based on.")
            )
        items.append((int(pk), int(version)))
    return items
