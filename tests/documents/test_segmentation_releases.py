"""Sentence segmentation of real press-release text (issue 14).

Each case is a paragraph as a translator receives it and the sentences a
careful translator expects. The texts are short passages of real releases,
cut to the part that matters (names and figures sometimes changed); the
comment above each case names its origin:

- seed 000: ``seeds/000_*.txt``, an HKSAR Government release (info.gov.hk,
  February 6, 2023); seed 003: ``seeds/003_*.txt``, a Xinhua/China Daily
  report (September 7, 2021).
- GIA: www.info.gov.hk/gia/general/ releases (English, Traditional
  Chinese, and the Simplified pages served through sc.isd.gov.hk and its
  TuniS mirrors), with the release number.
- GW: the same HKSAR releases as republished on government-world.com.
- HKO: Hong Kong Observatory bulletins republished by hkjcdpri.org.hk.
- CMAB: www.cmab.gov.hk press releases; DH: www.dh.gov.hk press releases.
- CNA/HKCNA/SINA: news-agency copy (www.cna.com.tw, www.hkcna.hk,
  news.sina.com.cn).
- HF: the compustar/hk_gov_press_release data set viewer (zh-HK releases).
- GH: a GitHub repository holding a flattened release text (the title and
  closing lines run into the body on one line).
"""

import pytest

from core.inline import from_tokens, to_tokens
from documents.segmentation import CLOSING_LINE, split_sentences
from formats.documents import plaintext

# --- English: abbreviations, citations and numbers inside a sentence --------

