"""Where commands write their files."""

import sys
from pathlib import Path

from django.core.management.base import CommandError


def write_chunks(chunks, output: str | None) -> None:
    """Write to stdout, or to a file that appears only once it is complete."""
    if not output or output == "-":
        sys.stdout.flush()
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
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
