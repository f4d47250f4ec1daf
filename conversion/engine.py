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

import ahocorasick_rs

from conversion.configs import (
    CONFIGS,
    TARGET_VARIANT,
)
from conversion.sources import glossary_pairs, override_pairs
from glossary.stamps import glossary_stamp

PROTECTED = re.compile(
    r"</?[A-Za-z!?][^<>\n]{0,500}>"  # HTML or XML tag (not "p<0.05 … p>0.05")
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


class _Phrases:
    """Leftmost-longest, non-overlapping replacement of fixed phrases.

    ahocorasick-rs, because pyahocorasick's ``iter_long`` misses matches
    reached through failure links (its issues 133, 185 and 189).
    """

    def __init__(self, pairs: dict[str, str]):
        items = [(s, t) for s, t in pairs.items() if s]
        self.sources = [s for s, _t in items]
        self.targets = [t for _s, t in items]
        self.automaton = ahocorasick_rs.AhoCorasick(
            self.sources, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Return (pattern index, start, end) of each match, in order."""
        return self.automaton.find_matches_as_indexes(text)

    def replace(self, text: str) -> str:
        out = []
        position = 0
        for index, start, end in self.find(text):
            out.append(text[position:start])
            out.append(self.targets[index])
            position = end
        out.append(text[position:])
        return "".join(out)


def _phrases(pairs: dict[str, str] | None) -> _Phrases | None:
    return _Phrases(pairs) if pairs and any(pairs) else None


def _sentinel(text: str) -> str:
    for code in range(0xE000, 0xF900):
        if chr(code) not in text:
            return chr(code)
    raise ValueError("no free private-use character")


@dataclass
class _Plan:
    """Spans to mask, as parallel lists: where, what goes back, and why."""

    starts: list[int]
    ends: list[int]
    outputs: list[str]
    kinds: list[str]  # "glossary", or "" for a protected span


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
        self.glossary = _phrases(glossary)
        self.overrides = _phrases(overrides)

    def convert(self, text: str) -> str:
        """Return the converted text."""
        if not text:
            return text
        sentinel, masked, plan = self._mask(text)
        converted = self.opencc.convert(masked)
        if self.overrides is not None:
            converted = self.overrides.replace(converted)
        pieces = converted.split(sentinel)
        if len(pieces) != len(plan.outputs) + 1:  # OpenCC never alters the sentinel
            raise RuntimeError("OpenCC changed the protected spans")
        out = [""] * (2 * len(pieces) - 1)
        out[::2] = pieces
        out[1::2] = plan.outputs
        return "".join(out)

    def convert_detailed(self, text: str) -> Conversion:
        """Return the converted text and where the glossary and overrides acted."""
        if not text:
            return Conversion(text)
        sentinel, masked, plan = self._mask(text)
        pieces = self.opencc.convert(masked).split(sentinel)
        if len(pieces) != len(plan.outputs) + 1:
            raise RuntimeError("OpenCC changed the protected spans")
        result = Conversion("")
        out: list[str] = []
        length = 0
        for index, piece in enumerate(pieces):
            length = self._append_with_overrides(piece, out, length, result)
            if index < len(plan.outputs):
                replacement = plan.outputs[index]
                out.append(replacement)
                if plan.kinds[index]:
                    source = text[plan.starts[index] : plan.ends[index]]
                    result.replacements.append(
                        Replacement(
                            length,
                            length + len(replacement),
                            source,
                            plan.kinds[index],
                        )
                    )
                length += len(replacement)
        result.text = "".join(out)
        return result

    def _mask(self, text: str) -> tuple[str, str, "_Plan"]:
        """Swap protected and glossary spans for a sentinel character."""
        sentinel = _sentinel(text)
        plan = self._plan(text)
        gaps = [
            text[end:start]
            for end, start in zip(
                [0, *plan.ends], [*plan.starts, len(text)], strict=True
            )
        ]
        return sentinel, sentinel.join(gaps), plan

    def _plan(self, text: str) -> "_Plan":
        """Return the protected and glossary spans, in order, as flat lists."""
        protected = [(m.start(), m.end(), m.group()) for m in PROTECTED.finditer(text)]
        found = self.glossary.find(text) if self.glossary is not None else []
        if not protected:
            targets = self.glossary.targets if found else []
            return _Plan(
                [s for _i, s, _e in found],
                [e for _i, _s, e in found],
                [targets[i] for i, _s, _e in found],
                ["glossary"] * len(found),
            )
        spans = [(s, e, out, "") for s, e, out in protected]
        taken = iter(protected)
        current = next(taken, None)
        for index, start, end in found:
            while current is not None and current[1] <= start:
                current = next(taken, None)
            if current is not None and current[0] < end:
                continue  # a glossary match inside or across a tag is not one
            spans.append((start, end, self.glossary.targets[index], "glossary"))
        spans.sort()
        return _Plan(
            [span[0] for span in spans],
            [span[1] for span in spans],
            [span[2] for span in spans],
            [span[3] for span in spans],
        )

    def _append_with_overrides(
        self, piece: str, out: list[str], length: int, result: Conversion
    ) -> int:
        if self.overrides is None or not piece:
            out.append(piece)
            return length + len(piece)
        position = 0
        for index, start, end in self.overrides.find(piece):
            out.append(piece[position:start])
            length += start - position
            target = self.overrides.targets[index]
            out.append(target)
            result.replacements.append(
                Replacement(
                    length,
                    length + len(target),
                    self.overrides.sources[index],
                    "override",
                )
            )
            length += len(target)
            position = end
        out.append(piece[position:])
        return length + len(piece) - position


_cache: dict[tuple[str, str, bool], Converter] = {}
_lock = Lock()


def converter(config: str, *, use_glossary: bool = True) -> Converter:
    """Return the converter for a configuration and the current terminology.

    Without the glossary, house-style overrides are left out too: the result
    is OpenCC's own, with protected spans kept.
    """
    stamp = glossary_stamp() if use_glossary else ""
    key = (config, stamp, use_glossary)
    found = _cache.get(key)
    if found is None:
        with _lock:
            if use_glossary:
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
