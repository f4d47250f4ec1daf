"""The shared glossary: concepts and their terms in every language.

A Django app of its own (app label ``glossary``) that depends on ``core``
and ``formats`` only. What the rest of the workbench may use:

- ``models``: ``Concept``, ``Term``, ``TermRevision`` and their choices.
- ``approval``: propose, approve, reject and change terms (the write path).
- ``importing``: merge concepts read from a CSV or TBX file.
- ``matching``: find terms in running text (the automaton behind lookup).
- ``lookup``: approved terms found in a text, with their renderings.
- ``qa``: the glossary check on a translated sentence.
- ``stamps``: the token that tells every process the glossary changed.
- ``urls``: the glossary's pages.
"""

__all__ = [
    "approval",
    "importing",
    "lookup",
    "matching",
    "models",
    "qa",
    "stamps",
    "urls",
]
