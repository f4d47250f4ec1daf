"""Reading translations back: the PO size limit is the settings'."""

from functools import partial

import pytest

from exchange.translations import read_translations
from formats import FormatError

PO = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_po_file_over_the_limit_of_the_settings_is_refused(
    settings, seed_press_release
):
    entry = b'msgctxt "k"\nmsgid "The plan."\nmsgstr "\xe6\x96\xb9"\n\n'
    settings.MAX_PO_BYTES = 1024 * 1024
    read = partial(read_translations, document=seed_press_release, language="zh-Hant")
    with pytest.raises(FormatError, match="larger than 1 MB"):
        read(PO + entry * 40_000, "big.po")
    assert len(read(PO + entry, "small.po").units) == 1
