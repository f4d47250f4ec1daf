"""A job's files, kept in the database in chunks.

An upload is copied chunk by chunk as it arrives (never read whole into
memory) and read back by the worker, on any host that reaches the
database, as a file that fetches one chunk at a time. The same holds a
job's output (an export, when one is a job) until it is cleaned up.
"""

import hashlib
import io
from collections.abc import Iterable, Iterator

from jobs.models import Job, JobChunk

#: Bytes per stored chunk.
CHUNK_BYTES = 4 * 1024 * 1024


def _rechunk(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """Yield ``CHUNK_BYTES`` blocks (the last one shorter) from any pieces."""
    size = CHUNK_BYTES
    buffer = bytearray()
    for piece in pieces:
        buffer += piece
        while len(buffer) >= size:
            yield bytes(buffer[:size])
            del buffer[:size]
    if buffer:
        yield bytes(buffer)


def store(
    job: Job, pieces: Iterable[bytes], role: str = JobChunk.INPUT
) -> tuple[int, str]:
    """Store a file's bytes for a job; return its size and SHA-256."""
    digest = hashlib.sha256()
    size = 0
    for index, block in enumerate(_rechunk(pieces)):
        JobChunk.objects.create(job=job, role=role, index=index, data=block)
        digest.update(block)
        size += len(block)
    return size, digest.hexdigest()


class ChunkReader(io.RawIOBase):
    """A job's stored file, read as a binary file one chunk at a time."""

    def __init__(self, job_id: int, role: str = JobChunk.INPUT):
        self.job_id = job_id
        self.role = role
        self.index = 0
        self.buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> bool:
        data = (
            JobChunk.objects.filter(
                job_id=self.job_id, role=self.role, index=self.index
            )
            .values_list("data", flat=True)
            .first()
        )
        if data is None:
            return False
        self.index += 1
        self.buffer = memoryview(bytes(data))
        return True

    def readinto(self, target) -> int:
        while not len(self.buffer):
            if not self._next_chunk():
                return 0
        count = min(len(target), len(self.buffer))
        target[:count] = self.buffer[:count]
        self.buffer = self.buffer[count:]
        return count


def open_file(job_id: int, role: str = JobChunk.INPUT) -> io.BufferedReader:
    """The job's stored file, as a buffered binary file."""
    return io.BufferedReader(ChunkReader(job_id, role), buffer_size=1024 * 1024)


def discard(job: Job, role: str | None = None) -> None:
    """Remove a job's stored file (or both of them)."""
    stored = JobChunk.objects.filter(job=job)
    if role:
        stored = stored.filter(role=role)
    stored.delete()


def has_file(job: Job, role: str = JobChunk.INPUT) -> bool:
    return JobChunk.objects.filter(job=job, role=role).exists()


def output_chunks(job: Job) -> Iterator[bytes]:
    """The job's output file, a stored chunk at a time (for a download)."""
    index = 0
    while True:
        data = (
            JobChunk.objects.filter(job=job, role=JobChunk.OUTPUT, index=index)
            .values_list("data", flat=True)
            .first()
        )
        if data is None:
            return
        yield bytes(data)
        index += 1
