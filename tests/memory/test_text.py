"""Memory text forms: whitespace and width normalisation, index terms, digests."""

from memory.text import index_terms, normalise, pair_key, text_key

# The forms of a sentence


def test_normalise_collapses_whitespace_and_widths() -> None:
    assert normalise("  The\u3000 Chief\tExecutive \n said １２ ") == (
        "The Chief Executive said 12"
    )


def test_index_terms_hold_words_word_pairs_and_chinese_character_pairs() -> None:
    assert index_terms("Mr Tsang, said") == [
        "mr",
        "tsang",
        "said",
        "mr_tsang",
        "tsang_said",
    ]
    assert index_terms("前海管理局") == ["前海", "海管", "管理", "理局"]
    assert index_terms("前海") == ["前海"]


def test_keys_tell_languages_apart_and_pairs_ignore_order() -> None:
    assert text_key("en", "Hello") != text_key("fr", "Hello")
    a, b = text_key("en", "Hello"), text_key("zh-Hant", "你好")
    assert pair_key(a, b) == pair_key(b, a)
    assert 0 <= a < 2**63
