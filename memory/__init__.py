"""The translation memory: approved sentence pairs, found again by similarity.

- ``models``: ``MemoryEntry`` (app label ``workbench``): each side's
  language for lookups (``en``, ``zh-Hant``) and its variant as given
  (``en-GB``, ``zh-TW``, a bare ``zh``).
- ``store``: put pairs in, merging those already held; forget; re-index.
  Beside it: ``pair`` (a pair on its way in, its keys and merge rule),
  ``languages`` (the language and variant a side is filed under),
  ``rows`` (the SQL that inserts, finds and merges rows), ``context``
  (the digest of a sentence's neighbours).
- ``remarks``: the notes, props and attributes an entry keeps, by side.
- ``index``: the candidate index, one module per database.
- ``lookup``: fuzzy lookup and concordance, nearest variants first.
  Beside it: ``candidates`` (what the index offers for a query),
  ``matches`` (what a lookup answers), ``differences`` (numbers, dates,
  terms), ``concordance`` (entries holding a phrase).
- ``tmx``: TMX into and out of the memory (``pairs``: what a unit gives;
  ``importing``: the counted import; ``exporting``).

Approvals reach the memory through ``translations.remembering``;
pre-translation writes translations, so it is ``translations.pretranslating``.
"""

__all__ = ["index", "lookup", "models", "store", "tmx"]
