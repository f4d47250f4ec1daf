"""What every management command shares: its arguments and where it writes.

A bad argument is one line and exit status 1 (``CommandError``); a file is
written whole or not at all.
"""

import sys
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import CommandError

from core.languages import ScriptNotNamed, UnknownLanguage, normalise


def language(code: str, normaliser: Callable[[str], str] = normalise) -> str:
    """The normalised form of a language code given on the command line."""
    try:
        return normaliser(code)
    except ScriptNotNamed as error:
        raise CommandError(
            "%r does not say which Chinese script: give zh-Hant (Traditional)"
            " or zh-Hans (Simplified)" % code
        ) from error
    except UnknownLanguage as error:
        raise CommandError("unknown language code %r" % str(error)) from error


def stdin_text() -> str:
    """The UTF-8 text on standard input; one line and exit 1 if it is not text.

    Refused: bytes that are not UTF-8 (naming the first) and NUL characters
    (naming the line), which no stored text may hold.
    """
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            "stdin: the text is not UTF-8 (byte %d)" % (error.start + 1)
        ) from error
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CommandError("stdin line %d: a NUL character" % line)
    return text


def write_chunks(chunks, output: str | None) -> None:
    """Write to stdout, or to a file that appears only once it is complete."""
    if not output or output == "-":
        sys.stdout.flush()
        try:
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        finally:
            # A reader gone away (``| head``) stops the export here: close the
            # generators now, while their database cursor can still be closed.
            close = getattr(chunks, "close", None)
            if close:
                close()
        return
    path = Path(output)
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError("%s: %s" % (output, error.strerror)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
