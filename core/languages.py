"""Language codes: normalise once, at the edge, to BCP 47.

``zh-HK``, ``zh_TW``, ``zh-hant`` become ``zh-Hant``; ``zh-CN``, ``zh_SG``,
``zh-hans`` become ``zh-Hans``. Everything else keeps its primary subtag in
lower case and a region in upper case (``pt_br`` -> ``pt-BR``).
"""

from django.utils.translation import gettext_lazy as _

TRADITIONAL_REGIONS = {"HK", "MO", "TW"}
SIMPLIFIED_REGIONS = {"CN", "SG", "MY"}

#: Languages offered in forms, in the order a Hong Kong team uses them.
LANGUAGE_NAMES = {
    "en": _("English"),
    "zh-Hant": _("Traditional Chinese (Hong Kong)"),
    "zh-Hans": _("Simplified Chinese"),
    "fr": _("French"),
    "de": _("German"),
    "es": _("Spanish"),
    "pt": _("Portuguese"),
    "ja": _("Japanese"),
    "ko": _("Korean"),
}


class UnknownLanguage(ValueError):
    """A code that is not a language tag at all."""


def normalise(code: str) -> str:
    """Return the canonical BCP 47 form of ``code``.

    Raises ``UnknownLanguage`` for an empty or malformed code.
    """
    raw = (code or "").strip().replace("_", "-")
    parts = [p for p in raw.split("-") if p]
    if not parts or not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        raise UnknownLanguage(code)
    primary = parts[0].lower()
    rest = parts[1:]
    if primary == "zh":
        return _chinese(rest)
    out = [primary]
    for part in rest:
        if not part.isalnum() or len(part) > 8:
            raise UnknownLanguage(code)
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _chinese(subtags: list[str]) -> str:
    """The script a Chinese tag names, by its script or region subtag.

    A tag that names neither (``zh-XX``, a malformed subtag) is refused, not
    guessed; only a bare ``zh`` is read as Simplified, the form most tools
    mean by it.
    """
    if any(not part.isalnum() or len(part) > 8 for part in subtags):
        raise UnknownLanguage("-".join(["zh", *subtags]))
    for part in subtags:
        low = part.lower()
        if low == "hant":
            return "zh-Hant"
        if low == "hans":
            return "zh-Hans"
    for part in subtags:
        if part.upper() in TRADITIONAL_REGIONS:
            return "zh-Hant"
        if part.upper() in SIMPLIFIED_REGIONS:
            return "zh-Hans"
    if subtags:
        raise UnknownLanguage("-".join(["zh", *subtags]))
    return "zh-Hans"


def display_name(code: str) -> str:
    """Return the localized name of a normalised language code, or the code."""
    return str(LANGUAGE_NAMES.get(code, code))


def parse_languages(value: str | list[str] | None) -> list[str]:
    """Normalise a comma-separated list (or list) of language codes."""
    items = value.split(",") if isinstance(value, str) else (value or [])
    codes = []
    for item in items:
        if item.strip():
            code = normalise(item)
            if code not in codes:
                codes.append(code)
    return codes
