"""Real PO files imported by the command, exported, judged by msgfmt and polib.

The document is made of the file's sources (as a user who translates a
catalogue's messages as sentences would), then ``import_translations`` takes
the file and ``export`` writes it back. What a sentence cannot hold is
counted by name in the command's JSON; what it can (targets, statuses,
translator comments, flags, extracted notes) comes back in the export.
"""

import io
import json
import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import polib
import pytest

from tests.support import DATA

pytestmark = pytest.mark.django_db
PO = DATA / "po"
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext is missing")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def document_of(sources: list[str], tmp_path: Path, target: str) -> str:
    """Import a document whose paragraphs are ``sources``; return its id."""
    text = tmp_path / "sources.txt"
    text.write_text("\n\n".join(sources) + "\n", encoding="utf-8")
    return run(
        "import_document", str(text), "--title", "catalogue",
        "--source-language", "en", "--targets", target,
    ).split()[-1]  # fmt: skip


def sources_of(path: Path) -> list[str]:
    entries = [e for e in polib.pofile(str(path)) if not e.obsolete]
    return list(dict.fromkeys(" ".join(e.msgid.split()) for e in entries))


def exported(document: str, language: str, tmp_path: Path) -> Path:
    out = tmp_path / "export.po"
    run("export", document, "--language", language, "--format", "po", "-o", str(out))
    return out


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MSGFMT, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )


def test_plural_entries_are_refused_and_named(tmp_path):
    """Django's humanize catalogue: 8 plural entries, each named and counted."""
    path = PO / "django_humanize_zh_Hans.po"
    plural = [e.msgctxt or e.msgid for e in polib.pofile(str(path)) if e.msgid_plural]
    assert len(plural) >= 8
    document = document_of(sources_of(path), tmp_path, "zh-Hans")
    counts = json.loads(
        run("import_translations", str(path), "--document", document,
            "--language", "zh-Hans")
    )  # fmt: skip
    assert counts["skipped"]["plural"] == len(plural)
    assert counts["not_kept"]["plural_entries"]["count"] == len(plural)
    assert counts["not_kept"]["plural_entries"]["units"] == plural
    assert not set(plural) & set(counts["unknown_units"])  # listed once, as plural
    assert counts["updated"] > 0


def test_obsolete_entries_are_counted(tmp_path):
    path = PO / "polib_test_obsolete_previousmsgid.po"
    obsolete = [e for e in polib.pofile(str(path)) if e.obsolete]
    document = document_of(sources_of(path), tmp_path, "ca")
    counts = json.loads(
        run("import_translations", str(path), "--document", document,
            "--language", "ca")
    )  # fmt: skip
    assert counts["not_kept"]["obsolete_entries"]["count"] == len(obsolete) > 0
    assert counts["skipped"]["obsolete"] == len(obsolete)


@needs_msgfmt
def test_comments_flags_and_notes_come_back_in_the_export(tmp_path):
    """Django's admin catalogue: python-format flags, #. notes, # comments."""
    path = PO / "django_admin_zh_Hans.po"
    document = document_of(sources_of(path), tmp_path, "zh-Hans")
    counts = json.loads(
        run("import_translations", str(path), "--document", document,
            "--language", "zh-Hans")
    )  # fmt: skip
    assert counts["kept"]["flags"] > 0 and counts["kept"]["notes"] > 0
    out = exported(document, "zh-Hans", tmp_path)
    assert msgfmt_check(out).returncode == 0, msgfmt_check(out).stderr
    ours = {e.msgid: e for e in polib.pofile(str(out))}
    checked = 0
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.msgid_plural or not entry.msgstr:
            continue
        mine = ours.get(" ".join(entry.msgid.split()))
        if mine is None or mine.msgstr != entry.msgstr:
            continue
        checked += 1
        assert set(entry.flags) - {"fuzzy"} <= set(mine.flags), entry.msgid
        for line in filter(None, entry.comment.split("\n")):
            assert line in mine.comment, entry.msgid
    assert checked > 50
    again = json.loads(
        run("import_translations", str(out), "--document", document,
            "--language", "zh-Hans")
    )  # fmt: skip
    assert again["updated"] == 0
    assert again["kept"] == {"comments": 0, "flags": 0, "notes": 0, "file": 0}
    assert "notes" not in again["not_kept"]


