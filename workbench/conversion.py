"""Simplified / Traditional conversion with OpenCC, where the glossary wins.

A conversion runs in three layers:

1. Protected spans pass through untouched: HTML tags and entities and
   placeholders (``%(name)s``, ``%s``, ``{0}``, ``{{ name }}``, ``${name}``).
   Latin text and numbers are left alone by OpenCC itself.
2. Approved glossary pairs between zh-Hans and zh-Hant replace mechanical
   conversion, leftmost-longest (范徐丽泰 -> 范徐麗泰, not 範徐麗泰).
3. OpenCC converts the rest in one call; the reviewers' house-style
   overrides for the target variant (瞭解 -> 了解 for Hong Kong) are applied
   to OpenCC's output, never inside a glossary replacement.

Spans of layers 1 and 2 are swapped for one private-use sentinel character
before OpenCC runs, so OpenCC still sees whole sentences (its phrase tables
need context), and swapped back afterwards in order.

Converters are built once per process for each configuration and
terminology stamp (``glossary.stamps``; overrides move it too).
"""

import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from threading import Lock

import ahocorasick

#: Every configuration OpenCC ships.
CONFIGS = (
    "s2t",
    "t2s",
    "s2hk",
    "hk2s",
    "s2tw",
    "tw2s",
    "s2twp",
    "tw2sp",
    "t2hk",
    "hk2t",
    "t2tw",
    "tw2t",
    "s2hkp",
    "hk2sp",
    "jp2t",
    "t2jp",
)
#: The variant each configuration writes, for house-style overrides.
TARGET_VARIANT = {
    "s2t": "t",
    "hk2t": "t",
    "tw2t": "t",
    "jp2t": "t",
    "s2hk": "hk",
    "t2hk": "hk",
    "s2hkp": "hk",
    "s2tw": "tw",
    "t2tw": "tw",
    "s2twp": "tw",
    "t2s": "s",
    "hk2s": "s",
    "tw2s": "s",
    "tw2sp": "s",
    "hk2sp": "s",
    "t2jp": "jp",
}
#: Configurations where glossary pairs apply, and in which direction.
GLOSSARY_DIRECTION = {
    **{c: ("zh-Hans", "zh-Hant") for c in ("s2t", "s2hk", "s2tw", "s2twp", "s2hkp")},
    **{c: ("zh-Hant", "zh-Hans") for c in ("t2s", "hk2s", "tw2s", "tw2sp", "hk2sp")},
}
#: The configuration used between the workbench's two Chinese languages.
DEFAULT_CONFIG = {("zh-Hans", "zh-Hant"): "s2hk", ("zh-Hant", "zh-Hans"): "hk2s"}

PROTECTED = re.compile(
    r"<[^<>\n]{1,500}>"  # HTML or XML tag
    r"|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # entity
    r"|%\([^()\n]{1,100}\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs%]"  # %s, %d, %%
    r"|\{\{.{0,200}?\}\}|\{%.{0,200}?%\}"  # template tags
    r"|\$\{[^{}\n]{0,100}\}|\{[^{}\s]{0,100}\}"  # ${name}, {0}, {name}
)


@dataclass(frozen=True)
class Replacement:
    """A glossary or override replacement, with its place in the output."""

    start: int
    end: int
    source: str
    kind: str  # "glossary" or "override"


@dataclass
class Conversion:
    text: str
    replacements: list[Replacement] = field(default_factory=list)


class ConversionUnavailable(ValueError):
    """The installed OpenCC cannot load this configuration."""


def implementation() -> str:
    """Return "official" for the OpenCC binding, else "reimplemented"."""
    return "official" if importlib.util.find_spec("opencc.clib") else "reimplemented"


@cache
def opencc_converter(config: str):
    """Return OpenCC's own converter for a configuration, built once."""
    import opencc

    if config not in CONFIGS:
        raise ConversionUnavailable(config)
    try:
        return opencc.OpenCC(config)
    except Exception as error:  # each binding raises its own kind
        raise ConversionUnavailable(config) from error


def missing_configs() -> list[str]:
    """Return the configurations the installed OpenCC cannot load."""
    missing = []
    for config in CONFIGS:
        try:
            opencc_converter(config).convert("汉")
        except Exception:
            missing.append(config)
    return missing


def _automaton(pairs: dict[str, str]):
    if not pairs:
        return None
    automaton = ahocorasick.Automaton()
    for source, target in pairs.items():
        if source:
            automaton.add_word(source, (source, target))
    automaton.make_automaton()
    return automaton


