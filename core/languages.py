"""Language codes: normalise once, at the edge, to BCP 47.

``zh-HK``, ``zh_TW``, ``zh-hant`` become ``zh-Hant``; ``zh-CN``, ``zh_SG``,
``zh-hans`` become ``zh-Hans``. Everything else keeps its primary subtag in
lower case and a region in upper case (``pt_br`` -> ``pt-BR``).

A bare ``zh`` names no script, and the two scripts are two languages here:
``normalise`` refuses it (``ScriptNotNamed``, an ``UnknownLanguage``), so a
person is asked to say ``zh-Hant`` or ``zh-Hans`` and no file's text is
filed under a script by guess. A reader that measures the script of the text
itself asks for the bare code back (``normalise(code, bare_chinese=True)``
returns ``BARE_CHINESE``).

``variant`` keeps what ``normalise`` folds away, for those who keep a tag as
it came (the translation memory): ``zh_tw`` -> ``zh-TW``, ``EN-gb`` ->
``en-GB``, ``zh-hant-hk`` -> ``zh-Hant-HK``.
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


#: A Chinese tag naming no script: its text says which (``conversion.scripts``).
BARE_CHINESE = "zh"


class UnknownLanguage(ValueError):
    """A code that is not a language tag at all."""


class ScriptNotNamed(UnknownLanguage):
    """A bare ``zh``: Chinese, without saying Traditional or Simplified."""


def normalise(code: str, *, bare_chinese: bool = False) -> str:
    """Return the canonical BCP 47 form of ``code``.

    Raises ``UnknownLanguage`` for an empty or malformed code, and
    ``ScriptNotNamed`` for a bare ``zh`` unless ``bare_chinese`` (then
    ``BARE_CHINESE`` comes back, for the caller to measure the text).
    """
    primary, rest = _subtags(code)
    if primary == "zh":
        if not rest and bare_chinese:
            return BARE_CHINESE
        return _chinese(rest)
    return "-".join([primary, *rest])


def variant(code: str) -> str:
    """Return ``code`` as a BCP 47 tag in canonical case, every subtag kept.

    ``en_gb`` -> ``en-GB``, ``zh-tw`` -> ``zh-TW``, ``ZH`` -> ``zh``. Raises
    ``UnknownLanguage`` for what ``normalise`` refuses (a bare ``zh``
    excepted): ``normalise(variant(code))`` is the language it belongs to.
    """
    primary, rest = _subtags(code)
    if primary == "zh" and rest:
        _chinese(rest)
    return "-".join([primary, *rest])


def _subtags(code: str) -> tuple[str, list[str]]:
    """The primary subtag in lower case and the others in canonical case."""
    raw = (code or "").strip().replace("_", "-")
    parts = [p for p in raw.split("-") if p]
    primary = parts[0] if parts else ""
    if not (primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3):
        raise UnknownLanguage(code)
    rest = []
    for part in parts[1:]:
        if not part.isalnum() or not part.isascii() or len(part) > 8:
            raise UnknownLanguage(code)
        if len(part) == 4 and part.isalpha():
            rest.append(part.title())
        elif len(part) in (2, 3):
            rest.append(part.upper())
        else:
            rest.append(part.lower())
    return primary.lower(), rest


def _chinese(subtags: list[str]) -> str:
    """The script a Chinese tag names, by its script or region subtag.

    A tag that names neither (``zh-XX``, a bare ``zh``) is refused, not
    guessed.
    """
    if not subtags:
        raise ScriptNotNamed(BARE_CHINESE)
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
    raise UnknownLanguage("-".join(["zh", *subtags]))


#: The region each Chinese script is used in when a tag names none: the
#: workbench's Traditional is Hong Kong's (``LANGUAGE_NAMES``).
DEFAULT_REGIONS = {"zh-Hant": "HK", "zh-Hans": "CN"}


def usage(code: str) -> tuple[str, str]:
    """Return (language, region) of a tag: where its text is used.

    ``zh-HK``, ``zh-Hant-HK`` and ``zh-Hant`` are all Hong Kong Traditional;
    ``zh-TW`` is Taiwan's; ``en-GB`` is ``("en", "GB")``, ``sr-Latn-RS``
    ``("sr-Latn", "RS")``; a tag naming no region (``en``, a bare ``zh``) has
    ``""``. Raises ``UnknownLanguage``.
    """
    primary, rest = _subtags(code)
    regions = [
        part
        for part in rest
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
    ]
    region = regions[0] if regions else ""
    if primary == "zh":
        if not rest:
            return BARE_CHINESE, ""
        language = _chinese(rest)
        return language, region or DEFAULT_REGIONS[language]
    scripts = [part for part in rest if len(part) == 4 and part.isalpha()]
    return "-".join([primary, *scripts[:1]]), region


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