ENGLISH = [
    # seed 000: titles without a full stop, an abbreviation in brackets.
    pytest.param(
        "Officials attending the meeting also included the Under Secretary for "
        "Commerce and Economic Development, Dr Bernard Chan; the Under Secretary "
        "for Development, Mr David Lam. The Hong Kong and Shenzhen sides also "
        "witnessed the inauguration ceremony.",
        [
            "Officials attending the meeting also included the Under Secretary for "
            "Commerce and Economic Development, Dr Bernard Chan; the Under "
            "Secretary for Development, Mr David Lam.",
            "The Hong Kong and Shenzhen sides also witnessed the inauguration "
            "ceremony.",
        ],
        id="seed000-titles",
    ),
    # seed 003: decimals, a photo credit in brackets (rule 7).
    pytest.param(
        "A panoramic view of the financial area in Hong Kong. (Photo/Xinhua)",
        ["A panoramic view of the financial area in Hong Kong.", "(Photo/Xinhua)"],
        id="seed003-photo-credit",
    ),
    pytest.param(
        "It proposes increasing the area of the Qianhai cooperation zone from "
        "14.92 square kilometers to 120.56 square km. The plan is underpinned by "
        "institutional innovation.",
        [
            "It proposes increasing the area of the Qianhai cooperation zone from "
            "14.92 square kilometers to 120.56 square km.",
            "The plan is underpinned by institutional innovation.",
        ],
        id="seed003-decimals",
    ),
    # seed 003: a quotation of two sentences, then the speaker.
    pytest.param(
        '"The plan is like timely rain. It not only enriches the connotation of '
        'regional cooperation (2021-25)," a spokesperson said on Monday.',
        [
            '"The plan is like timely rain.',
            "It not only enriches the connotation of regional cooperation "
            '(2021-25)," a spokesperson said on Monday.',
        ],
        id="seed003-quote-then-speaker",
    ),
    # GW (Buildings Department, removal order): "Cap. 123" is an ordinance.
    pytest.param(
        "A property owner was convicted for failing to comply with a removal "
        "order issued under the Buildings Ordinance (BO) (Cap. 123). The case "
        "involved the subdivision of a domestic flat.",
        [
            "A property owner was convicted for failing to comply with a removal "
            "order issued under the Buildings Ordinance (BO) (Cap. 123).",
            "The case involved the subdivision of a domestic flat.",
        ],
        id="gw-cap-123",
    ),
    # GW (compulsory testing): "Cap. 599J", "i.e." and a time without a space.
    pytest.param(
        "The Government exercised the power under the Prevention and Control of "
        "Disease (Compulsory Testing for Certain Persons) Regulation (Cap. 599J) "
        "to make a declaration effective from 5.30pm yesterday. People within "
        "the restricted area (i.e. Tan Fung House, Choi Hung Estate) were "
        "required to stay in their premises.",
        [
            "The Government exercised the power under the Prevention and Control "
            "of Disease (Compulsory Testing for Certain Persons) Regulation (Cap. "
            "599J) to make a declaration effective from 5.30pm yesterday.",
            "People within the restricted area (i.e. Tan Fung House, Choi Hung "
            "Estate) were required to stay in their premises.",
        ],
        id="gw-cap-599j-ie",
    ),
    pytest.param(
        "The Government finished the exercise at around 9.30am today (July 20). "
        "It then carried out enforcement action.",
        [
            "The Government finished the exercise at around 9.30am today (July 20).",
            "It then carried out enforcement action.",
        ],
        id="gw-9.30am-today",
    ),
    # Section, paragraph, article and schedule citations (Hong Kong ordinances).
    pytest.param(
        "The woman was charged with contravening s. 5(1) of the Ordinance. She "
        "was fined $6,000.",
        [
            "The woman was charged with contravening s. 5(1) of the Ordinance.",
            "She was fined $6,000.",
        ],
        id="gw-section-s5",
    ),
    pytest.param(
        "The offence is set out in ss. 20-22 of the Ordinance and in Sch. 1 to "
        "it. Details are in para. 3 of the notice.",
        [
            "The offence is set out in ss. 20-22 of the Ordinance and in Sch. 1 to it.",
            "Details are in para. 3 of the notice.",
        ],
        id="citations-ss-sch-para",
    ),
    pytest.param(
        "Maintaining the status of an international financial centre is a "
        "requirement of the Basic Law (Art. 109). It is incumbent upon us to "
        "enhance our competitiveness.",
        [
            "Maintaining the status of an international financial centre is a "
            "requirement of the Basic Law (Art. 109).",
            "It is incumbent upon us to enhance our competitiveness.",
        ],
        id="gia-P2022062100598-art",
    ),
    # GIA "Ord. No." and Gazette notices "G.N. (E.) 178 of 2022".
    pytest.param(
        "The notice was published as G.N. (E.) 178 of 2022. Persons must "
        "undergo testing.",
        [
            "The notice was published as G.N. (E.) 178 of 2022.",
            "Persons must undergo testing.",
        ],
        id="gazette-gn-e",
    ),
    pytest.param(
        "The Amendment Ordinance (Ord. No. 5 of 2020) takes effect today. "
        "Owners should note the change.",
        [
            "The Amendment Ordinance (Ord. No. 5 of 2020) takes effect today.",
            "Owners should note the change.",
        ],
        id="ord-no",
    ),
    # GW (missing man): "No." before a number, metres with a decimal.
    pytest.param(
        "He is about 1.7 metres tall, 50 kilograms in weight and of thin build. "
        "Anyone who knows his whereabouts is urged to contact the Regional "
        "Missing Person Unit of Kowloon West on 3661 8038.",
        [
            "He is about 1.7 metres tall, 50 kilograms in weight and of thin build.",
            "Anyone who knows his whereabouts is urged to contact the Regional "
            "Missing Person Unit of Kowloon West on 3661 8038.",
        ],
        id="gw-missing-man",
    ),
    # GW (CEDD, barging point): "Signal No. 1" and a time without a space.
    pytest.param(
        "As the Standby Signal No. 1 has been issued by the Hong Kong "
        "Observatory, the Chai Wan Public Fill Barging Point will be closed at "
        "4.40pm today until further notice.",
        [
            "As the Standby Signal No. 1 has been issued by the Hong Kong "
            "Observatory, the Chai Wan Public Fill Barging Point will be closed at "
            "4.40pm today until further notice."
        ],
        id="gw-signal-no-1",
    ),
    # GIA P2024102600528: "Strong Wind Signal No. 3 is now in force".
    pytest.param(
        "As the Strong Wind Signal No. 3 is now in force, the flag-lowering "
        "ceremony at Golden Bauhinia Square at 6pm today (October 26) will be "
        "cancelled. If the Strong Wind Signal No. 3 is cancelled, the ceremony "
        "may be resumed.",
        [
            "As the Strong Wind Signal No. 3 is now in force, the flag-lowering "
            "ceremony at Golden Bauhinia Square at 6pm today (October 26) will be "
            "cancelled.",
            "If the Strong Wind Signal No. 3 is cancelled, the ceremony may be "
            "resumed.",
        ],
        id="gia-P2024102600528-signal",
    ),
    # GW (OLA): telephone with "Tel." and a web address before the full stop.
    pytest.param(
        "The spokesman appealed to anyone with information to report it to the "
        "OLA by the hotline (Tel. 2881 7498) or through its website "
        "(www.hadla.gov.hk). Guesthouse licensees may advertise on the Internet.",
        [
            "The spokesman appealed to anyone with information to report it to "
            "the OLA by the hotline (Tel. 2881 7498) or through its website "
            "(www.hadla.gov.hk).",
            "Guesthouse licensees may advertise on the Internet.",
        ],
        id="gw-tel-and-url",
    ),
    # GW (HKO director): "Dr", degrees with decimals.
    pytest.param(
        "The Director of the Hong Kong Observatory, Dr Cheng Cho-ming, hosted a "
        "press briefing today (March 23). With the annual mean temperature "
        "reaching 24.5 degrees, 2019 was the warmest year since records began in "
        "1884.",
        [
            "The Director of the Hong Kong Observatory, Dr Cheng Cho-ming, hosted "
            "a press briefing today (March 23).",
            "With the annual mean temperature reaching 24.5 degrees, 2019 was the "
            "warmest year since records began in 1884.",
        ],
        id="gw-hko-decimals",
    ),
    # Money and companies: "HK$1.2 billion", "Ltd.", "Co.", "e.g.", "U.S.".
    pytest.param(
        "The bond raised HK$1.2 billion. Investors included ABC Holdings Co. "
        "Ltd. and a U.S. fund, e.g. Example Capital Inc. of New York.",
        [
            "The bond raised HK$1.2 billion.",
            "Investors included ABC Holdings Co. Ltd. and a U.S. fund, e.g. "
            "Example Capital Inc. of New York.",
        ],
        id="money-and-companies",
    ),
    pytest.param(
        "The talk was given at St. John's Cathedral by Prof. Lee. About 3.5% "
        "of the seats were empty.",
        [
            "The talk was given at St. John's Cathedral by Prof. Lee.",
            "About 3.5% of the seats were empty.",
        ],
        id="st-prof-percent",
    ),
    pytest.param(
        "The site covers approx. 2.5 hectares. Works start in May.",
        ["The site covers approx. 2.5 hectares.", "Works start in May."],
        id="approx",
    ),
    # GW (TACI): a quotation ending with a comma, then the speaker in lowercase.
    pytest.param(
        '"Threatening or use of violence on enforcement officers is a serious '
        'offence," the spokesman said. As of today, there have been three cases '
        "in 2019.",
        [
            '"Threatening or use of violence on enforcement officers is a serious '
            'offence," the spokesman said.',
            "As of today, there have been three cases in 2019.",
        ],
        id="gw-quote-comma",
    ),
    # GW (ADTAC): curly quotes around a quoted sentence.
    pytest.param(
        "The Secretary for Transport and Logistics, Mr Lam Sai-hung, said, “The "
        "National 14th Five-Year Plan has supported Hong Kong. I look forward to "
        "the Advisory Committee’s continued wise counsel.”",
        [
            "The Secretary for Transport and Logistics, Mr Lam Sai-hung, said, "
            "“The National 14th Five-Year Plan has supported Hong Kong.",
            "I look forward to the Advisory Committee’s continued wise counsel.”",
        ],
        id="gw-curly-quotes",
    ),
    # GW (LegCo question): numbered parts with question marks.
    pytest.param(
        "(1) whether it has assessed the matter; if so, of the outcome? (2) of "
        "the justifications for the request?",
        [
            "(1) whether it has assessed the matter; if so, of the outcome?",
            "(2) of the justifications for the request?",
        ],
        id="gw-lcq-parts",
    ),
]

