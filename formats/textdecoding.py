"""Decode the bytes of an uploaded text file into a ``str``.

Accepted: UTF-8 with or without BOM, UTF-16/UTF-32 with BOM (UTF-16 without
one when every other byte is NUL), GB18030 and Big5 (read as Big5-HKSCS, so 衞
works). The BOM is dropped and line endings become ``\\n``. Order: a BOM wins;
NUL bytes or over 2% control bytes mean binary; then strict UTF-8. Otherwise
the bytes are decoded strictly as GB18030 and as Big5-HKSCS (often both work)
and each result is scored: each non-ASCII character in ``_RANK`` (CJK
punctuation and the commonest characters of both scripts, most frequent first)
adds 1.0 down to 0.5 by rank, one that wrong decodings produce (private use,
kana, box drawing, accented Latin) subtracts 1, and the sum is divided by the
non-ASCII count. The higher score wins (ties: GB18030) if it reaches 0.3 and
at most 30% of its non-ASCII characters stand alone by an ASCII letter, as
Latin-1 accents read as double-byte characters do (``zur點ksetzen``).

Latin-1 is refused, with a hint to save as UTF-8: accented letters mean
different things in Latin-1, Latin-2 and their Windows forms. One exception:
text whose only non-ASCII bytes are short runs of Windows-1252 punctuation
(curly quotes, dashes, ellipsis, no-break space) is English from Windows and
is read as Windows-1252.

Measured (strings from Django 5.2's catalogues and the OpenCC golden texts,
encoded, then decoded here; right / wrong / refused):

- 895 ``zh_Hans`` strings (median 5 characters) as GB18030: 882 / 10 / 3.
- 898 ``zh_Hant`` strings as Big5-HKSCS: 891 / 1 / 6; ``zh_Hans`` strings
  converted by OpenCC s2hk: 885 / 2 / 4 as Big5-HKSCS, 887 / 5 / 3 as GB18030.
  All misses have at most 5 CJK characters. Wrong GB18030 ones (未知) are
  bytes that are valid UTF-8 too, which comes first; wrong Big5 ones are
  ties or near ties between two plausible readings (參數 -> 把计).
- 600 paragraphs of 3 strings, the golden Constitution (Simplified as
  GB18030; s2hk, s2t, s2tw as Big5-HKSCS) whole and by line: all right.
- 3,897 accented European strings in Windows-1252/1250: 3,738 refused, 155
  read right as Windows-1252 (punctuation only), 4 (0.1%) taken as Chinese.

A set made from the golden texts alone (1,040 characters) refused 9% of the
short strings, so ``_COMMON_HANZI`` comes from a general word list instead.

The other encodings a Chinese archive holds:

- HZ (RFC 1843, GB 2312 in 7-bit ``~{...~}`` spans) is ASCII, so valid
  UTF-8: ASCII text whose every ``~{`` opens a span of whole pairs ending in
  ``~}`` and which reads as Chinese is decoded as HZ (Python's ``hz``).
- UTF-16 without BOM and with Chinese text has few NUL bytes; bytes that
  are not UTF-8 and decode as UTF-16 (LE, then BE) to at least 30% CJK
  characters, no control characters and the Chinese score are taken so.
- EUC-TW (CNS 11643) has no Python codec, and GB18030 and Big5 read its
  bytes without error, as nonsense. It is refused, naming it, when every
  byte is ASCII, an A1-FE pair or a four-byte ``8E A1-B0`` sequence and
  either a plane 2-7 sequence is there or the Chinese characters all have
  the lead bytes of CNS plane 1 (C4-FD), none the B0-C3 where GB 2312 and
  Big5 keep their commonest, and there are twelve of them or the GB/Big5
  reading scores under 0.55.

Measured on the lines of the golden texts and Django's zh catalogues
converted with GNU iconv (right / wrong / refused): EUC-TW 0 / 60 / 1,309
(the 60 wrong are names and dates of at most five characters); GB2312,
GBK, GB18030, Big5 and Big5-HKSCS none refused as EUC-TW (as before this
check); HZ 511 / 0 / 0; UTF-16LE without BOM 1,455 / 6 / 10, BE
1,451 / 9 / 11.
"""

import codecs
import re
import string
from collections import Counter

from django.utils.translation import gettext_noop

from formats import FormatError

