"""Sentence alignment of an English text and its Chinese version.

Pure functions over two lists of sentences, no database:

- ``engine``: ``align`` (the beads, 1-1 to 2-2 and one-sided, each with a
  confidence), by dynamic programming over length, anchors and priors;
- ``anchors``: what both versions of a sentence state (numbers, dates,
  times, Latin words, glossary concepts, closing lines);
- ``lengths``: the English–Chinese length model and its fit;
- ``lexicon``: English words and their Chinese renderings (CC-CEDICT);
- ``terms``: bilingual term candidates from aligned pairs;
- ``editing``: a reviewer's corrections to the beads (merge, split, move a
  sentence across, mark one-sided).
"""

__all__ = ["anchors", "editing", "engine", "lengths", "lexicon", "terms"]
