"""The UI speaks its users' languages: catalogues complete, valid, current."""

import re
import shutil
import subprocess
import sys

import polib
import pytest

from tests.support import PACKAGES, ROOT

CATALOGUES = ["zh_Hans", "zh_Hant"]
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]")


def catalogue(locale: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("locale", CATALOGUES)
def test_every_string_is_translated(locale):
    po = catalogue(locale)
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == []


@pytest.mark.parametrize("locale", CATALOGUES)
def test_translations_keep_the_placeholders(locale):
    for entry in catalogue(locale).translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        texts = list(entry.msgstr_plural.values()) or [entry.msgstr]
        for text in texts:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, entry.msgid


@pytest.mark.parametrize("locale", CATALOGUES)
def test_msgfmt_accepts_the_catalogue(locale):
    path = ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"
    proc = subprocess.run(
        ["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """makemessages on a copy of the code finds no msgid the catalogue lacks."""
    for name in (*PACKAGES, "templates", "locale"):
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo")
        )
    shutil.copy(ROOT / "manage.py", tmp_path)
    proc = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hant", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"DEBUG": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    fresh = polib.pofile(str(tmp_path / "locale/zh_Hant/LC_MESSAGES/django.po"))
    known = {(e.msgctxt, e.msgid) for e in catalogue("zh_Hant")}
    new = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in known)
    assert new == [], "run makemessages and translate: %s" % new[:10]


def test_the_two_chinese_catalogues_say_the_same_at_the_same_length():
    """A Simplified string is the Traditional one converted: never cut short.

    Conversion changes a few words (檔案 → 文件) but not the length of a
    sentence by half; a string much shorter in one catalogue was truncated.
    """
    hant = {e.msgid: e for e in catalogue("zh_Hant").translated_entries()}
    short = []
    for entry in catalogue("zh_Hans").translated_entries():
        other = hant.get(entry.msgid)
        if other is None:
            continue
        ours = entry.msgstr or entry.msgstr_plural.get(0, "")
        theirs = other.msgstr or other.msgstr_plural.get(0, "")
        shorter, longer = sorted((len(ours), len(theirs)))
        if shorter < 0.6 * longer and longer - shorter > 2:  # 登出, 退出登录
            short.append(entry.msgid)
    assert short == []