# --- English: a.m. and p.m. ---------------------------------------------------

TIMES = [
    # HKO bulletins: "a.m." before lowercase or a colon stays inside.
    pytest.param(
        "The Thunderstorm Warning has been issued. It will remain effective "
        "until 6:00 a.m. today.",
        [
            "The Thunderstorm Warning has been issued.",
            "It will remain effective until 6:00 a.m. today.",
        ],
        id="hko-am-today",
    ),
    pytest.param(
        "Here is the information on Typhoon Podul at 11:00 p.m. yesterday: "
        "Location: 21.6 degrees north.",
        [
            "Here is the information on Typhoon Podul at 11:00 p.m. yesterday: "
            "Location: 21.6 degrees north."
        ],
        id="hko-pm-yesterday",
    ),
    pytest.param(
        "Between 2:45 and 3:45 a.m., the rainfall recorded in Sha Tin was 1 to 11 mm.",
        [
            "Between 2:45 and 3:45 a.m., the rainfall recorded in Sha Tin was 1 "
            "to 11 mm."
        ],
        id="hko-am-comma",
    ),
    # Issue 14: "a.m./p.m." before a capital ends the sentence.
    pytest.param(
        "The hearing was adjourned at 2.30 p.m. The Department of Justice will "
        "study the judgment.",
        [
            "The hearing was adjourned at 2.30 p.m.",
            "The Department of Justice will study the judgment.",
        ],
        id="pm-then-capital",
    ),
    pytest.param(
        "The Observatory issued the Amber Rainstorm Warning Signal at 4:05 a.m. "
        "Heavy rain is expected.",
        [
            "The Observatory issued the Amber Rainstorm Warning Signal at 4:05 a.m.",
            "Heavy rain is expected.",
        ],
        id="hko-am-then-capital",
    ),
    pytest.param(
        "The shelters will be open from 10.30 p.m. until 8 a.m. tomorrow. For "
        "further information, please call the hotline.",
        [
            "The shelters will be open from 10.30 p.m. until 8 a.m. tomorrow.",
            "For further information, please call the hotline.",
        ],
        id="gw-shelters-pm-am",
    ),
    pytest.param(
        "The Financial Secretary arrived in Georgia at 6 p.m. (Tbilisi time) "
        "yesterday.",
        [
            "The Financial Secretary arrived in Georgia at 6 p.m. (Tbilisi time) "
            "yesterday."
        ],
        id="gw-tbilisi-time-lowercase",
    ),
    pytest.param(
        "The results will be announced at 9 a.m. (Hong Kong time) on March 14.",
        ["The results will be announced at 9 a.m. (Hong Kong time) on March 14."],
        id="am-bracketed-hong-kong-time",
    ),
    pytest.param(
        "The talks start at 10 a.m. Beijing time tomorrow.",
        ["The talks start at 10 a.m. Beijing time tomorrow."],
        id="am-beijing-time",
    ),
    pytest.param(
        "The market closes at 4 p.m. HKT on weekdays.",
        ["The market closes at 4 p.m. HKT on weekdays."],
        id="pm-hkt",
    ),
    pytest.param(
        "The office opens from 9 a.m. to 5 p.m. Monday to Friday.",
        ["The office opens from 9 a.m. to 5 p.m. Monday to Friday."],
        id="pm-weekday",
    ),
    pytest.param(
        "Voting closes at 10.30 p.m. on Sunday.",
        ["Voting closes at 10.30 p.m. on Sunday."],
        id="pm-on-sunday",
    ),
    pytest.param(
        "Doors open at 7 p.m. (the show starts later).",
        ["Doors open at 7 p.m. (the show starts later)."],
        id="pm-bracket-lowercase",
    ),
    pytest.param(
        "The ceremony starts at 11 a.m. Marine Department vessels will escort "
        "the fleet.",
        [
            "The ceremony starts at 11 a.m.",
            "Marine Department vessels will escort the fleet.",
        ],
        id="am-then-month-like-word",
    ),
    pytest.param(
        "The meeting ended at 5 p.m. 律政司其後回應。",
        ["The meeting ended at 5 p.m.", "律政司其後回應。"],
        id="pm-then-cjk",
    ),
    # MILOSI (Labour Department): "9am to 1pm and from 2pm to 6.15pm".
    pytest.param(
        "The office will be open from 9am to 1pm and from 2pm to 6.15pm. It is "
        "closed on public holidays.",
        [
            "The office will be open from 9am to 1pm and from 2pm to 6.15pm.",
            "It is closed on public holidays.",
        ],
        id="milosi-am-pm-no-dots",
    ),
]

