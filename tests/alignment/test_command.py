"""``manage.py align``: one JSON line per bead, from files of any kind."""

import json

import pytest

from tests.support import manage_script, script_env


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """One migrated SQLite file for the module's commands (each test's texts
    differ, so what one commits never meets another's)."""
    folder = tmp_path_factory.mktemp("align")
    environment = script_env(folder)
    done = manage_script(folder, "migrate", "-v", "0", env=environment)
    assert done.returncode == 0, done.stderr
    return environment


ENGLISH = """Secretary visits Qianhai
The Secretary visited Qianhai today (November 27) with 12 officials.
(with photos)
He toured three projects worth $3.5 billion.
Ends/Friday, November 27, 2026
NNNN
"""
CHINESE = """局長訪問前海
局長今日（十一月二十七日）率領12名官員訪問前海。
他參觀了三個總值35億元的項目。
完
2026年11月27日（星期五）
"""


def test_align_prints_a_json_line_per_bead(tmp_path, env):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    done = manage_script(
        tmp_path,
        "align",
        str(tmp_path / "en.txt"),
        str(tmp_path / "zh.txt"),
        "--sentences",
        "--json",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    beads = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(b["source"], b["target"]) for b in beads] == [
        ([0], [0]),
        ([1], [1]),
        ([2], []),
        ([3], [2]),
        ([4], [3, 4]),
        ([5], []),
    ]
    assert all(0 <= b["confidence"] <= 1 for b in beads)


@pytest.mark.parametrize(
    "data,message",
    [(b"", "the file is empty"), (b"\x00\x01\x02PNG\x00", "binary")],
)
def test_a_bad_file_is_one_line_and_status_1(tmp_path, env, data, message):
    (tmp_path / "en.txt").write_bytes(data)
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    done = manage_script(
        tmp_path,
        "align",
        str(tmp_path / "en.txt"),
        str(tmp_path / "zh.txt"),
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "en.txt" in done.stderr and message in done.stderr


def test_commit_puts_the_two_sided_beads_into_the_memory(tmp_path, env):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    arguments = [
        "align",
        str(tmp_path / "en.txt"),
        str(tmp_path / "zh.txt"),
        "--sentences",
        "--commit",
        "--origin",
        "Secretary visits Qianhai (2026-11-27)",
    ]
    done = manage_script(tmp_path, *arguments, env=env)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout.splitlines()[-1])
    assert counts == {
        "stored": 3,
        "one_sided": 2,
        "closing": 1,
        "uncertain": 0,
        "added": 3,
        "merged": 0,
    }
    lookup = manage_script(
        tmp_path,
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        stdin="He toured three projects worth $3.5 billion.\n",
        env=env,
    )
    assert lookup.returncode == 0, lookup.stderr
    best = json.loads(lookup.stdout.splitlines()[0])
    assert "他參觀了三個總值35億元的項目。" in json.dumps(best, ensure_ascii=False)
    assert "Secretary visits Qianhai (2026-11-27)" in lookup.stdout
    # a second commit of the same pair merges, adds nothing
    again = manage_script(tmp_path, *arguments, env=env)
    assert json.loads(again.stdout.splitlines()[-1])["merged"] == 3


def test_term_candidates_come_from_the_aligned_pairs(tmp_path, env):
    english = "\n".join(
        [
            "Observatory warns of heat",
            "The Hong Kong Observatory issued the Very Hot Weather Warning.",
            "The Hong Kong Observatory expects temperatures of 35 degrees.",
        ]
    )
    chinese = "\n".join(
        [
            "天文台發出炎熱警告",
            "香港天文台發出酷熱天氣警告。",
            "香港天文台預料氣溫達35度。",
        ]
    )
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(chinese, encoding="utf-8")
    done = manage_script(
        tmp_path,
        "align",
        str(tmp_path / "en.txt"),
        str(tmp_path / "zh.txt"),
        "--sentences",
        "--commit",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    listed = manage_script(tmp_path, "term_candidates", env=env)
    assert listed.returncode == 0, listed.stderr
    candidates = [json.loads(line) for line in listed.stdout.splitlines()]
    assert candidates[0]["english"] == "Hong Kong Observatory"
    assert candidates[0]["chinese"] == "香港天文台"
    assert candidates[0]["count"] == 2 and len(candidates[0]["evidence"]) == 2
