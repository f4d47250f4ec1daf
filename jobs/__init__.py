"""Long work as background jobs: a Job record of ours on Django's Tasks API.

- ``models``: ``Job`` (kind, who, arguments, state, progress, times, result,
  error line) and ``JobChunk`` (the file a job works on or made, stored in
  the database in chunks, so that a worker on any host reads it).
- ``files``: store an upload in chunks without reading it into memory, and
  read it back as a file.
- ``progress``: what a running job reports (done, total, phase) and the
  cancel flag, kept in the ``jobs`` cache, outside the job's transaction.
- ``operations``: the kinds of job and what each one runs, one module per
  concern (``documents``, ``memory``, ``glossary``), each returning the JSON
  its command prints and saying in a line what it did.
- ``running``: start a job (enqueue the one task of the Tasks API every job
  goes through, ``run``), run it (in a worker), cancel it, retry it, and
  mark failed the jobs of a worker that died.
- ``commands``: what the management commands share to queue their work
  (``--background``).
"""

__all__ = ["commands", "files", "models", "operations", "progress", "running"]