__all__ = ["decode_text"]

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b")
_CONTROL_BYTES += b"\x7f"
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.02
_MIN_SCORE = 0.3
_MAX_GLUED_SHARE = 0.3
_LETTERS = frozenset(string.ascii_letters)
_WINDOWS_PUNCTUATION = frozenset("\u00a0‘’‚“”„–—…•·©®™°")

_COMMON_PUNCTUATION = "\u3000，。、：；？！“”‘’（）《》〈〉「」『』【】…—·～"
# The 1,500 commonest characters of each script, united (2,063) and ordered by
# summed frequency. Frequency of a character = sum of the counts of the words
# holding it in jieba 0.42.1's jieba/dict.txt (MIT, 349,046 words); the
# Traditional counts come from the same words converted with OpenCC 1.4.2
# s2t, s2hk and s2tw (counts averaged over the three).
_COMMON_HANZI = (
    "一是人不了在有大中和上他地年我以到要的出生國国道民家子也成行下就自之为這这得主可天"
    "作分方用多你部能个個市等全來来工公本會会都而高政法面日着事代那去心小北定同前其然起"
    "為所如時时理表力好外文重學学新说三山水明化平只建又后南西于於們们此名手发最者月後安"
    "看發各城對对十相但已些正口里制通想度長长加第她合過过院物性由位常海意武使次二向治因"
    "立身情入业業原把路被利石老教知量經经任江及省委元說美特期世湖門门比动動進进回展区區"
    "科金先提品或王開开產产社很軍军还還爲四种種首共形己現现司太目基直机機女體体少流命至"
    "米打果清活州解與与更程今当兩两系當實实府保交放管才么麼便走族反再色五京河接關关從从"
    "式白它改光信受什內内沒没將将員员百東东頭头指間间做無无取技見见神斯真界件花何眼兵著"
    "空集戰战古完增點点史官每住商即步場场林必死裏言皇土收考求德叫近研非李數数樣样感具笑"
    "革持問问始并英士克万萬拉級级思根格造應应資资朝務务型校器説字段並深候功快氣火千究往"
    "气漢汉總总育電电半令像布聲声設设精義义帝八影告包整料算容示投周統统值象處处望源夫馬"
    "马息股兒儿派領领隊队速怎計计别需片別權权律支話话早病境越推報报且列給给几服書變变书"
    "局華华幾未居議议稱除称企引初張決决青吃张導导率术術球察台站施均師消結结干师客失存達"
    "达低甚般曾防題题落條条规規足素縣县副食照風风运運巴洲村组組志易聽听星木黑左置跟央濟"
    "济六底党房音論论強游黨案强批切富另倒若按查故突黃黄選选記记模卻却職职號号破承招類类"
    "席父供域似傳传依帶带修找九密農农邊边血据旅據聯联广廣效玉质質演毛陽阳難难航准致右七"
    "攻群历宗章專专阿抗弟封備认認車车坐線喜舉举排射线哥油刻留急裡降团座微例爭备争景众拿"
    "連连注歷调調轉转念害團該该印沙母酒助超待送爾策尔略让讓限竟较較香际際親亲配单單藏呢"
    "紅红差仍價价升约約善波哪止亞亚怕則则皮屬属积積味份角草男普答益圖图船街夏宣掌田久极"
    "極奇尼吧免孩材背洋春裝装架核許许参括晚乎參尚良遊友佈激观觀刀夜室既敢邦昌魚鱼辦办福"
    "港划复隨苦遠远句構构随守威劃势勢宜衣堂熱热充網网班呼退语語鐵铁断斷胡希娘板版某愛爱"
    "紀纪楚況况證证典毒編菜判曲编救滿宋满茶覺觉洪含啊織雙双朱樂乐標标确確端织兄冷忙康肉"
    "項项節飛飞永节户龙龍響响哈沉药散藥停幹假準牛洞輕轻否述督擊击控臺請请姑忽眾互亮離离"
    "襄登咱顯伯显羅臣罗雄营營季斗介视視护護鄂采召创創暗祖餘占余短烈興兴牌恩移雖虽露佔費"
    "费喝试試寶植授伊宝博痛穿逐識识庭環陵維维固禁票蒙宮宫环温姓吸遇乡鄉追甲唐炮责責沿严"
    "嚴殿桥橋刺細怪僅仅俄勝胜范殺杀圍围採警製態态索係楊彩杨负負征岸靠附层層毫须續续状狀"
    "骨探雷旁銀银松罪牙迎終终序須钱錢獨慢赛賽鬥独细盛冲雨获習习醫医鎮彈危尽熟脸臉弹樓楼"
    "艺藝概陸陆操羣協协镇寫檢检範写野苏付午肯酸獲厚缺耳屋嘴末蘇培瓦款犯驗验店智緊紧勞劳"
    "雪翻優优秘困財财適旗吉養养陳适陈婚云卫疑簡歌廷健卡析跑仙傷伤舞亡汽伸谷姐絕绝折繁侵"
    "川階阶秋莫巨雲麻劉刘秀剛刚私億亿跳佛套聞闻兼您君審审丁束壓袁压坦監监瞧樹墓遍掉敵敌"
    "丹桃避售蘭兰怒復播拔園园树延詞词島岛預预繼继執执遭卷混婆奴鼓誰睡輯震劍谁予童徐殖抓"
    "拜驚惊畫址洛休逃染透画蛋辑森剑談谈塔距禮礼狐融郡愿願托筑築聚拍忠亂乱講粉涓讲孔臨临"
    "紫促岩揮挥塞寺葉歐欧津液叶虎珍硬奔累役简偏迫凡擔担壁搜哭替歲岁荊荆貴贵冰盟轄辖借尤"
    "弱妹錯秦幫帮塊块尊额額竹珠错迅劇剧御泥鬼歡欢睛夠够刑孫孙途隆潮陣幅阵握銷销堅坚練练"
    "腳脚讀读奉測测衝乘抱乾吳吴朋寧宁崇換换異紝异恐享抵呈顧顾械奶敬措爆暴梁幸猛郭嘉顺順"
    "障亦泛搞胞埃敗鲜鮮败貨货曰撤礦矿暖寒歸归俗阻買买勒忘險险評评嗎吗奏孝灰梅厂廠默胸醒"
    "玩戶篇丰柱杯遺裁啦遗衛淡捕徵筆笔輸输截朗漸渐雅頂忍顶訓训录錄畢毕勇盡徒丈尾迷唱泉獻"
    "献泰爺佳爷衆脱納纳伍呀疾署剩钟冠豐豆申腦脑羊尖饭飯涉擴扩爹摩妻殊齐齊趕赶訴诉零映詩"
    "诗欲礎础甘糖屆届靜棉静汗冒床雕渡努盤盘賣卖斤裂灣湾患伏峰減减池鹿洗倍圈媒靈灵箭杂雜"
    "溫澤泽挑抬隔弄曹側侧慶庆媽妈苗馆館唯補补振桌購祭符僧衡炸旋喊黎郎援肥磁忌旧舊祥董仁"
    "辛轮輪瑞妇婦敏載载覆浪貌昨怀懷巧腿軟软抽荷陷焦腹乃湘滑狗宏皆番桂槍枪恢喫趣晶坡魏摸"
    "伴墨冬墙牆恶井旦顿頓稳穩窗聘症堰诸諸宇绿綠荒荣榮针寬恨宽税杜針腰罷库庫侍罢惡叔寨幕"
    "豪谢謝页頁磨拥擁圣聖複戲戏獎奖币幣圓圆燒烧週療讨討烟误誤疗閉闭尋寻崗岗丽麗橫横驻駐"
    "紙纸夺奪燈灯絲坏壞丝径购陰阴擇择憲宪鲁魯庙廟舰艦課课滅奥奧虛虚噸扎隐隱粮糧络絡舍摇"
    "搖潜潛庄莊厅廳趙赵访訪韦韋吨扬揚纵縱紛纷贸貿汇灭仪儀緩隻缓蓋盖潤迹释釋润岭嶺儘徑伙"
    "壇虑慮钢鋼瞭码碼坛錛锛损損煙綜综伦倫競掛挂韩韓竞烏乌鋪铺脉脈純纯岳鐘谋謀剂劑績谓謂"
    "頻频壮壯騎骑蟲鸡雞虫绍紹铜銅摆擺签缩縮废廢訂订绩盐鹽萨薩貼贴触觸蓮莲紡衞抢搶鬧闹纺"
    "沖讯訊貧譽誉繫夢梦峡峽緣残殘闪閃脫賊贼倾傾麥贫麦诺諾泪淚辈輩鏡镜貢贡缘贝貝奮罵骂飲"
    "饮奋躍跃牀閣赞启阁峯劲勁晋晉沟锋溝鋒膽胆憑凭闖闯鍾湯汤貫遷迁匯儲叹储贯徹彻簽鳳淨凤"
    "遼賞辽赏詢询毁畝棄净弃亩尸偉屍伟夥覽览齡龄繞绕濃浓緒绪藍蓝荡阅鴻鸿慣惯鳥鸟辞辭穷窮"
    "髮键鍵递遞隶厉闲袭灾涨湿郑"
)
_RANK = {char: rank for rank, char in enumerate(_COMMON_PUNCTUATION + _COMMON_HANZI)}
_ISOLATED = re.compile(r"(?<![^\x00-\x7f])[^\x00-\x7f](?![^\x00-\x7f])")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def decode_text(data: bytes) -> str:
    """Return the text of ``data`` without BOM and with ``\\n`` line endings.

    Raise ``FormatError`` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise FormatError(gettext_noop("the file is empty"))
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FormatError(gettext_noop("the file is empty"))
    return text


def _decode(data: bytes) -> str:
    """Pick an encoding for ``data`` and decode it, or raise ``FormatError``."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], codec, name)
    codec = _bomless_utf16(data)
    if codec:
        return _decode_unicode(data, codec, "UTF-16")
    binary = b"\0" in data or _control_share(data) > _MAX_CONTROL_SHARE
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        furthest = exc.start
    else:
        if not binary:
            return _hz(data) or text
        furthest = 0
    text = _bomless_utf16_chinese(data)
    if text is not None:
        return text
    if binary:
        raise FormatError(gettext_noop("the file looks binary, not text"))
    if _looks_euc_tw(data):
        raise FormatError(_EUC_TW)
    text, failed_at = _guess_chinese(data)
    if text is not None and _looks_euc_tw(data, text):
        raise FormatError(_EUC_TW)
    text = text or _windows_punctuation(data)
    if text is not None:
        return text
    line = data.count(b"\n", 0, max(furthest, failed_at)) + 1
    if _looks_latin(data):
        raise FormatError(
            gettext_noop(
                "the text is not in UTF-8, UTF-16, GB18030 or Big5 (first bad "
                "byte at line %(line)d); it looks like Latin-1 or Windows-1252, "
                "so save it as UTF-8"
            ),
            line=line,
        )
    raise FormatError(
        gettext_noop(
            "the text is not in UTF-8, UTF-16, GB18030 or Big5 "
            "(first bad byte at line %(line)d)"
        ),
        line=line,
    )