@needs_msgfmt
def test_targets_take_the_sources_shape_so_msgfmt_passes(tmp_path):
    """A real catalogue whose targets gained newlines and indentation."""
    path = PO / "django_flatpages_zh_Hant.po"
    catalogue = polib.pofile(str(path))
    changed = 0
    for entry in catalogue:
        if entry.msgstr and not entry.msgid.endswith("\n"):
            entry.msgstr = "\n      " + entry.msgstr + "\n    "
            changed += 1
    broken = tmp_path / "broken.po"
    catalogue.save(str(broken))
    assert msgfmt_check(broken).returncode != 0  # msgfmt refuses the file itself
    document = document_of(sources_of(path), tmp_path, "zh-Hant")
    counts = json.loads(
        run("import_translations", str(broken), "--document", document,
            "--language", "zh-Hant")
    )  # fmt: skip
    assert changed > 0
    assert counts["whitespace_normalised"] == counts["updated"] > 0
    out = exported(document, "zh-Hant", tmp_path)
    result = msgfmt_check(out)
    assert result.returncode == 0, result.stderr
    targets = [e.msgstr for e in polib.pofile(str(out)) if e.msgstr]
    assert targets and all(t == t.strip() for t in targets)


XLIFF_NO_LANGUAGE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="flatpages" source-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Flat Pages</source>
        <target>
          {target}
        </target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_file_without_its_language_needs_it_named_for_chinese(tmp_path):
    document = document_of(["Flat Pages"], tmp_path, "zh-Hant")
    path = tmp_path / "flatpages.xlf"
    path.write_text(XLIFF_NO_LANGUAGE.format(target="簡單頁面"), encoding="utf-8")
    arguments = ["--document", document, "--language", "zh-Hant"]
    with pytest.raises(CommandError) as refused:
        run("import_translations", str(path), *arguments)
    assert "does not name its target language" in str(refused.value)
    assert "--file-language zh-Hant" in str(refused.value)
    counts = json.loads(
        run("import_translations", str(path), *arguments, "--file-language", "zh-Hant")
    )
    assert counts["updated"] == 1
    out = exported(document, "zh-Hant", tmp_path)
    [entry] = [e for e in polib.pofile(str(out)) if e.msgstr]
    assert entry.msgstr == "簡單頁面"  # the XML's indentation is not kept


def test_a_file_in_the_other_script_is_refused_with_the_counts(tmp_path):
    """Django's Traditional catalogue without its Language, for zh-Hans."""
    path = PO / "django_conf_zh_Hant.po"
    data = path.read_bytes().replace(b'"Language: zh_TW\\n"\n', b"")
    assert data != path.read_bytes()
    stripped = tmp_path / "no-language.po"
    stripped.write_bytes(data)
    document = document_of(sources_of(path)[:50], tmp_path, "zh-Hans")
    arguments = ["--document", document, "--language", "zh-Hans"]
    with pytest.raises(CommandError) as refused:
        run("import_translations", str(stripped), *arguments)
    assert "does not name its target language" in str(refused.value)
    with pytest.raises(CommandError) as refused:
        run("import_translations", str(stripped), *arguments, "--file-language",
            "zh-Hans")  # fmt: skip
    message = str(refused.value)
    assert "are in zh-Hant, not zh-Hans" in message and "\n" not in message
    with pytest.raises(CommandError) as refused:
        run("import_translations", str(path), *arguments)
    assert "the file is a zh-Hant translation, not zh-Hans" in str(refused.value)
