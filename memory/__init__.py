"""The translation memory: approved sentence pairs, found again by similarity.

- ``models``: ``MemoryEntry`` (app label ``workbench``).
- ``store``: put pairs in, merging those already held; forget; re-index.
- ``index``: the candidate index, one module per database.
- ``lookup``: fuzzy lookup and concordance.
- ``tmx``: TMX into and out of the memory.

Approvals reach the memory through ``translations.remembering``;
pre-translation writes translations, so it is ``translations.pretranslating``.
"""

__all__ = ["index", "lookup", "models", "store", "tmx"]