def _decode_unicode(data: bytes, codec: str, name: str) -> str:
    """Decode UTF-16/32 (or BOM-marked UTF-8) strictly and refuse binary."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode(codec, errors="replace")
        line = head.count("\n") + 1
        raise FormatError(
            gettext_noop(
                "the text is not valid %(encoding)s (first bad byte at line %(line)d)"
            ),
            encoding=name,
            line=line,
        ) from None
    controls = len(text) - len(text.translate(_CONTROL_CHARS))
    if "\0" in text or controls > _MAX_CONTROL_SHARE * len(text):
        raise FormatError(gettext_noop("the file looks binary, not text"))
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 codec if ``data`` is mostly ASCII in UTF-16 without BOM."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    even_nuls = data[0::2].count(0) / half
    odd_nuls = data[1::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _bomless_utf16_chinese(data: bytes) -> str | None:
    """Decode Chinese UTF-16 without BOM: CJK code units, few NUL bytes.

    Taken only when the decoded text reads as Chinese (the same score as
    GB18030 and Big5 must reach) and holds no control characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.translate(_CONTROL_CHARS) != text:
            continue
        cjk = sum(1 for char in text if "\u3000" <= char <= "\u9fff")
        if cjk >= 0.3 * len(text) and _common_score(text) >= _MIN_SCORE:
            return text
    return None


