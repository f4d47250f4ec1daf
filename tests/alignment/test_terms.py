"""Term candidates from aligned pairs: names paired with their Chinese."""

from alignment.terms import english_names, term_candidates

PAIRS = [
    (
        "The Secretary for Health, Professor Chan Yiu-ming, visited the "
        "Hong Kong Observatory today.",
        "醫務衞生局局長陳耀明教授今日參觀香港天文台。",
    ),
    (
        "The Hong Kong Observatory issued the Strong Wind Signal No. 3 at 5pm.",
        "香港天文台於下午5時發出三號強風信號。",
    ),
    (
        "The Secretary for Health, Professor Chan Yiu-ming, said vaccines are safe.",
        "醫務衞生局局長陳耀明教授表示疫苗安全。",
    ),
    (
        "The Qianhai Authority and the Hong Kong Observatory signed an agreement.",
        "前海管理局與香港天文台簽署協議。",
    ),
    ("He met the Qianhai Authority in the afternoon.", "他下午與前海管理局會面。"),
]


def test_names_are_runs_of_capitalised_words_without_peoples_names():
    assert english_names(PAIRS[0][0]) == {
        "Secretary for Health",
        "Hong Kong Observatory",
    }
    assert "Chan Yiu-ming" not in english_names(PAIRS[0][0])


def test_each_name_gets_the_chinese_that_goes_with_it():
    found = {c.english: c for c in term_candidates(PAIRS)}
    assert found["Hong Kong Observatory"].chinese == "香港天文台"
    assert found["Hong Kong Observatory"].count == 3
    assert found["Hong Kong Observatory"].evidence == (0, 1, 3)
    assert found["Qianhai Authority"].chinese == "前海管理局"
    # the title without the name of whoever holds it
    assert found["Secretary for Health"].chinese == "醫務衞生局局長"
    assert all(0 < c.score <= 1 for c in found.values())


def test_a_name_seen_once_is_no_candidate_unless_asked():
    assert "Strong Wind Signal" not in {c.english for c in term_candidates(PAIRS)}
    once = {c.english for c in term_candidates(PAIRS, min_count=1, every_name=True)}
    assert "Strong Wind Signal" in once or "Strong Wind Signal No" in once


def test_places_and_events_are_left_out_unless_every_name_is_asked_for():
    pairs = [
        (
            "The Transport Department closed roads in Kwun Tong, as it was the "
            "Harbourfront Cycling Day.",
            "運輸署為海濱單車日封閉觀塘道路。",
        ),
        (
            "The Transport Department reopened the roads in Kwun Tong, as the "
            "Harbourfront Cycling Day was over.",
            "運輸署在海濱單車日後重開觀塘道路。",
        ),
    ]
    offices = {c.english: c.chinese for c in term_candidates(pairs)}
    assert offices == {"Transport Department": "運輸署"}
    every = {c.english for c in term_candidates(pairs, every_name=True)}
    assert {"Kwun Tong", "Harbourfront Cycling Day", "Transport Department"} <= every


def test_what_makes_a_name_an_office_a_title_or_a_body():
    from alignment.terms import is_office_title_or_body

    for name in (
        "Qianhai Authority",
        "Secretary for Constitutional and Mainland Affairs",
        "Chief Executive",
        "Legislative Council",
        "Community Health Check Scheme",
        "Community Heat Resilience Task Force",
    ):
        assert is_office_title_or_body(name), name
    for name in ("Hong Kong", "East Kowloon", "Greater Bay Area", "Wan Chai North"):
        assert not is_office_title_or_body(name), name