# --- Traditional Chinese -------------------------------------------------------

TRADITIONAL = [
    # CMAB press_4100: a whole quotation 「…。」 with 『…』 inside.
    pytest.param(
        "「自回歸以來，香港特別行政區一直嚴格按照《基本法》的規定實行『港人治港』、"
        "高度自治。」「特區政府十分重視言論自由。然而，言論自由並非絕對。」",
        [
            "「自回歸以來，香港特別行政區一直嚴格按照《基本法》的規定實行『港人治港』、"
            "高度自治。」",
            "「特區政府十分重視言論自由。",
            "然而，言論自由並非絕對。」",
        ],
        id="cmab-4100-quotes",
    ),
    # HF (民政事務局局長): speech in 「…。」 after a colon.
    pytest.param(
        "劉江華說：「李慧詩勇奪金牌，令香港人感到光榮，她一直堅毅努力。香港單車代表隊"
        "取得驕人成績。」",
        [
            "劉江華說：「李慧詩勇奪金牌，令香港人感到光榮，她一直堅毅努力。",
            "香港單車代表隊取得驕人成績。」",
        ],
        id="hf-speech-quote",
    ),
    # HF (CHP influenza): semicolon-separated bullets stay one sentence.
    pytest.param(
        "市民應注意良好個人和環境衞生，以防感染流感： * 接種季節性流感疫苗；"
        " * 保持室內空氣流通；及 * 保持均衡飲食。市民可參閱衞生防護中心網頁"
        "（www.chp.gov.hk/tc/view_content/14843.html）。",
        [
            "市民應注意良好個人和環境衞生，以防感染流感： * 接種季節性流感疫苗；"
            " * 保持室內空氣流通；及 * 保持均衡飲食。",
            "市民可參閱衞生防護中心網頁（www.chp.gov.hk/tc/view_content/14843.html）。",
        ],
        id="hf-chp-bullets",
    ),
    pytest.param(
        "該名病人有長期病患。他的臨床診斷為甲型流感併發肺炎，現時情況嚴重。",
        ["該名病人有長期病患。", "他的臨床診斷為甲型流感併發肺炎，現時情況嚴重。"],
        id="hf-chp-plain",
    ),
    # CNA: a dateline in brackets, 「」 inside a sentence, a decimal number.
    pytest.param(
        "（中央社台北25日電）新華社今天報導，習近平將出席慶祝大會。官媒上午公布，"
        "「習近平將出席大會」，林鄭月娥表示熱烈歡迎。",
        [
            "（中央社台北25日電）新華社今天報導，習近平將出席慶祝大會。",
            "官媒上午公布，「習近平將出席大會」，林鄭月娥表示熱烈歡迎。",
        ],
        id="cna-dateline",
    ),
    pytest.param(
        "香港特區政府統計處昨天（9日）表示，基尼系數為0.539，較2011年上升0.002。",
        ["香港特區政府統計處昨天（9日）表示，基尼系數為0.539，較2011年上升0.002。"],
        id="decimal-in-chinese",
    ),
    # HKCNA: "(完)" appended after the last full stop.
    pytest.param(
        "有關各社區檢測中心的資料，請瀏覽網頁(按此)。(完)",
        ["有關各社區檢測中心的資料，請瀏覽網頁(按此)。", "(完)"],
        id="hkcna-inline-wan",
    ),
    # Exclamation and question marks, runs of them, and an ellipsis.
    pytest.param(
        "高溫天氣持續！請補充足夠水分。如感不適，立刻休息或求助！？需要時儘快求醫。",
        [
            "高溫天氣持續！",
            "請補充足夠水分。",
            "如感不適，立刻休息或求助！？",
            "需要時儘快求醫。",
        ],
        id="hko-exclamations",
    ),
    pytest.param(
        "記者問：「有關二十三條……」司長說：「我們暫時未有時間表。」",
        ["記者問：「有關二十三條……」", "司長說：「我們暫時未有時間表。」"],
        id="tunis-ellipsis-quote",
    ),
    pytest.param(
        "他說，計劃包括分享、講座……等活動，歡迎市民參加。",
        ["他說，計劃包括分享、講座……等活動，歡迎市民參加。"],
        id="ellipsis-inside",
    ),
    # Full-width digits and titles in 《》.
    pytest.param(
        "政府在憲報刊登《２０２５年危險藥物條例（修訂附表１）令》。修訂令同日生效。",
        [
            "政府在憲報刊登《２０２５年危險藥物條例（修訂附表１）令》。",
            "修訂令同日生效。",
        ],
        id="fullwidth-digits-title",
    ),
    # An English time inside Chinese text.
    pytest.param(
        "會議於下午2時30分（2.30 p.m.）結束。律政司其後回應。",
        ["會議於下午2時30分（2.30 p.m.）結束。", "律政司其後回應。"],
        id="english-time-inside-chinese",
    ),
    # A full stop followed by a comma-like mark does not end the sentence.
    pytest.param(
        "《條例》（第614章）。，第二段",
        ["《條例》（第614章）。，第二段"],
        id="stop-before-comma",
    ),
]

