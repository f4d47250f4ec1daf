"""Messages of the workbench stored in no language, shown in the reader's.

A history note or a stored warning written while a Chinese-speaking user
works is read later by someone else: it is kept as the English template
(marked with ``gettext_noop`` where it is written) and the values that fill
it, and rendered where it is read.
"""

from django.utils.translation import gettext


def localised(template: str, values: dict | None) -> str:
    """Render an English template in the active language, filled with ``values``.

    ``values`` of ``None`` means the text is somebody's own words, shown as
    written; a dict (possibly empty) means a message of the workbench.
    """
    if values is None:
        return template
    text = gettext(template)
    return text % values if values else text