_EUC_TW = gettext_noop(
    "the text looks like EUC-TW (CNS 11643), which the workbench cannot read; "
    "convert it to UTF-8 (for example iconv -f EUC-TW -t UTF-8) and upload it again"
)
_HZ_SPAN = re.compile(rb"~\{(?:[\x21-\x7e]{2})*?~\}")


def _hz(data: bytes) -> str | None:
    """Decode HZ (RFC 1843: GB 2312 in 7-bit ``~{...~}`` spans) if it is HZ.

    ASCII text that only happens to hold ``~{`` stays ASCII: every span must
    be whole pairs that decode to text reading as Chinese.
    """
    if b"~{" not in data or not data.isascii():
        return None
    if len(_HZ_SPAN.findall(data)) != data.count(b"~{"):
        return None
    try:
        text = data.decode("hz")
    except UnicodeDecodeError:
        return None
    return text if _common_score(text) >= _MIN_SCORE else None


_EUC_TW_CHAR = re.compile(rb"\x8e[\xa1-\xb0][\xa1-\xfe]{2}|[\xa1-\xfe]{2}|[\x00-\x7f]")
_EUC_TW_PLANE = re.compile(rb"\x8e[\xa1-\xa7][\xa1-\xfe]{2}")
_EUC_TW_MIN_HANZI = 12
_EUC_TW_DOUBT = 0.55


