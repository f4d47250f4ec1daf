"""A TMX upload in a real browser: the job's page shows the bar rise, then
the result, while a worker (here a thread of the test) imports the file."""

import threading

from django.test import override_settings

import pytest

from formats.bilingual.tmx import TmxUnit, write_tus
from jobs.models import Job, State
from jobs.running import run_job
from memory.models import MemoryEntry

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