def _sentinel(text: str) -> str:
    for code in range(0xE000, 0xF900):
        if chr(code) not in text:
            return chr(code)
    raise ValueError("no free private-use character")


class Converter:
    """OpenCC for one configuration, with glossary pairs and overrides."""

    def __init__(
        self,
        config: str,
        *,
        glossary: dict[str, str] | None = None,
        overrides: dict[str, str] | None = None,
    ):
        self.config = config
        self.opencc = opencc_converter(config)
        self.glossary = _automaton(glossary or {})
        self.overrides = _automaton(overrides or {})

    def convert(self, text: str) -> str:
        """Return the converted text."""
        return self.convert_detailed(text).text

    def convert_detailed(self, text: str) -> Conversion:
        """Return the converted text and where the glossary and overrides acted."""
        if not text:
            return Conversion(text)
        sentinel = _sentinel(text)
        kept: list[tuple[str, str, str]] = []  # (output, kind, source) per sentinel
        parts: list[str] = []
        position = 0
        for start, end, replacement, kind in self._spans(text):
            parts.append(text[position:start])
            parts.append(sentinel)
            kept.append((replacement, kind, text[start:end]))
            position = end
        parts.append(text[position:])
        converted = self.opencc.convert("".join(parts))
        pieces = converted.split(sentinel)
        if len(pieces) != len(kept) + 1:  # OpenCC never touches the sentinel
            raise RuntimeError("OpenCC changed the protected spans")
        result = Conversion("")
        out: list[str] = []
        length = 0
        for index, piece in enumerate(pieces):
            length = self._append_with_overrides(piece, out, length, result)
            if index < len(kept):
                replacement, kind, source = kept[index]
                out.append(replacement)
                if kind:
                    result.replacements.append(
                        Replacement(length, length + len(replacement), source, kind)
                    )
                length += len(replacement)
        result.text = "".join(out)
        return result

    def _spans(self, text: str):
        """Yield (start, end, replacement, kind) for protected and glossary spans."""
        protected = [(m.start(), m.end()) for m in PROTECTED.finditer(text)]
        glossary = []
        if self.glossary is not None:
            for end, (source, target) in self.glossary.iter_long(text):
                glossary.append((end - len(source) + 1, end + 1, target))
        spans = [(s, e, text[s:e], "") for s, e in protected]
        taken = iter(protected)
        current = next(taken, None)
        for start, end, target in glossary:
            while current is not None and current[1] <= start:
                current = next(taken, None)
            if current is not None and current[0] < end:
                continue  # a glossary match inside or across a tag is not one
            spans.append((start, end, target, "glossary"))
        spans.sort()
        return spans

    def _append_with_overrides(
        self, piece: str, out: list[str], length: int, result: Conversion
    ) -> int:
        if self.overrides is None or not piece:
            out.append(piece)
            return length + len(piece)
        position = 0
        for end, (source, target) in self.overrides.iter_long(piece):
            start = end - len(source) + 1
            out.append(piece[position:start])
            length += start - position
            out.append(target)
            result.replacements.append(
                Replacement(length, length + len(target), source, "override")
            )
            length += len(target)
            position = end + 1
        out.append(piece[position:])
        return length + len(piece) - position


_cache: dict[tuple[str, str, bool], Converter] = {}
_lock = Lock()


def converter(config: str, *, use_glossary: bool = True) -> Converter:
    """Return the converter for a configuration and the current terminology.

    Without the glossary, house-style overrides are left out too: the result
    is OpenCC's own, with protected spans kept.
    """
    from glossary.stamps import glossary_stamp

    stamp = glossary_stamp() if use_glossary else ""
    key = (config, stamp, use_glossary)
    found = _cache.get(key)
    if found is None:
        with _lock:
            if use_glossary:
                from workbench.terminology import glossary_pairs, override_pairs

                found = Converter(
                    config,
                    glossary=glossary_pairs(config),
                    overrides=override_pairs(TARGET_VARIANT[config]),
                )
            else:
                found = Converter(config)
            for old in [k for k in _cache if k[0] == config and k[2] == use_glossary]:
                del _cache[old]
            _cache[key] = found
    return found


def convert_text(text: str, config: str, *, use_glossary: bool = True) -> str:
    """Convert text with a configuration, the glossary and overrides winning."""
    return converter(config, use_glossary=use_glossary).convert(text)
