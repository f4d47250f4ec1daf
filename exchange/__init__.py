"""Documents and translations in and out: where formats meet the models.

- ``importing``: a document, or a new version of it, from a file.
- ``translations``: translations back from PO, XLIFF or TMX; beside it
  ``checking`` (a file for something else is refused), ``units`` (a unit
  matched and fitted to its sentence), ``accounting`` (the counted account).
- ``annotations``: the flags and notes files say about source sentences.
- ``exporting``: a document as PO, TMX, XLIFF or the translated document.
- ``seeding``: the seed documents, glossary and memory.
- ``aligning``: a published English file and its Chinese version, aligned
  (``alignment``) and committed to the memory; a batch of them read.
- ``alignments`` (with ``models``): an alignment kept for review, corrected
  bead by bead, committed into the memory and the English document.
- ``term_candidates``: glossary candidates from the aligned pairs, accepted
  or dismissed by reviewers.
"""

__all__ = [
    "aligning",
    "alignments",
    "annotations",
    "exporting",
    "importing",
    "models",
    "seeding",
    "term_candidates",
    "translations",
]