def _looks_euc_tw(data: bytes, reading: str | None = None) -> bool:
    """Tell EUC-TW from GB 2312, GBK and Big5, which read it without error.

    Every byte must be ASCII, an A1-FE pair or a four-byte ``8E A1-B0``
    sequence; then a plane 2-7 sequence settles it. Otherwise the Chinese
    characters must sit where CNS 11643 plane 1 keeps them (lead bytes
    C4-FD) and never where GB 2312 and Big5 keep their commonest (lead
    B0-C3): twelve of them settle it, fewer only when the GB or Big5
    ``reading`` of the bytes scores low as Chinese (real GB text shaped so
    scored 0.58 and more, EUC-TW read as GB from 0.3).
    """
    if _EUC_TW_CHAR.sub(b"", data):
        return False
    if _EUC_TW_PLANE.search(data):
        return True
    leads = [pair[0] for pair in re.findall(rb"[\xa1-\xfe]{2}", data)]
    hanzi = [lead for lead in leads if lead >= 0xB0]
    if not hanzi or any(0xB0 <= lead <= 0xC3 for lead in hanzi):
        return False
    if len(hanzi) >= _EUC_TW_MIN_HANZI:
        return True
    return reading is not None and _common_score(reading) < _EUC_TW_DOUBT


def _control_share(data: bytes) -> float:
    """Return the share of bytes that are control codes no text file holds."""
    return len(data.translate(None, _NOT_CONTROL)) / len(data)


def _guess_chinese(data: bytes) -> tuple[str | None, int]:
    """Decode ``data`` as GB18030 or Big5-HKSCS if either looks like Chinese.

    Also return the furthest offset where a failed decoding stopped, which
    for a Chinese file with one damaged byte is where the damage is.
    """
    best: tuple[float, str] | None = None
    failed_at = 0
    for codec in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            failed_at = max(failed_at, exc.start)
            continue
        score = _common_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < _MIN_SCORE:
        return None, failed_at
    if _glued_share(best[1]) > _MAX_GLUED_SHARE:
        return None, failed_at
    return best[1], failed_at


def _common_score(text: str) -> float:
    """Score how much the non-ASCII characters of ``text`` look like Chinese."""
    total = 0
    score = 0.0
    size = len(_RANK)
    for char, count in Counter(text).items():
        if char.isascii():
            continue
        total += count
        rank = _RANK.get(char)
        if rank is not None:
            score += count * (1.0 - 0.5 * rank / size)
        elif _implausible(char):
            score -= count
    return score / total if total else 0.0


def _implausible(char: str) -> bool:
    """Tell whether ``char`` is one that a wrong decoding typically produces."""
    code = ord(char)
    return (
        0xE000 <= code <= 0xF8FF  # private use area
        or 0x3040 <= code <= 0x30FF  # kana
        or 0x2500 <= code <= 0x257F  # box drawing
        or 0x0100 <= code <= 0x024F  # Latin extended
        or (0xC0 <= code <= 0xFF and char.isalpha())  # accented Latin-1
    )


def _glued_share(text: str) -> float:
    """Return the share of non-ASCII characters standing alone by a letter."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return 0.0
    glued = 0
    for match in _ISOLATED.finditer(text):
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if before in _LETTERS or after in _LETTERS:
            glued += 1
    return glued / non_ascii


def _windows_punctuation(data: bytes) -> str | None:
    """Decode English text whose only non-ASCII bytes are Windows punctuation."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    runs = _NON_ASCII_RUN.findall(text)
    if any(len(run) > 3 or not set(run) <= _WINDOWS_PUNCTUATION for run in runs):
        return None
    return text


def _looks_latin(data: bytes) -> bool:
    """Tell whether ``data`` reads as Latin-1: short accented runs in words."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    runs = _NON_ASCII_RUN.findall(text)
    latin = [
        run
        for run in runs
        if len(run) <= 2
        and all(char.isalpha() or char in _WINDOWS_PUNCTUATION for char in run)
    ]
    return bool(runs) and len(latin) >= 0.8 * len(runs)
