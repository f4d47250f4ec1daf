"""Backup and restore leave every record identical and the memory searchable.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` into a new
database. SQLite: a copy of the file made with SQLite's online backup (what
``sqlite3 data/workbench.sqlite3 ".backup copy.sqlite3"`` does). Both as the
README's deployment section describes them.
"""

import json
import sqlite3
import subprocess
import sys

from django.db import connection

import pytest

from core.statuses import Status
from glossary.approval import NewTerm, propose_concept
from tests.support import ROOT, manage_script
from translations.models import Translation
from translations.review import approve_translation
from translations.writing import change_translation

#: Every table a user's work lives in, with the memory's index.
TABLES = (
    "workbench_document",
    "workbench_documentversion",
    "workbench_paragraph",
    "workbench_segment",
    "workbench_translation",
    "workbench_revision",
    "workbench_comment",
    "workbench_memoryentry",
    "glossary_concept",
    "glossary_term",
    "glossary_termrevision",
)
SENTENCE = "The Chief Executive met the press in Qianhai today."


def _lookup(database_url: str) -> list[dict]:
    """What ``memory_lookup`` finds for the approved sentence in a database."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "memory_lookup",
         "--source-language", "en", "--target-language", "zh-Hant"],
        input=SENTENCE + "\n", capture_output=True, text=True, cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin",
             "DATABASE_URL": database_url},
        check=True,
    )  # fmt: skip
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump and pg_restore: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_a_postgresql_dump_restores_every_record_and_a_usable_memory(
    tmp_path, seed_press_release, translator, reviewer
):
    translation = Translation.objects.filter(
        segment__document=seed_press_release, language="zh-Hant"
    ).first()
    translation.segment.source = SENTENCE
    translation.segment.save(update_fields=["source"])
    saved = change_translation(
        translation=translation,
        text="行政長官今日在前海會見傳媒。",
        status=Status.TRANSLATED,
        user=translator,
    )
    approve_translation(
        translation=saved, reviewer=reviewer, expected_version=saved.version
    )
    propose_concept(
        terms=[NewTerm("en", "Qianhai Authority"), NewTerm("zh-Hant", "前海管理局")],
        user=reviewer,
        approve=True,
    )
    settings = connection.settings_dict
    server = ["-h", settings["HOST"] or "127.0.0.1", "-U", settings["USER"]]
    dump = tmp_path / "workbench.dump"
    subprocess.run(
        ["pg_dump", *server, "--format=custom", "--file", str(dump),
         settings["NAME"]],
        check=True,
    )  # fmt: skip
    restored = settings["NAME"] + "_restored"
    subprocess.run(["dropdb", *server, "--if-exists", restored], check=True)
    subprocess.run(["createdb", *server, restored], check=True)
    try:
        subprocess.run(
            ["pg_restore", *server, "--no-owner", "--dbname", restored, str(dump)],
            check=True,
        )
        url = "postgres://%s@%s:%s/%s" % (
            settings["USER"],
            settings["HOST"] or "127.0.0.1",
            settings["PORT"] or 5432,
            restored,
        )
        for table in (*TABLES, "workbench_memory_terms"):
            digest = (
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' "
                "ORDER BY t::text), '')) FROM %s t" % table
            )
            with connection.cursor() as cursor:
                cursor.execute(digest)
                here = cursor.fetchone()
            there = subprocess.run(
                ["psql", *server, "-d", restored, "-tAc", digest],
                check=True, capture_output=True, text=True,
            ).stdout.strip()  # fmt: skip
            assert there == "%d|%s" % here, table
        found = _lookup(url)
        assert found and found[0]["score"] >= 100
        assert found[0]["target"] == "行政長官今日在前海會見傳媒。"
    finally:
        subprocess.run(["dropdb", *server, "--if-exists", restored], check=True)


def test_a_sqlite_backup_copy_holds_everything_and_a_usable_memory(tmp_path):
    made = manage_script(tmp_path, "load_seeds", migrate=True)
    assert made.returncode == 0, made.stderr
    original = tmp_path / "db.sqlite3"
    copy = tmp_path / "backup.sqlite3"
    with sqlite3.connect(original) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(original) as a, sqlite3.connect(copy) as b:
        assert list(a.iterdump()) == list(b.iterdump())
        counts = {
            table: b.execute("SELECT count(*) FROM %s" % table).fetchone()[0]
            for table in TABLES
        }
    assert counts["workbench_document"] == 2 and counts["workbench_memoryentry"] > 0
    assert counts["glossary_term"] > 100
    sentence = (
        "Meeting of Task Force on the Development of the Qianhai Shenzhen-Hong Kong "
        "Modern Service Industry Co-operation Zone held in Hong Kong (with photos)"
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "memory_lookup",
         "--source-language", "en", "--target-language", "zh-Hant"],
        input=sentence + "\n", capture_output=True, text=True, cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin",
             "DATABASE_URL": "sqlite:///" + str(copy)},
        check=True,
    )  # fmt: skip
    assert json.loads(proc.stdout.splitlines()[0])["score"] >= 100
