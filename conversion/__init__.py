"""Simplified and Traditional Chinese into each other, where the glossary wins.

- ``configs``: OpenCC's configurations and the two the workbench uses.
- ``engine``: OpenCC with protected spans, glossary pairs and house-style
  overrides (``converter``, ``convert_text``).
- ``models``: house-style overrides and their revisions.
- ``overrides``: change an override, keeping a revision.
- ``scripts``: which Chinese script a text is written in
  (``chinese_script``), measured by its characters.
- ``selectors``: the overrides as their page lists them.

Deriving one Chinese translation from the other writes translations, so it
lives in ``translations.deriving``.
"""

__all__ = ["configs", "engine", "models", "overrides", "scripts", "selectors"]
