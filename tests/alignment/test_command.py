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


def _release_files(folder, name, english, chinese):
    (folder / ("%s.en.txt" % name)).write_text(english, encoding="utf-8")
    (folder / ("%s.zh.txt" % name)).write_text(chinese, encoding="utf-8")


TYPHOON_EN = """Typhoon signal No. 8 issued

The Hong Kong Observatory issued the No. 8 Gale or Storm Signal at 9.40am.

All schools are closed today.
"""
TYPHOON_ZH = """八號烈風或暴風信號發出

香港天文台於上午9時40分發出八號烈風或暴風信號。

所有學校今日停課。
"""


@pytest.mark.parametrize("packed", [False, True])
def test_align_batch_aligns_every_pair_of_a_folder_or_zip(tmp_path, env, packed):
    import zipfile

    folder = tmp_path / "releases"
    folder.mkdir()
    _release_files(folder, "typhoon-%s" % packed, TYPHOON_EN, TYPHOON_ZH)
    _release_files(folder, "qianhai-%s" % packed, ENGLISH, CHINESE)
    (folder / "orphan.en.txt").write_text("Only English.\n", encoding="utf-8")
    target = folder
    if packed:
        target = tmp_path / "releases.zip"
        with zipfile.ZipFile(target, "w") as archive:
            for child in folder.iterdir():
                archive.write(child, "2026/" + child.name)
    done = manage_script(tmp_path, "align_batch", str(target), "--commit", env=env)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    releases, totals = lines[:-1], lines[-1]
    assert [r["name"] for r in releases] == [
        "qianhai-%s" % packed,
        "typhoon-%s" % packed,
    ]
    typhoon = releases[1]
    assert typhoon["beads"] == 3 and typhoon["one_sided"] == 0
    assert typhoon["stored"] == 3
    assert totals["releases"] == 2 and totals["unpaired"] == ["orphan"]
    assert totals["stored"] == sum(r["stored"] for r in releases)


def test_align_batch_refuses_a_bad_member_in_one_line_and_stores_nothing(tmp_path, env):
    folder = tmp_path / "releases"
    folder.mkdir()
    _release_files(folder, "a-good-one", TYPHOON_EN.replace("9.40", "9.45"),
                   TYPHOON_ZH.replace("40分", "45分"))  # fmt: skip
    (folder / "z-broken.en.txt").write_bytes(b"\x00\x01PNG\x00")
    (folder / "z-broken.zh.txt").write_text(TYPHOON_ZH, encoding="utf-8")
    done = manage_script(tmp_path, "align_batch", str(folder), "--commit", env=env)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "z-broken.en.txt" in done.stderr and "binary" in done.stderr
    lookup = manage_script(
        tmp_path,
        "memory_lookup",
        "--source-language",
        "en",
        "--target-language",
        "zh-Hant",
        "--threshold",
        "100",
        stdin="The Hong Kong Observatory issued the No. 8 Gale or Storm Signal at "
        "9.45am.\n",
        env=env,
    )
    assert "9時45分" not in lookup.stdout  # the good release was not kept either
