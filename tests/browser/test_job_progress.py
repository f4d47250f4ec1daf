"""Jobs in a real browser: a TMX upload's page shows the bar rise, then the
result, while a worker (here a thread of the test) imports the file; a
document upload's page opens the document once it is imported; an export's
page offers its file for download."""

import threading

from django.test import override_settings

import pytest

from documents.models import Document
from formats.bilingual.tmx import TmxUnit, write_tus
from jobs.models import Job, State
from jobs.running import run_job
from memory.models import MemoryEntry
from memory.tmx import import_tmx
from tests.support import DATA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNITS = 30_000
#: Enqueued jobs wait: the test plays the worker, once the page is open.
QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_the_bar_rises_and_the_result_shows(page_for, live_server, manager, tmp_path):
    path = tmp_path / "vendor.tmx"
    with open(path, "wb") as handle:
        for chunk in write_tus(
            (
                TmxUnit(
                    {
                        "en": "Unit %d of the vendor's memory." % n,
                        "zh-Hant": "供應商記憶第%d段。" % n,
                    }
                )
                for n in range(UNITS)
            ),
            source_language="en",
        ):
            handle.write(chunk)
    with override_settings(TASKS=QUEUE_ONLY):
        page = page_for(manager, "pw-mona")
        page.goto(live_server.url + "/memory/")
        page.set_input_files("input[name=file]", str(path))
        page.click("form[action$='/memory/import/'] button[type=submit]")
        page.wait_for_url("**/jobs/*/")
        job = Job.objects.get()
        assert page.locator(".badge.job-queued").count() == 1
        worker = threading.Thread(target=run_job, args=(job.pk,))
        worker.start()
        try:
            values = []
            bar = page.locator("#job-progress progress")
            while worker.is_alive():
                if bar.count():
                    values.append(int(bar.get_attribute("value") or 0))
                page.wait_for_timeout(200)
        finally:
            worker.join()
        page.locator(".job-result").wait_for(timeout=15_000)
    total = path.stat().st_size
    moving = [v for v in values if 0 < v < total]
    assert moving, values  # the page showed the bar part way
    assert moving == sorted(moving)
    text = page.locator(".job-result").inner_text()
    assert "30,000 units read" in text or "30000 units read" in text
    job.refresh_from_db()
    assert job.state == State.SUCCEEDED
    assert MemoryEntry.objects.count() == UNITS


def test_a_document_upload_shows_the_bar_then_opens_the_document(
    page_for, live_server, manager
):
    """A document import as a job: the page polls, then goes to the document."""
    text = "Notice\n\n" + "".join(
        "Sentence %d of the long notice. " % n + ("\n\n" if n % 5 == 4 else "")
        for n in range(3000)
    )
    with override_settings(TASKS=QUEUE_ONLY):
        page = page_for(manager, "pw-mona")
        page.goto(live_server.url + "/documents/new/")
        page.set_input_files(
            "#id_file",
            files=[
                {
                    "name": "notice.txt",
                    "mimeType": "text/plain",
                    "buffer": text.encode(),
                }
            ],
        )
        page.click("form.stacked button.primary")
        page.wait_for_url("**/jobs/*/?then=1")
        assert page.locator(".badge.job-queued").count() == 1
        job = Job.objects.get()
        run_job(job.pk)
        # the next poll of the bar leads the browser to the document
        page.wait_for_url("**/documents/*/", timeout=15_000)
    document = Document.objects.get()
    assert page.url.endswith(document.get_absolute_url())
    assert "3,001 sentences" in page.content() or "3001 sentences" in page.content()


def test_an_export_job_offers_its_file_for_download(
    page_for, live_server, manager, tmp_path
):
    with open(DATA / "tmx" / "okapi_ImportTest2C_inline_sub_notes.tmx", "rb") as f:
        import_tmx(f, origin="okapi.tmx")
    page = page_for(manager, "pw-mona")
    page.goto(live_server.url + "/memory/")
    page.click("form[action$='/memory/export/'] button[value='0']")
    page.wait_for_url("**/jobs/*/")
    link = page.locator("a[href$='/download/']")
    link.wait_for(timeout=15_000)
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename == "memory.tmx"
    saved = tmp_path / "memory.tmx"
    download.save_as(saved)
    assert b"<tmx" in saved.read_bytes()
    assert Job.objects.get().result["units"] == MemoryEntry.objects.count()
