"""Tests for the rule-based sentence splitter in ``documents.segmentation``.

The expected sentence lists for the two seed documents were checked by hand;
each inner list is one paragraph, in file order.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.inline import from_tokens, plain, to_tokens
from documents.segmentation import (
    sentence_spans,
    split_long,
    split_sentences,
)
from formats.documents import html as html_format
from tests.support import ROOT

SEED_FILES = {
    "000": ROOT / "seeds" / "000_a73269a67c9f1785.txt",
    "003": ROOT / "seeds" / "003_75247c11c068f792.txt",
}

SEED_000 = [
    [
        (
            "Meeting of Task Force on the Development of the Qianhai Shenzhen-Hong "
            "Kong Modern Service Industry Co-operation Zone held in Shenzhen (with "
            "photos)"
        ),
    ],
    [
        (
            "The Secretary for Constitutional and Mainland Affairs, Mr Erick Tsang "
            "Kwok-wai, and Vice Mayor of Shenzhen Mr Wang Shourui, leading "
            "representatives of relevant bureaux and departments of the Hong Kong "
            "Special Administrative Region (HKSAR) Government and the delegation of "
            "the Shenzhen Municipal Government respectively, held the first meeting of "
            "the Task Force on the Development of the Qianhai Shenzhen-Hong Kong "
            "Modern Service Industry Co-operation Zone in Shenzhen today (February 6)."
        ),
        (
            "At the meeting, the governments of Hong Kong and Shenzhen jointly learnt "
            "of the requirements and objectives of the Central Government in regard to "
            "the Overall Development Plan for the Qianhai Shenzhen-Hong Kong Modern "
            "Service Industry Co-operation Zone (Qianhai Overall Development Plan), "
            "and exchanged views on how to further promote the development of Qianhai "
            "and deepen the collaboration between Hong Kong and Shenzhen."
        ),
    ],
    [
        (
            'Mr Tsang remarked, "The development of the Guangdong-Hong Kong-Macao '
            "Greater Bay Area (GBA) is a national strategy personally devised, "
            "personally planned and personally driven by President Xi Jinping."
        ),
        "Qianhai is one of the major co-operation platforms in the GBA.",
        (
            "The development of the Qianhai Shenzhen-Hong Kong Modern Service Industry "
            "Co-operation Zone (Qianhai Co-operation Zone) is an important initiative "
            "for supporting Hong Kong's social and economic development; fostering a "
            "higher level of co-operation among Guangdong, Hong Kong and Macao; and "
            "establishing a new development paradigm in pursuing opening up."
        ),
        (
            "The HKSAR Government has all along attached great importance to the "
            "co-operation with Qianhai, and maintained close liaison with the "
            "Guangdong Provincial Government, the Shenzhen Municipal Government and "
            "the Authority of Qianhai Shenzhen-Hong Kong Modern Service Industry "
            "Co-operation Zone of Shenzhen Municipality (Qianhai Authority)."
        ),
        (
            "Meanwhile, the HKSAR Government has continuously stepped up its efforts "
            "to support Hong Kong talent and enterprises in participating actively in "
            "the development of Qianhai and taking forward the high-quality "
            "development of the GBA."
        ),
    ],
    [
        (
            '"The first meeting of the Task Force held today will lay a more solid '
            "foundation for the governments of Hong Kong and Shenzhen to jointly "
            "formulate the work of implementing the promotion of the development of "
            "Qianhai in the new era, and further enhance the high-quality co-operation "
            "between Hong Kong and Shenzhen."
        ),
        (
            "The HKSAR Government will continue to lead all sectors of the community "
            "proactively to fully seize the opportunities of developing the GBA "
            "together and make new and greater contributions to the high-quality "
            'development and high-level opening up of the country."'
        ),
    ],
    [
        (
            "Before the meeting, the delegation of the HKSAR Government visited the "
            "Qianhai Co-operation Zone, where they were briefed by the Qianhai "
            "Authority on the latest developments of Qianhai."
        ),
        (
            "At the meeting, a National Development and Reform Commission "
            "representative introduced the key messages of the Central Government in "
            "regard to the requirements, objectives, etc, for the implementation as "
            "well as publicity and briefing of the Qianhai Overall Development Plan."
        ),
        (
            "The Hong Kong and Shenzhen sides jointly learnt of the requirements, and "
            "exchanged views in earnest on how to take forward the implementation of "
            "the objectives."
        ),
        (
            "Both sides arrived at a strong consensus to press ahead at full steam "
            "with promoting the demonstrative and leading roles Qianhai plays in the "
            "development of the GBA, and further deepening the collaboration between "
            "Hong Kong and Shenzhen."
        ),
    ],
    [
        (
            "The Qianhai Overall Development Plan provides a comprehensive coverage of "
            "the strategic positioning and development objectives, among other things, "
            "of the Qianhai Co-operation Zone."
        ),
        (
            "It is of vital importance to the HKSAR's active participation in the "
            "development of Qianhai and the opening up of the Mainland market through "
            "Qianhai by industries in which Hong Kong's strengths lie."
        ),
        (
            "It also serves as an important guide and support for the high-quality "
            "development of the GBA and better promotes Hong Kong's integration into "
            "the overall development of the country."
        ),
        (
            "The governments of Hong Kong and Shenzhen both undertook to continue to "
            "maintain close collaboration with relevant central ministries and "
            "commissions, and support the enhanced publicity and briefing work on the "
            "content of the Qianhai Overall Development Plan."
        ),
    ],
    [
        (
            'Mr Tsang said, "Since its development and opening up, the Qianhai '
            "Co-operation Zone has always observed the principles of 'relying on Hong "
            "Kong, serving the Mainland and opening up to the world'."
        ),
        (
            "The Qianhai Overall Development Plan stresses the collaboration between "
            "Hong Kong and Shenzhen, as well as supporting Hong Kong in consolidating "
            "and enhancing its competitive advantages."
        ),
        (
            "Going forward, Hong Kong and Shenzhen will jointly enhance collaboration "
            "and, in keeping with the requirements of the Qianhai Overall Development "
            "Plan, step up efforts in promoting the development of modern service "
            "industries in the Qianhai Co-operation Zone, support Qianhai in "
            "continuing to pursue more policy breakthroughs on pilot basis, and assist "
            "Qianhai in expediting the alignment of rules and harmonisation of "
            'mechanisms, in order to contribute to the further reform and opening up."'
        ),
    ],
    [
        (
            "Furthermore, the Qianhai Authority of Shenzhen, Invest Hong Kong, the "
            "Hong Kong Trade Development Council and the governments of Nanshan and "
            "Bao'an Districts of Shenzhen signed a co-operation memorandum of "
            "understanding, to jointly set up the Qianhai Hong Kong Enterprises "
            "Service Centre, which will provide one-stop services for Hong Kong "
            "residents and businesses engaging in entrepreneurship, investment and "
            "living in Qianhai, Shenzhen."
        ),
        (
            "The Hong Kong and Shenzhen sides also witnessed the inauguration ceremony "
            "of the Qianhai Hong Kong Enterprises Service Centre and the Qianhai Hong "
            "Kong Youth Development Centre jointly set up by the Qianhai Authority and "
            "the Hong Kong Federation of Youth Groups at the Qianhai Shenzhen-Hong "
            "Kong Youth Innovation and Entrepreneur Hub."
        ),
    ],
    [
        (
            "Officials of the HKSAR Government attending the meeting also included the "
            "Under Secretary for Commerce and Economic Development, Dr Bernard Chan; "
            "the Under Secretary for Financial Services and the Treasury, Mr Joseph "
            "Chan; the Under Secretary for Development, Mr David Lam; the Under "
            "Secretary for Home and Youth Affairs, Mr Clarence Leung; the Under "
            "Secretary for Innovation, Technology and Industry, Ms Lilian Cheong; the "
            "Commissioner for the Development of the Guangdong-Hong Kong-Macao Greater "
            "Bay Area, Ms Maisie Chan; the Director-General of Investment Promotion, "
            "Ms Alpha Lau, and representatives of relevant bureaux and departments."
        ),
    ],
]
SEED_003 = [
    [
        "date 2021-09-07 Plan issued to further develop cooperation zone",
    ],
    [
        "September 07, 2021",
    ],
    [
        "A panoramic view of the financial area in Hong Kong.",
        "(Photo/Xinhua)",
    ],
    [
        (
            "China's central authorities issued a plan on Monday for further "
            "development of a cooperation zone for Shenzhen and the Hong Kong Special "
            "Administrative Region."
        ),
    ],
    [
        (
            "The plan will \"give full play to Hong Kong's long-held advantages in "
            'high-end professional services", lifting cooperation between the cities '
            "to a higher level, an official said."
        ),
    ],
    [
        (
            "According to the plan, the reform and opening-up of the Qianhai "
            "Shenzhen-Hong Kong Modern Service Industry Cooperation Zone will be "
            "comprehensively deepened."
        ),
        (
            "It proposes increasing the area of the Qianhai cooperation zone from "
            "14.92 square kilometers to 120.56 square km."
        ),
    ],
    [
        (
            "The plan is underpinned by institutional innovation and will be "
            'implemented by pilot programmers under the framework of "one country, two '
            'systems" to promote the convergence of rules and mechanisms of the Hong '
            "Kong and Macao special administrative regions for coordinated development."
        ),
    ],
    [
        (
            "It plans to create a test platform for deepening reform and innovation in "
            "the Guangdong-Hong Kong-Macao Greater Bay Area and to build a high-level "
            "gateway for opening-up."
        ),
    ],
    [
        (
            "By 2035, Qianhai will boast a world-class business environment, and will "
            "become an engine for high-quality development with strong capability in "
            "global resource allocation, encouraging innovation and leading "
            "coordinated development, according to the plan."
        ),
    ],
    [
        '"The plan is like timely rain.',
        (
            "It not only enriches the connotation of regional cooperation and platform "
            "construction in the 14th Five-Year Plan (2021-25), but also focuses on "
            "utilizing Hong Kong's traditional advantages of a high-end professional "
            'services industry," a spokesperson of the Liaison Office of the Central '
            "People's Government in the Hong Kong SAR said on Monday."
        ),
    ],
    [
        (
            '"It will definitely provide great opportunities for Hong Kong '
            'professionals and enterprises."'
        ),
    ],
    [
        (
            "Hong Kong Chief Executive Carrie Lam Cheng Yuet-ngor said the plan will "
            "foster Hong Kong-Shenzhen cooperation at a higher level."
        ),
    ],
    [
        (
            "\"Not only does the plan give full play to Hong Kong's long-held "
            "advantages in high-end professional services, and elevate the function of "
            "the Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone, "
            "but it also promotes long-term development of Hong Kong professional "
            'services," she said on Monday.'
        ),
    ],
]


SEEDS = {"000": SEED_000, "003": SEED_003}
SEED_PARAGRAPHS = [
    pytest.param(sentences, id=f"seed{key}-p{number}")
    for key, paragraphs in SEEDS.items()
    for number, sentences in enumerate(paragraphs, start=1)
]


def paragraphs_of(path: Path) -> list[str]:
    """Return the blank-line separated paragraphs of a seed file, trimmed."""
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip())]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_expected_lists_reproduce_the_seed_paragraphs(key):
    paragraphs = paragraphs_of(SEED_FILES[key])
    assert paragraphs == [" ".join(sentences) for sentences in SEEDS[key]]


@pytest.mark.parametrize("sentences", SEED_PARAGRAPHS)
def test_seed_paragraph_splits_into_hand_checked_sentences(sentences):
    assert split_sentences(" ".join(sentences), "en") == sentences


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_whole_seed_file_yields_every_sentence_once(key):
    found = [
        sentence
        for paragraph in paragraphs_of(SEED_FILES[key])
        for sentence in split_sentences(paragraph, "en")
    ]
    assert found == [s for sentences in SEEDS[key] for s in sentences]


def check(text: str, expected: list[str], language: str = "en") -> None:
    """Assert that ``text`` splits into ``expected``."""
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It rained. We stayed in. Did you? Yes!",
            ["It rained.", "We stayed in.", "Did you?", "Yes!"],
        ),
        (
            "Really?! No way... Then it stopped.",
            ["Really?!", "No way...", "Then it stopped."],
        ),
        ("Wait… Then go.", ["Wait…", "Then go."]),
        (
            "Sales rose in 2021. 2022 was flat.",
            ["Sales rose in 2021.", "2022 was flat."],
        ),
        ('He left. "Why?" she asked.', ["He left.", '"Why?" she asked.']),
        ("No full stop at the end", ["No full stop at the end"]),
        ("First line.\nSecond line.", ["First line.", "Second line."]),
        ("Trailing space.   ", ["Trailing space."]),
    ],
)
def test_full_stop_question_and_exclamation_break_before_a_sentence_start(
    text, expected
):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said, "Go." Then he left.', ['He said, "Go."', "Then he left."]),
        ("(It was done.) Next we ate.", ["(It was done.)", "Next we ate."]),
        (
            "It was done (at last.) Next we ate.",
            ["It was done (at last.)", "Next we ate."],
        ),
        ("She asked, 'Why?' Nobody knew.", ["She asked, 'Why?'", "Nobody knew."]),
        (
            "A view of Hong Kong. (Photo/Xinhua)",
            ["A view of Hong Kong.", "(Photo/Xinhua)"],
        ),
        ('"Really?" he asked. "Yes."', ['"Really?" he asked.', '"Yes."']),
    ],
)
def test_closing_quote_or_bracket_stays_with_its_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Chan and Mrs. Lee.",
        "Ms. Wong, Prof. Ho, Jr. staff and Sr. Ng spoke.",
        "The office is on St. Paul's Road.",
        "Room No. 5 and Nos. 7 to 9 are free.",
        "The area is 15 sq. km in total.",
        "It was Lakers vs. Celtics last night.",
        "Bring fruit, e.g. Apples, or snacks, i.e. Crisps.",
        "The U.S. Government and the U.K. Parliament agreed.",
        "Doors open at 9 a.m. Hong Kong time and close at 5 p.m. Monday to Friday.",
        "ABC Co. Ltd. Chairman and XYZ Inc. Directors met.",
        "On Jan. 5, Feb. 6 and Sept. 7 the Oct. Review and Dec. Report came out.",
        "Approx. 200 people attended, cf. Table 2.",
        "Gov. Lee, Sen. Ho, Rep. Chan, Gen. Ng, Col. Yu, Capt. Ma and Hon. Lau came.",
        "J. Smith and J. R. R. Tolkien wrote it.",
        "Mr Erick Tsang Kwok-wai met Mr Wang Shourui.",
    ],
)
def test_no_break_after_titles_abbreviations_and_initials(text):
    check(text, [text])


def test_no_without_a_following_number_ends_a_sentence():
    check("He said no. Then he left.", ["He said no.", "Then he left."])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We bought apples, pears, etc. and left.",
            ["We bought apples, pears, etc. and left."],
        ),
        (
            "The requirements, objectives, etc., for the plan.",
            ["The requirements, objectives, etc., for the plan."],
        ),
        (
            "We bought apples, pears, etc. Then we left.",
            ["We bought apples, pears, etc. Then we left."],
        ),
    ],
)
def test_etc_never_ends_a_sentence(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The zone grew from 14.92 square kilometers to 120.56 square km.",
        "Meet at 5.30pm today.",
        "Inflation was 3.5% in 2021.",
        "Install version 1.2.3 before Friday.",
        "Visit www.info.gov.hk or write to a@b.com for details.",
    ],
)
def test_no_break_inside_numbers_urls_and_emails(text):
    check(text, [text])


def test_url_at_the_end_of_a_sentence_still_breaks():
    check(
        "Visit www.info.gov.hk. Then call us.",
        ["Visit www.info.gov.hk.", "Then call us."],
    )


@pytest.mark.parametrize(
    "text",
    [
        "See e.g. the annex.",
        "It was the No. 1 issue.",
        "He paused... then went on.",
        "Is it? not really.",
        "It was done (see below.) and filed.",
    ],
)
def test_no_break_before_a_lowercase_continuation(text):
    check(text, [text])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "政制及內地事務局局長曾國衞今日（二月六日）在深圳出席會議。"
            "會上，兩地政府共同學習了中央的要求。",
            [
                "政制及內地事務局局長曾國衞今日（二月六日）在深圳出席會議。",
                "會上，兩地政府共同學習了中央的要求。",
            ],
        ),
        (
            "曾國衞說：「前海是粵港澳大灣區重要的合作平台。」"
            "他表示，特區政府會繼續支持港人港企參與前海發展。",
            [
                "曾國衞說：「前海是粵港澳大灣區重要的合作平台。」",
                "他表示，特區政府會繼續支持港人港企參與前海發展。",
            ],
        ),
        ("他說：「好。」然後離開。", ["他說：「好。」", "然後離開。"]),
        (
            "前海合作區面積由14.92平方公里擴展至120.56平方公里（詳見附件。）其後再議。",
            [
                "前海合作區面積由14.92平方公里擴展至120.56平方公里（詳見附件。）",
                "其後再議。",
            ],
        ),
        (
            "這是真的嗎？當然是！我們明天見。",
            ["這是真的嗎？", "當然是！", "我們明天見。"],
        ),
        ("你好!我們開始吧?好的。", ["你好!", "我們開始吧?", "好的。"]),
        ("真的嗎？！是的。", ["真的嗎？！", "是的。"]),
        ("第一句。\n第二句。", ["第一句。", "第二句。"]),
    ],
)
def test_traditional_chinese_breaks_after_terminators_without_spaces(text, expected):
    check(text, expected, "zh-Hant")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "国务院新闻办公室今天举行发布会。发言人表示，“前海方案”已经印发。",
            ["国务院新闻办公室今天举行发布会。", "发言人表示，“前海方案”已经印发。"],
        ),
        ("他说：“好。”然后离开了。", ["他说：“好。”", "然后离开了。"]),
        (
            "《方案》提出：“扩区。”《方案》还提到……",
            ["《方案》提出：“扩区。”", "《方案》还提到……"],
        ),
    ],
)
def test_simplified_chinese_keeps_closing_quotes_with_the_sentence(text, expected):
    check(text, expected, "zh-Hans")


@pytest.mark.parametrize(
    "text",
    [
        "出席會議的官員包括商務及經濟發展局副局長陳百里博士；發展局副局長林智文；"
        "以及創新科技及工業局副局長張曼莉。",
        "會議議程：一、前海發展；二、兩地合作。",
        "他想了想……然後說明原因。",
        "他說「好。」，然後離開。",
    ],
)
def test_chinese_semicolons_ellipses_and_commas_do_not_break(text):
    check(text, [text], "zh-Hant")


def test_chinese_ellipsis_ends_a_sentence_before_its_closing_quote():
    check(
        "他說：「我不知道……」隨即離開。",
        ["他說：「我不知道……」", "隨即離開。"],
        "zh-Hant",
    )


def test_chinese_terminators_break_inside_english_text():
    check(
        "The sign read 前海合作區。It was new. 請留意。",
        ["The sign read 前海合作區。", "It was new.", "請留意。"],
        "en",
    )


def test_english_rules_apply_to_latin_punctuation_in_chinese_text():
    check(
        "請參閱附件，例如 Form A-1. Next we discuss Mr. Chan's budget. 之後再討論。",
        [
            "請參閱附件，例如 Form A-1.",
            "Next we discuss Mr. Chan's budget.",
            "之後再討論。",
        ],
        "zh-Hant",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[各州人口數按自由人總數確定。]*人口的實際統計依法律規定的方式進行。",
            ["[各州人口數按自由人總數確定。]*", "人口的實際統計依法律規定的方式進行。"],
        ),
        (
            "It was approved.* Next it was gazetted.",
            ["It was approved.*", "Next it was gazetted."],
        ),
    ],
)
def test_footnote_marks_stay_with_the_sentence_they_follow(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全文完。 」", ["全文完。 」"]),
        ("第一句。 *", ["第一句。 *"]),
        ("...", ["..."]),
    ],
)
def test_piece_without_letters_or_digits_joins_the_previous_sentence(text, expected):
    check(text, expected, "zh-Hant")


@pytest.mark.parametrize("language", ["en", "zh-Hant", "zh-Hans", "fr"])
def test_rules_do_not_depend_on_the_language_code(language):
    text = "Mr. Chan arrived. 他說：「好。」然後離開。"
    assert split_sentences(text, language) == [
        "Mr. Chan arrived.",
        "他說：「好。」",
        "然後離開。",
    ]


@pytest.mark.parametrize("text", ["", "   ", " \n\t "])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text, "en") == []
    assert sentence_spans(text, "en") == []


def test_spans_are_trimmed_offsets_into_the_original_text():
    text = "  First one.\n  Second\none!   「第三。」 "
    spans = sentence_spans(text, "en")
    assert spans == [(2, 12), (15, 26), (29, 34)]
    assert [text[start:end] for start, end in spans] == [
        "First one.",
        "Second\none!",
        "「第三。」",
    ]


PROPERTY_TEXTS = [
    pytest.param(paragraph, id=f"seed{key}-p{number}")
    for key, path in SEED_FILES.items()
    for number, paragraph in enumerate(paragraphs_of(path), start=1)
] + [
    "Mr. Smith met J. Smith at 5.30pm. (Photo/Xinhua) 他說：「好。」然後\n離開。",
    " etc. Then. . ! ? 。 」 ",
    "...",
    "「」。。",
]


@pytest.mark.parametrize("text", PROPERTY_TEXTS)
def test_spans_are_ordered_non_empty_and_cover_every_non_space_character(text):
    spans = sentence_spans(text, "en")
    sentences = split_sentences(text, "en")
    assert [text[start:end] for start, end in spans] == sentences
    assert all(sentence and sentence == sentence.strip() for sentence in sentences)
    ends = [0] + [end for _, end in spans]
    starts = [start for start, _ in spans] + [len(text)]
    assert all(end <= start for end, start in zip(ends, starts, strict=True))
    assert all(
        not text[end:start].strip() for end, start in zip(ends, starts, strict=True)
    )
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())


def test_module_imports_without_django():
    code = (
        "import sys, documents.segmentation as s; "
        "assert 'django' not in sys.modules; "
        "print(s.split_sentences('It is. We are.', 'en'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['It is.', 'We are.']"


# Inline codes


def _coded(tokens: str) -> str:
    """Return ``tokens`` (⟨1⟩, ⟨/1⟩, ⟨1/⟩) as coded text."""
    allowed = {(n, kind) for n in range(1, 10) for kind in ("open", "close", "ph")}
    return from_tokens(tokens, allowed)


@pytest.mark.parametrize(
    "tokens,expected",
    [
        ("⟨1⟩Hello⟨/1⟩. World.", ["⟨1⟩Hello⟨/1⟩.", "World."]),
        ("Hello.⟨/1⟩ ⟨2⟩World⟨/2⟩.", ["Hello.⟨/1⟩", "⟨2⟩World⟨/2⟩."]),
        ("Go. ⟨1/⟩ Then stop.", ["Go.", "⟨1/⟩ Then stop."]),
        ("Line one.⟨1/⟩ Line two", ["Line one.⟨1/⟩", "Line two"]),
        ("好。⟨/1⟩⟨2⟩然後⟨/2⟩。", ["好。⟨/1⟩", "⟨2⟩然後⟨/2⟩。"]),
        (
            "Mr ⟨1⟩Tsang⟨/1⟩ met Dr. ⟨2⟩Chan⟨/2⟩.",
            ["Mr ⟨1⟩Tsang⟨/1⟩ met Dr. ⟨2⟩Chan⟨/2⟩."],
        ),
    ],
)
def test_codes_are_invisible_to_the_rules_and_stay_with_their_sentence(
    tokens, expected
):
    sentences = split_sentences(_coded(tokens), "en")
    assert [to_tokens(s) for s in sentences] == expected
    assert "".join(sentences).replace(" ", "") == _coded(tokens).replace(" ", "")


def test_a_pair_split_by_a_sentence_boundary_keeps_each_half_in_its_sentence():
    """The opening ends the first sentence's codes, the closing the second's:
    joined again on export the paragraph holds both, in order."""
    text = _coded("⟨1⟩First sentence. Second⟨/1⟩ sentence.")
    first, second = split_sentences(text, "en")
    assert to_tokens(first) == "⟨1⟩First sentence."
    assert to_tokens(second) == "Second⟨/1⟩ sentence."


# Press-release times and closing lines (issue 14). The prose sentences are
# from the seed releases (seeds/000_*.txt); the closing lines are the forms
# the HKSAR Government's English and Chinese releases end with.
SEED_SENTENCE = (
    "The governments of Hong Kong and Shenzhen both undertook to continue to "
    "maintain close collaboration with relevant central ministries and commissions."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The meeting ended at 2.30 p.m. The Department of Justice said so.",
            ["The meeting ended at 2.30 p.m.", "The Department of Justice said so."],
        ),
        (
            "Doors open at 9 a.m. Visitors should arrive early.",
            ["Doors open at 9 a.m.", "Visitors should arrive early."],
        ),
        (
            "The ceremony began at noon. The Chief Executive spoke first.",
            ["The ceremony began at noon.", "The Chief Executive spoke first."],
        ),
        (
            "It ended at 7.30pm. The Secretary left.",
            ["It ended at 7.30pm.", "The Secretary left."],
        ),
        (
            "The meeting was held at 2.30 p.m. 律政司表示。",
            ["The meeting was held at 2.30 p.m.", "律政司表示。"],
        ),
    ],
)
def test_a_time_abbreviation_before_a_capital_ends_the_sentence(text, expected):
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The talk will start at 2.30 p.m. on Friday at City Hall.",
        "Registration opens at 9 a.m. and closes at 5 p.m. daily.",
        "It runs from 10 a.m. to 6 p.m. in Admiralty.",
        "It runs from 10 a.m. 3 days a week.",
        "The office closes at 5 p.m. Monday to Friday.",
        "The result is announced at 9 a.m. Hong Kong time on March 14.",
    ],
)
def test_a_time_abbreviation_before_lowercase_or_a_number_stays_inside(text):
    assert split_sentences(text, "en") == [text]


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (["Ends/Friday, March 14, 2025", "Issued at HKT 19:30", "NNNN"], "en"),
        (["Ends/Thursday, February 6, 2025", "Issued at HKT 20:05"], "en"),
        (["完", "2025年3月14日（星期五）", "香港時間19時30分", "NNNN"], "zh-Hant"),
        (["（完）", "2025年2月6日（星期四）", "香港時間20時05分"], "zh-Hant"),
    ],
)
def test_release_closing_lines_are_sentences_of_their_own(lines, language):
    text = "\n".join([SEED_SENTENCE, *lines])
    assert split_sentences(text, language) == [SEED_SENTENCE, *lines]


def test_a_closing_line_between_two_paragraph_lines_is_not_merged():
    text = "First line of prose\nNNNN\nsecond line of prose."
    assert split_sentences(text, "en") == [
        "First line of prose",
        "NNNN",
        "second line of prose.",
    ]


def test_ends_inside_a_sentence_is_not_a_closing_line():
    text = "The consultation ends on March 14.\nIt then reports."
    assert split_sentences(text, "en") == [
        "The consultation ends on March 14.",
        "It then reports.",
    ]


def test_split_long_prefers_semicolons_then_commas_then_spaces():
    assert split_long("aaaa, bbbb; cccc dddd, eeee", 12) == [
        "aaaa, bbbb;",
        "cccc dddd,",
        "eeee",
    ]
    assert split_long("one two three four five", 10) == [
        "one two",
        "three four",
        "five",
    ]
    assert split_long("一二三四，五六七八；九十一二", 8) == [
        "一二三四，",
        "五六七八；",
        "九十一二",
    ]
    assert split_long("within the limit", 100) == ["within the limit"]


def test_split_long_gives_none_when_a_stretch_has_no_boundary():
    assert split_long("x" * 30, 10) is None
    assert split_long("短句，" + "長" * 20, 10) is None


def test_closing_lines_between_line_break_codes_are_sentences_of_their_own():
    # As on info.gov.hk: the closing lines share one block, set apart by <br>.
    text = _coded(
        "Going forward, they will step up efforts.⟨1/⟩Ends/Friday, March 14, "
        "2025⟨2/⟩Issued at HKT 19:30⟨3/⟩⟨4/⟩NNNN"
    )
    sentences = [to_tokens(s) for s in split_sentences(text, "en")]
    assert sentences == [
        "Going forward, they will step up efforts.⟨1/⟩",
        "Ends/Friday, March 14, 2025⟨2/⟩",
        "Issued at HKT 19:30⟨3/⟩⟨4/⟩",
        "NNNN",
    ]


def test_closing_lines_of_an_html_release_set_apart_by_br_are_kept_apart():
    data = (
        "<p>他們會加強合作。<br>完<br>2025年3月14日（星期五）<br>"
        "香港時間19時30分<br>NNNN</p>"
    ).encode()
    (paragraph,) = html_format.parse(data).paragraphs
    assert [plain(s) for s in split_sentences(paragraph.text, "zh-Hant")] == [
        "他們會加強合作。",
        "完",
        "2025年3月14日（星期五）",
        "香港時間19時30分",
        "NNNN",
    ]