# --- Simplified Chinese ----------------------------------------------------------

SIMPLIFIED = [
    # GIA (sc.isd.gov.hk) P201508270980: 「…。」 in a Simplified page.
    pytest.param(
        "发言人说：「对於与民主党会面交流，特区政府表示欢迎。特区政府事前知悉，并将继续"
        "致力促进沟通。」",
        [
            "发言人说：「对於与民主党会面交流，特区政府表示欢迎。",
            "特区政府事前知悉，并将继续致力促进沟通。」",
        ],
        id="gia-sc-P201508270980",
    ),
    # SINA (中新社): curly quotes, Chinese numerals, and a year range.
    pytest.param(
        "发言人表示，特区政府现正就○七/○八的选举安排咨询公众意见。发言人强调，特区"
        "政府一直按照“钱七条”处理涉台事务。",
        [
            "发言人表示，特区政府现正就○七/○八的选举安排咨询公众意见。",
            "发言人强调，特区政府一直按照“钱七条”处理涉台事务。",
        ],
        id="sina-simplified",
    ),
    pytest.param(
        "政府发言人说：“两项法案并不合理。两项法案更会向示威者发出错误信息。”"
        "美国在香港拥有庞大经济利益。",
        [
            "政府发言人说：“两项法案并不合理。",
            "两项法案更会向示威者发出错误信息。”",
            "美国在香港拥有庞大经济利益。",
        ],
        id="curly-quotes-simplified",
    ),
    # CMAB press_389 (Simplified): 「…」 with 『…』 inside.
    pytest.param(
        "「自一九九七年回归以来，『一国两制』的成功落实是有目共睹的事实。香港所有选举"
        "都是公开、公平和廉洁。」",
        [
            "「自一九九七年回归以来，『一国两制』的成功落实是有目共睹的事实。",
            "香港所有选举都是公开、公平和廉洁。」",
        ],
        id="cmab-389-simplified",
    ),
    pytest.param(
        "单是去年已超过330亿美元！这是事实吗？当然是。",
        ["单是去年已超过330亿美元！", "这是事实吗？", "当然是。"],
        id="simplified-marks",
    ),
]

