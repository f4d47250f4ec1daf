"""The shared glossary: concepts and their terms in every language.

A Django app of its own (app label ``glossary``) that depends on ``core``
and ``formats`` only. What the rest of the workbench may use:

- ``models``: ``Concept``, ``Term``, ``TermRevision`` and their choices.
- ``approval``: propose, approve, reject and change terms (the write path).
- ``folding``: spellings folded for matching; OpenCC's Traditional ->
  Simplified character table (``script_table``).
- ``forms``: the glossary's forms (the import form is used by the import
  page, which lives in ``workbench`` because it starts a job).
- ``history``: ``record_change``, a revision for every change to a concept.
- ``importing``: merge concepts read from a CSV or TBX file, ids scoped to
  their file; what it is not sure of is left as possible duplicates.
- ``reporting``: an import's counted account, as one sentence for people.
- ``merging``: a reviewer merges two concepts or keeps them apart.
- ``matching``: find terms in running text (the automaton behind lookup).
- ``lookup``: approved terms found in a text, with their renderings.
- ``qa``: the glossary check on a translated sentence.
- ``stamps``: the token that tells every process the glossary changed.
- ``urls``: the glossary's pages.
"""

__all__ = [
    "approval",
    "folding",
    "forms",
    "history",
    "importing",
    "lookup",
    "matching",
    "merging",
    "models",
    "qa",
    "reporting",
    "stamps",
    "urls",
]
