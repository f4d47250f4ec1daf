"""Coded paragraph text: built by readers, written back well nested."""

from core.inline import Code, code_char, to_tokens
from formats.documents.coded import CodedText, events


def _o(n: int) -> str:
    return code_char(n, "open")


def _c(n: int) -> str:
    return code_char(n, "close")


def _pairs(*numbers: int) -> dict[int, Code]:
    return {n: Code(n, "open", "bold", f"<b{n}>", f"</b{n}>") for n in numbers}


def _written(text: str, codes: dict[int, Code]) -> str:
    out = []
    for kind, value in events(text, codes):
        if kind == "text":
            out.append(value)
        elif kind == "close":
            out.append(value.closing or value.native)
        else:
            out.append(value.native)
    return "".join(out)


def test_coded_text_numbers_codes_in_order_of_opening() -> None:
    coded = CodedText("html")
    link = coded.open("link", '<a href="/x">', "/x")
    coded.text("see")
    br = coded.placeholder("lb", "<br>")
    coded.close(link, "</a>")
    assert (link, br) == (1, 2)
    assert to_tokens(coded.value()) == "⟨1⟩see⟨2/⟩⟨/1⟩"
    assert coded.codes[1].closing == "</a>" and coded.codes[1].format == "html"


def test_events_write_a_well_nested_text_as_it_is() -> None:
    text = f"a {_o(1)}b {_o(2)}c{_c(2)}{_c(1)} d"
    assert _written(text, _pairs(1, 2)) == "a <b1>b <b2>c</b2></b1> d"


def test_events_close_and_reopen_pairs_a_translation_crossed() -> None:
    text = f"{_o(1)}a{_o(2)}b{_c(1)}c{_c(2)}"
    assert _written(text, _pairs(1, 2)) == "<b1>a<b2>b</b2></b1><b2>c</b2>"


def test_events_drop_a_stray_closing_and_close_what_is_left_open() -> None:
    text = f"{_c(1)}a {_o(2)}b"
    assert _written(text, _pairs(1, 2)) == "a <b2>b</b2>"


def test_events_leave_out_codes_the_paragraph_does_not_have() -> None:
    assert _written(f"a{_o(7)}b{_c(7)}", _pairs(1)) == "ab"


def test_a_half_pair_whose_other_half_is_elsewhere_is_written_where_it_stands():
    codes = {
        1: Code(1, "open", "bold", "<b>"),
        2: Code(2, "close", "italic", "", "</i>"),
    }
    assert _written(f"x{_o(1)}y{code_char(2, 'close')}", codes) == "x<b>y</i>"
