"""What a running job reports, and the flag that cancels it.

A job does its work in one transaction (all or nothing), so its progress
cannot be written to its own row where the pages would see it: the live
figures, a heartbeat and the cancel flag are kept in the ``jobs`` cache
(``CACHES["jobs"]``: Redis when ``REDIS_URL`` is set, which workers on
several hosts share, otherwise files under the data folder, which the
processes of one host share). The row gets the last figures when the job
ends.
"""

import threading
import time

from django.conf import settings
from django.core.cache import caches

#: Seconds between two writes of the live figures.
REPORT_EVERY = 0.25
#: Seconds between two heartbeats of a running job.
BEAT_EVERY = 5.0


#: A running job whose heartbeat is older than this (seconds, the
#: JOB_STALE_SECONDS setting) has lost its worker.
def stale_after() -> float:
    return float(settings.JOB_STALE_SECONDS)


#: How long the cache keeps a job's figures (they are copied to the row).
KEEP = 7 * 24 * 3600


class Cancelled(Exception):
    """Someone cancelled the job: its transaction is rolled back."""


def _cache():
    return caches["jobs"]


def _key(job_id: int, what: str) -> str:
    return "job:%d:%s" % (job_id, what)


class Progress:
    """The progress of one running job: done of total, in a phase.

    ``advance`` and ``update`` write the figures at most every
    ``REPORT_EVERY`` seconds, and raise ``Cancelled`` once the job has been
    cancelled. ``beating()`` keeps a heartbeat while a step reports nothing.
    """

    def __init__(self, job_id: int, total: int = 0, phase: str = ""):
        self.job_id = job_id
        self.done = 0
        self.total = total
        self.phase = phase
        self._reported = 0.0

    def start(self, total: int | None = None, phase: str | None = None) -> None:
        """Begin a step: nothing of it done yet; a total of 0 is not known."""
        self.done = 0
        if total is not None:
            self.total = total
        if phase is not None:
            self.phase = phase
        self._report(force=True)

    def advance(self, count: int) -> None:
        self.update(self.done + count)

    def update(self, done: int) -> None:
        self.done = done
        self._report()

    def _report(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._reported < REPORT_EVERY:
            return
        self._reported = now
        cache = _cache()
        cache.set(
            _key(self.job_id, "progress"),
            {"done": self.done, "total": self.total, "phase": self.phase},
            KEEP,
        )
        cache.set(_key(self.job_id, "beat"), time.time(), KEEP)
        if cache.get(_key(self.job_id, "cancel")):
            raise Cancelled()

    def beating(self) -> "Heartbeat":
        return Heartbeat(self.job_id)


class Heartbeat:
    """A thread that says "still running" every few seconds until stopped."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            _cache().set(_key(self.job_id, "beat"), time.time(), KEEP)
            self._stop.wait(BEAT_EVERY)

    def __enter__(self) -> "Heartbeat":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=BEAT_EVERY)


def live(job_id: int) -> dict | None:
    """The figures a running job reported last ({done, total, phase}), if any."""
    return _cache().get(_key(job_id, "progress"))


def seconds_since_beat(job_id: int) -> float | None:
    """Seconds since the job's last heartbeat (None: it never beat)."""
    beat = _cache().get(_key(job_id, "beat"))
    return None if beat is None else max(0.0, time.time() - beat)


def ask_to_cancel(job_id: int) -> None:
    """Raise the cancel flag the running job reads at its next report."""
    _cache().set(_key(job_id, "cancel"), True, KEEP)


def forget(job_id: int) -> None:
    """Drop the live figures of a finished job (the row has them)."""
    _cache().delete_many([_key(job_id, w) for w in ("progress", "beat", "cancel")])


class ReadCounter:
    """A binary file whose reads report the bytes read to ``on_read``."""

    def __init__(self, handle, on_read):
        self.handle = handle
        self.on_read = on_read

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.on_read(len(chunk))
        return chunk
