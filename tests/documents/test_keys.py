from documents.keys import sentence_keys


def test_key_depends_only_on_the_sentence_not_its_place():
    first = sentence_keys(["Alpha.", "Beta."])
    moved = sentence_keys(["Intro.", "Beta.", "Alpha."])
    assert first[0] == moved[2]
    assert first[1] == moved[1]


def test_whitespace_differences_keep_the_key():
    assert sentence_keys(["A  b\nc."]) == sentence_keys(["A b c."])


def test_repeated_sentences_get_numbered_distinct_keys():
    keys = sentence_keys(["Thank you.", "Other.", "Thank you.", "Thank you."])
    assert len(set(keys)) == 4
    assert keys[2] == keys[0] + ".2"
    assert keys[3] == keys[0] + ".3"