# --- Closing lines ------------------------------------------------------------------

LAST = "The ceremony may be resumed without further notice."
ZH_LAST = "特區政府事前知悉，並將繼續致力促進溝通。"
ZHS_LAST = "特区政府事前知悉，并将继续致力促进沟通。"

CLOSINGS = [
    # GIA P2024102600528 (English): the three closing lines.
    pytest.param(
        f"{LAST}\nEnds/Saturday, October 26, 2024\nIssued at HKT 17:52\nNNNN",
        [LAST, "Ends/Saturday, October 26, 2024", "Issued at HKT 17:52", "NNNN"],
        id="gia-en-closing",
    ),
    # GIA P2022062100598: the same, as extracted with spaces around.
    pytest.param(
        "Thank you very much.\n \nEnds/Tuesday, June 21, 2022\n\n Issued at HKT "
        "20:16\n\n\n NNNN\n",
        [
            "Thank you very much.",
            "Ends/Tuesday, June 21, 2022",
            "Issued at HKT 20:16",
            "NNNN",
        ],
        id="gia-P2022062100598-closing",
    ),
    pytest.param(
        f"{LAST}\nEnds/ Friday, March 14, 2025\nIssued at HKT 19:30",
        [LAST, "Ends/ Friday, March 14, 2025", "Issued at HKT 19:30"],
        id="ends-slash-space",
    ),
    pytest.param(
        f"{LAST}\nEnds\nIssued at HKT 9:05",
        [LAST, "Ends", "Issued at HKT 9:05"],
        id="bare-ends",
    ),
    pytest.param(
        f"{LAST}\nIssued at HKT 19:30 NNNN",
        [LAST, "Issued at HKT 19:30", "NNNN"],
        id="issued-and-nnnn-on-one-line",
    ),
    # GH (flattened release): the closing lines run into the last sentence.
    pytest.param(
        "The man was located on Lai Chi Kok Road last night (April 2). He "
        "sustained no injuries. Ends/Wednesday, April 3, 2024 Issued at HKT 12:10",
        [
            "The man was located on Lai Chi Kok Road last night (April 2).",
            "He sustained no injuries.",
            "Ends/Wednesday, April 3, 2024",
            "Issued at HKT 12:10",
        ],
        id="gh-flattened-closing",
    ),
    pytest.param(
        f"{LAST}\n- Ends -",
        [LAST, "- Ends -"],
        id="dashed-ends",
    ),
    # Xinhua English copy ends its last paragraph with "Enditem".
    pytest.param(
        "China will continue to deepen reform. Enditem\n",
        ["China will continue to deepen reform.", "Enditem"],
        id="xinhua-enditem-inline",
    ),
    pytest.param(
        "China will continue to deepen reform.\nEnditem",
        ["China will continue to deepen reform.", "Enditem"],
        id="xinhua-enditem-line",
    ),
    # GIA (Traditional): 完 / date / 香港時間 / NNNN.
    pytest.param(
        f"{ZH_LAST}\n完\n2015年8月27日（星期四）\n香港時間23時25分\nNNNN",
        [ZH_LAST, "完", "2015年8月27日（星期四）", "香港時間23時25分", "NNNN"],
        id="gia-tc-closing",
    ),
    # CMAB press_4100: half-width brackets around the weekday.
    pytest.param(
        f"{ZH_LAST}\n2018年11月14日(星期三)\n香港時間23時58分",
        [ZH_LAST, "2018年11月14日(星期三)", "香港時間23時58分"],
        id="cmab-4100-closing",
    ),
    # GIA (sc.isd.gov.hk) P201508270980: Simplified 香港时间.
    pytest.param(
        f"{ZHS_LAST}\n完\n2015年8月27日(星期四)\n香港时间23时25分",
        [ZHS_LAST, "完", "2015年8月27日(星期四)", "香港时间23时25分"],
        id="gia-sc-closing",
    ),
    # GIA (TuniS mirror, 2002): the date in Chinese numerals.
    pytest.param(
        "我相信立法程序如要做时，一定会向香港大众谘询清楚。多谢。\n"
        "二○○二年六月二十八日(星期五)",
        [
            "我相信立法程序如要做时，一定会向香港大众谘询清楚。",
            "多谢。",
            "二○○二年六月二十八日(星期五)",
        ],
        id="tunis-2002-chinese-numeral-date",
    ),
    pytest.param(
        f"{ZH_LAST}\n完\n二○二五年三月十四日（星期五）\n香港時間19時30分",
        [ZH_LAST, "完", "二○二五年三月十四日（星期五）", "香港時間19時30分"],
        id="chinese-numeral-date-2025",
    ),
    # DH 150526-2: a date line with 零 and no weekday, a time line.
    pytest.param(
        "二零一五年五月二十六日\n衞生署今日宣布，所有衞生署診所將恢復正常服務。\n"
        "香港時間11時43分",
        [
            "二零一五年五月二十六日",
            "衞生署今日宣布，所有衞生署診所將恢復正常服務。",
            "香港時間11時43分",
        ],
        id="dh-2015-dateline",
    ),
    pytest.param(
        f"{ZH_LAST}\n（完）",
        [ZH_LAST, "（完）"],
        id="fullwidth-bracketed-wan",
    ),
    pytest.param(
        f"{ZH_LAST}\n(完)",
        [ZH_LAST, "(完)"],
        id="halfwidth-bracketed-wan",
    ),
    pytest.param(
        f"{ZH_LAST}\n- 完 -",
        [ZH_LAST, "- 完 -"],
        id="dashed-wan",
    ),
    pytest.param(
        f"{ZH_LAST}\n完\n２０２５年３月１４日（星期五）",
        [ZH_LAST, "完", "２０２５年３月１４日（星期五）"],
        id="fullwidth-digit-date",
    ),
    pytest.param(
        f"{ZH_LAST}\n2015年8月27日(星期四) 香港时间23时25分",
        [ZH_LAST, "2015年8月27日(星期四)", "香港时间23时25分"],
        id="date-and-time-on-one-line",
    ),
    # HF (zh-HK releases as flattened text): the closing lines after the body.
    pytest.param(
        f"{ZH_LAST}完 2015年8月27日（星期四） 香港時間23時25分",
        [ZH_LAST, "完", "2015年8月27日（星期四）", "香港時間23時25分"],
        id="hf-flattened-chinese-closing",
    ),
    # A date that starts a sentence is prose, not a closing line.
    pytest.param(
        "2025年3月14日，政府宣布新措施。\n市民可瀏覽網頁。",
        ["2025年3月14日，政府宣布新措施。", "市民可瀏覽網頁。"],
        id="date-starting-prose",
    ),
    pytest.param(
        "The consultation ends on March 14.\nNNNN is not a word.",
        ["The consultation ends on March 14.", "NNNN is not a word."],
        id="nnnn-starting-prose",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_release_sentences(text, expected):
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_english_times(text, expected):
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL)
def test_traditional_chinese_release_sentences(text, expected):
    assert split_sentences(text, "zh-Hant") == expected


@pytest.mark.parametrize(("text", "expected"), SIMPLIFIED)
def test_simplified_chinese_release_sentences(text, expected):
    assert split_sentences(text, "zh-Hans") == expected


@pytest.mark.parametrize(("text", "expected"), CLOSINGS)
def test_release_closing_lines(text, expected):
    assert split_sentences(text, "en") == expected


CLOSING_VARIANTS = [
    "Ends/Friday, March 14, 2025",
    "Ends/ Friday, March 14, 2025",
    "Ends",
    "- Ends -",
    "Enditem",
    "Issued at HKT 19:30",
    "Issued at HKT 19:30 NNNN",
    "NNNN",
    "完",
    "（完）",
    "(完)",
    "－完－",
    "2025年3月14日（星期五）",
    "2025年3月14日(星期五)",
    "二○二五年三月十四日（星期五）",
    "二〇二五年三月十四日（星期五）",
    "二零一五年五月二十六日",
    "香港時間19時30分",
    "香港时间19时30分",
]


@pytest.mark.parametrize("line", CLOSING_VARIANTS)
def test_each_closing_line_is_a_paragraph_of_its_own_in_plain_text(line):
    """The plain-text reader and the splitter agree on every variant."""
    assert CLOSING_LINE.fullmatch(line)
    data = f"Title\n{ZH_LAST}\n{line}\n{ZHS_LAST}\n".encode()
    paragraphs = [p.text for p in plaintext.parse(data).paragraphs]
    assert paragraphs == ["Title", ZH_LAST, line, ZHS_LAST]


@pytest.mark.parametrize(
    "line",
    [
        "2025年3月14日，政府宣布新措施。",
        "Ends of the earth",
        "NNNN and more",
        "完成工程",
        "香港時間表" + "很長" * 20,
        "Issued at noon",
    ],
)
def test_prose_lines_are_not_closing_lines(line):
    assert not CLOSING_LINE.fullmatch(line)


def test_closing_lines_run_together_between_codes_keep_their_codes():
    """As on info.gov.hk with a ``<br>`` lost: the run splits, codes stay put."""
    text = from_tokens(
        "Going forward, they will step up efforts.⟨1/⟩Ends/Friday, March 14, "
        "2025 Issued at HKT 19:30⟨2/⟩NNNN",
        {(n, "ph") for n in (1, 2)},
    )
    assert [to_tokens(s) for s in split_sentences(text, "en")] == [
        "Going forward, they will step up efforts.⟨1/⟩",
        "Ends/Friday, March 14, 2025",
        "Issued at HKT 19:30⟨2/⟩",
        "NNNN",
    ]
