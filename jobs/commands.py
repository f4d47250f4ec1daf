"""What the management commands share to run their work as a job.

``add_background`` adds the ``--background`` option; ``queue`` starts the
job (storing the command's file, read a megabyte at a time) and prints its
id alone on the last line, or stops the command with one line when the
same work is already queued or running.
"""

from pathlib import Path

from django.core.management.base import CommandError

from jobs.running import JobRefused, start_job

#: Bytes read from a command's file at a time when it is stored for a job.
READ_BYTES = 1024 * 1024

BACKGROUND_HELP = (
    "queue a job for a worker (manage.py db_worker, or rqworker with Redis) "
    "and print its id; follow it with manage.py jobs ID"
)


def add_background(parser) -> None:
    parser.add_argument("--background", action="store_true", help=BACKGROUND_HELP)


def queue(command, *, kind: str, arguments: dict, path: Path | None = None) -> int:
    """Start a job from a command; print its id alone on the last line."""
    try:
        if path is None:
            job = start_job(kind=kind, arguments=arguments)
        else:
            with path.open("rb") as handle:
                job = start_job(
                    kind=kind,
                    arguments=arguments,
                    file_name=path.name,
                    pieces=iter(lambda: handle.read(READ_BYTES), b""),
                )
    except OSError as error:
        raise CommandError("%s: %s" % (path, error.strerror)) from error
    except JobRefused as refused:
        raise CommandError(
            "%salready queued or running (job %d)"
            % ("%s: " % path if path else "", refused.args[0].pk)
        ) from refused
    command.stdout.write(str(job.pk))
    return job.pk
