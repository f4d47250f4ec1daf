"""A crowd at work on a live server: nothing overwritten, lost or half-done.

Translators save, reviewers approve one at a time and in bulk, two reviewers
decide the same terms, and a manager imports the same TMX twice over, all at
once, over HTTP against Django's threaded live server on PostgreSQL
(loopback only, a bounded number of requests). Afterwards: no request
failed with a 5xx; every revision chain is contiguous; no approval carried
text older than the sentence's latest; each term was decided once; every
memory entry of the file counts each import exactly once.
"""

import http.cookiejar
import io
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

from django.contrib.auth.models import Group
from django.db import connection

import pytest

from core.statuses import Status
from exchange.importing import import_document
from formats.bilingual.tmx import TmxUnit, write_tus
from glossary.approval import NewTerm, propose_concept
from glossary.models import Action, Term, TermRevision
from jobs.models import Job, State
from memory.models import MemoryEntry
from tests.support import run_concurrently
from translations.models import Revision, Translation

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers: SQLite runs one writing transaction at a time",
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 12
TMX_UNITS = 300


class Session:
    """One browser's worth of cookies against the live server."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self.statuses: list[int] = []
        self.get("/accounts/login/")
        self.post("/accounts/login/", {"username": username, "password": password})

    def _token(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def _open(self, request) -> int:
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        self.statuses.append(status)
        return status

    def get(self, path: str) -> int:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict | list, files: dict | None = None) -> int:
        headers = {"X-CSRFToken": self._token(), "Referer": self.base + path}
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if files:
            boundary = uuid.uuid4().hex
            body = io.BytesIO()
            for name, value in pairs:
                body.write(
                    b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                    % (boundary.encode(), name.encode(), str(value).encode())
                )
            for name, (filename, data) in files.items():
                body.write(
                    b'--%s\r\nContent-Disposition: form-data; name="%s"; '
                    b'filename="%s"\r\nContent-Type: application/octet-stream'
                    b"\r\n\r\n" % (boundary.encode(), name.encode(), filename.encode())
                )
                body.write(data + b"\r\n")
            body.write(b"--%s--\r\n" % boundary.encode())
            data = body.getvalue()
            headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
        else:
            data = urllib.parse.urlencode(pairs).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers=headers, method="POST"
        )
        return self._open(request)


def _user(django_user_model, name: str, role: str):
    user = django_user_model.objects.create_user(name, password="pw-" + name)
    user.groups.add(Group.objects.get(name=role))
    return user


def test_a_crowd_of_writers_loses_nothing(live_server, django_user_model):
    for name, role in (
        ("tina", "translators"),
        ("tom", "translators"),
        ("rita", "reviewers"),
        ("rob", "reviewers"),
        ("mona", "managers"),
    ):
        _user(django_user_model, name, role)
    text = "\n\n".join("Sentence %d of the release." % n for n in range(8))
    document = import_document(
        data=text.encode(), filename="crowd.txt", source_language="en",
        targets=["zh-Hant"],
    )  # fmt: skip
    ids = list(
        Translation.objects.filter(segment__document=document)
        .order_by("segment__position")
        .values_list("pk", flat=True)
    )
    concept = propose_concept(
        terms=[NewTerm("en", "Crowd term %d" % n) for n in range(6)],
        user=django_user_model.objects.get(username="tina"),
    )
    terms = list(concept.terms.values_list("pk", flat=True))
    tmx = b"".join(
        write_tus(
            [TmxUnit({"en": "Memory unit %d." % n, "zh-Hant": "記憶單位%d。" % n})
             for n in range(TMX_UNITS)],
            source_language="en",
        )
    )  # fmt: skip
    base = live_server.url
    sessions = {
        name: Session(base, name, "pw-" + name)
        for name in ("tina", "tom", "rita", "rob", "mona")
    }

    def version_of(pk: int) -> int:
        return Translation.objects.values_list("version", flat=True).get(pk=pk)

    translating = threading.Semaphore(0)

    def translate(name: str):
        def work():
            for round_ in range(ROUNDS):
                translating.release()
                pk = ids[(round_ + len(name)) % len(ids)]
                sessions[name].post(
                    "/translations/%d/save/" % pk,
                    {"text": "%s %d" % (name, round_), "status": "translated",
                     "version": version_of(pk)},
                )  # fmt: skip

        return work

    def review_one():
        for _ in range(ROUNDS):
            translating.acquire(timeout=30)  # after a save, as a reviewer would
            for row in Translation.objects.filter(pk__in=ids, status=Status.TRANSLATED)[
                :1
            ]:
                sessions["rita"].post(
                    "/translations/%d/review/" % row.pk,
                    # the reviewer read the warnings ("tina 3" misses the
                    # glossary's terms) and approves despite them
                    {"action": "approve", "version": row.version, "despite": "1"},
                )

    def review_bulk():
        for _ in range(ROUNDS // 2):
            translating.acquire(timeout=30)
            translating.acquire(timeout=30)
            waiting = Translation.objects.filter(
                pk__in=ids, status=Status.TRANSLATED
            ).values_list("pk", "version")
            items = [("ids", "%d:%d" % pair) for pair in waiting]
            items += [("despite", str(pk)) for pk, _version in waiting]
            if items:
                sessions["rob"].post("/review/bulk/", [*items, ("action", "approve")])

    # Both term reviewers opened the review queue before either decided.
    seen = dict(Term.objects.filter(pk__in=terms).values_list("pk", "version"))

    def decide_terms(name: str):
        def work():
            for pk in terms:
                sessions[name].post(
                    "/glossary/terms/%d/approve/" % pk, {"version": seen[pk]}
                )

        return work

    def import_memory():
        for _ in range(2):
            sessions["mona"].post("/memory/import/", {}, {"file": ("crowd.tmx", tmx)})

    run_concurrently(
        translate("tina"), translate("tom"), review_one, review_bulk,
        decide_terms("rita"), decide_terms("rob"), import_memory, import_memory,
    )  # fmt: skip

    statuses = [status for s in sessions.values() for status in s.statuses]
    assert statuses and max(statuses) < 500, sorted(set(statuses))
    work = Revision.objects.filter(translation_id__in=ids)
    assert work.filter(author__username__in=["tina", "tom"]).count() >= ROUNDS
    assert work.filter(status=Status.APPROVED).exists()
    for translation in Translation.objects.filter(pk__in=ids):
        revisions = list(translation.revisions.order_by("version"))
        assert [r.version for r in revisions] == list(range(1, translation.version + 1))
        if revisions:
            assert revisions[-1].text == translation.text
        for before, after in zip(revisions, revisions[1:], strict=False):
            if after.status in (Status.APPROVED, Status.REJECTED):
                # A decision carries the text it was made on: the latest.
                assert after.text == before.text, (translation.pk, after.version)
    assert Revision.objects.filter(translation_id__in=ids).count() == sum(
        Translation.objects.filter(pk__in=ids).values_list("version", flat=True)
    )
    for pk in terms:
        decisions = TermRevision.objects.filter(term_id=pk, action=Action.APPROVED)
        assert decisions.count() == 1, pk
    imported = MemoryEntry.objects.filter(source__startswith="Memory unit ")
    assert imported.count() == TMX_UNITS
    # Each upload is a job (run inside its request here); the same file sent
    # by the same person while their first job runs is refused, not queued
    # twice. Every job that ran merged into the same entries.
    ran = Job.objects.filter(state=State.SUCCEEDED).count()
    assert 1 <= ran <= 4
    assert set(imported.values_list("times_merged", flat=True)) == {ran - 1}
