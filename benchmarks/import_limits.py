"""Measure the web imports at their limits, against gunicorn's 120 s timeout.

A document of ``MAX_DOCUMENT_SENTENCES`` short sentences with two target
languages (the worst shape for the limit: more sentences per byte means more
rows), and a PO file of ``MAX_UPLOAD_UNITS`` translations brought back into
it: each must end well inside the worker timeout the README documents.

Run: ``.venv/bin/python benchmarks/import_limits.py [--database sqlite
postgresql]``. One JSON line per database.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from databases import fresh_database, machine, setup_django


def measure(database_url: str) -> dict:
    setup_django(database_url)
    from django.conf import settings
    from django.core.management import call_command

    from exchange.importing import import_document
    from exchange.translations import import_translations, read_translations
    from formats.bilingual import Unit, po
    from translations.models import Translation

    call_command("migrate", verbosity=0)
    sentences = settings.MAX_DOCUMENT_SENTENCES
    text = "\n\n".join(
        " ".join("Sentence %d is here." % n for n in range(start, start + 10))
        for start in range(0, sentences, 10)
    )
    started = time.perf_counter()
    document = import_document(
        data=text.encode(),
        filename="limit.txt",
        source_language="en",
        targets=["zh-Hant", "zh-Hans"],
    )
    document_seconds = time.perf_counter() - started
    units = settings.MAX_UPLOAD_UNITS
    rows = (
        Translation.objects.filter(segment__document=document, language="zh-Hant")
        .select_related("segment")
        .order_by("segment__position")[:units]
    )
    data = b"".join(
        po.write(
            [
                Unit(key=r.segment.key, source=r.segment.source, target="譯文%d" % n,
                     status="translated")
                for n, r in enumerate(rows)
            ],
            source_language="en",
            target_language="zh-Hant",
            project=document.title,
        )
    )  # fmt: skip
    started = time.perf_counter()
    catalogue = read_translations(
        data, "back.po", document=document, language="zh-Hant", max_units=units
    )
    counts = import_translations(
        document=document, language="zh-Hant", catalogue=catalogue
    )
    po_seconds = time.perf_counter() - started
    assert counts.updated == units, counts.as_dict()
    return {
        "database": database_url.split(":")[0],
        "document_sentences": sentences,
        "document_import_s": round(document_seconds, 1),
        "po_units": units,
        "po_import_s": round(po_seconds, 1),
        "worker_timeout_s": 120,
        "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    if args.database_url:
        print(json.dumps(measure(args.database_url)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.database:
            url = fresh_database(kind, Path(tmp))
            subprocess.run(
                [sys.executable, __file__, "--database-url", url], check=True
            )


if __name__ == "__main__":
    main()
