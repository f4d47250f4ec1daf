"""Time the editor on a 5,000-sentence document; prints JSON.

Builds a throw-away SQLite database (or uses DATABASE_URL), imports a
document of 5,000 sentences made from the seed press release, approves the
seed glossary, and times the editor page (first, middle and last page, a
status filter, a text search), the side panel and a save, through Django's
test client. Run: ``.venv/bin/python benchmarks/editor.py``.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="editor-bench-")
os.environ.setdefault("DATABASE_URL", "sqlite:///%s/bench.sqlite3" % TMP)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SENTENCES = 5_000


def timed(client: Client, url: str, data=None, repeat: int = 5) -> dict:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = (
            client.post(url, data, HTTP_HX_REQUEST="true")
            if data is not None
            else client.get(url)
        )
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return {"median_ms": round(1000 * statistics.median(times), 1)}


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import Group, User

    from exchange.importing import import_document
    from exchange.seeding import load_seed_glossary
    from translations.models import Translation

    load_seed_glossary()
    seed = (ROOT / "seeds" / "000_a73269a67c9f1785.txt").read_text()
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    body, count, n = [], 0, 0
    from documents.segmentation import split_sentences

    while count < SENTENCES:
        paragraph = paragraphs[n % len(paragraphs)]
        n += 1
        text = "%s (part %d)" % (paragraph.strip(), n)
        body.append(text)
        count += len(split_sentences(text, "en"))
    started = time.perf_counter()
    document = import_document(
        data="\n\n".join(body).encode(), filename="long.txt", source_language="en"
    )
    import_seconds = time.perf_counter() - started
    user = User.objects.create_user("bench", password="bench-pw")
    user.groups.add(Group.objects.get(name="reviewers"))
    client = Client()
    client.force_login(user)
    segments = document.segments.count()
    base = "/documents/%d/translate/zh-Hant/" % document.pk
    pages = -(-segments // 50)
    first = Translation.objects.filter(
        segment__document=document, language="zh-Hant"
    ).order_by("segment__position")[2500]
    results = {
        "sentences": segments,
        "import_seconds": round(import_seconds, 2),
        "editor_first_page": timed(client, base),
        "editor_middle_page": timed(client, base + "?page=%d" % (pages // 2)),
        "editor_last_page": timed(client, base + "?page=%d" % pages),
        "editor_needing_work_filter": timed(client, base + "?status=todo&page=40"),
        "editor_text_search": timed(client, base + "?q=Qianhai+Authority"),
        "panel": timed(client, "/translations/%d/panel/" % first.pk),
        "document_list": timed(client, "/"),
        "database": django.db.connection.vendor,
    }
    save_times = []
    for i in range(5):
        first.refresh_from_db()
        started = time.perf_counter()
        client.post(
            "/translations/%d/save/" % first.pk,
            {"text": "譯文 %d" % i, "status": "translated", "version": first.version},
            HTTP_HX_REQUEST="true",
        )
        save_times.append(time.perf_counter() - started)
    results["save"] = {"median_ms": round(1000 * statistics.median(save_times), 1)}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
