"""Refuse a file of translations meant for something else, before anything is read in.

Another target language or Chinese script, another source language,
another document, or a language the document is not translated into: the
whole file is refused with one sentence saying why.
"""

from django.utils.translation import gettext as _

from conversion.scripts import count_scripts, script_of
from core.languages import BARE_CHINESE
from documents.models import Document
from formats.bilingual import Catalogue

__all__ = ["CHINESE", "TranslationsRefused", "check_file", "regional_variant"]

CHINESE = ("zh-Hant", "zh-Hans")


class TranslationsRefused(ValueError):
    """The whole file is for something else; nothing was imported."""


def check_file(
    catalogue: Catalogue, document: Document, language: str, file_language: str
) -> str:
    """Raise ``TranslationsRefused`` for a file meant for something else.

    Return the file's language when it is a regional variant of ``language``
    (``fr-FR`` for ``fr``: the same language, taken, the variant noted),
    else "".
    """
    if (
        file_language
        and catalogue.target_language
        not in (
            "",
            BARE_CHINESE,
            file_language,
        )
        and not regional_variant(catalogue.target_language, file_language)
    ):
        raise TranslationsRefused(
            _("the file says it is a %(file)s translation, not %(named)s")
            % {"file": catalogue.target_language, "named": file_language}
        )
    file_target = catalogue.target_language or file_language
    if file_target == BARE_CHINESE and language in CHINESE:
        # Chinese, but which script: the caller names it, or the text shows
        # one (and _check_script refuses the other, with the counts).
        file_target = file_language or (language if _measured_script(catalogue) else "")
    variant = file_target if regional_variant(file_target, language) else ""
    if file_target and file_target != language and not variant:
        raise TranslationsRefused(
            _("the file is a %(file)s translation, not %(language)s")
            % {"file": file_target, "language": language}
        )
    if not file_target and language in CHINESE:
        raise TranslationsRefused(
            _(
                "the file does not name its target language, and %(language)s "
                "is one of two Chinese scripts: name the file's language "
                'explicitly (--file-language %(language)s, or tick "the file '
                'is in this language" when uploading)'
            )
            % {"language": language}
        )
    if (
        catalogue.source_language
        and catalogue.source_language.split("-")[0]
        != document.source_language.split("-")[0]
    ):
        raise TranslationsRefused(
            _("the file's source language is %(file)s, the document's %(doc)s")
            % {"file": catalogue.source_language, "doc": document.source_language}
        )
    if catalogue.document and catalogue.document.lstrip("d") != str(document.pk):
        raise TranslationsRefused(
            _("the file belongs to document %(file)s, not %(doc)d")
            % {"file": catalogue.document.lstrip("d"), "doc": document.pk}
        )
    if language not in document.target_languages:
        raise TranslationsRefused(
            _("%(language)s is not a target language of this document")
            % {"language": language}
        )
    if language in CHINESE:
        _check_script(catalogue, language)
    return variant


def regional_variant(code: str, language: str) -> bool:
    """True if ``code`` is ``language`` with a region (fr-FR, en-GB, es-419).

    Chinese is not: its regions name a script, and the scripts differ.
    """
    base, _dash, region = code.partition("-")
    return (
        base == language
        and base != "zh"
        and (
            len(region) == 2
            and region.isalpha()
            or len(region) == 3
            and region.isdigit()
        )
    )


def _measured_script(catalogue: Catalogue) -> str | None:
    return script_of(count_scripts(_targets_text(catalogue)))


def _targets_text(catalogue: Catalogue) -> str:
    return "".join(
        unit.target + "".join(unit.plural_targets)
        for unit in catalogue.units
        if not unit.obsolete
    )


def _check_script(catalogue: Catalogue, language: str) -> None:
    """Refuse translations written in the other Chinese script than ``language``."""
    count = count_scripts(_targets_text(catalogue))
    script = script_of(count)
    if script and script != language:
        raise TranslationsRefused(
            _(
                "the translations in the file are in %(script)s, not %(language)s "
                "(%(hant)d characters only Traditional, %(hans)d only Simplified)"
            )
            % {
                "script": script,
                "language": language,
                "hant": count.traditional,
                "hans": count.simplified,
            }
        )
