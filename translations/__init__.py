"""Translations of sentences and the work on them.

- ``models``: ``Translation``, ``Revision``, ``Comment`` (app label
  ``workbench``).
- ``writing``: ``change_translation``, the one write path of a translation
  (version check, revision, memory), and ``ensure_translations``.
- ``editing``: what the editor's save and restore do, and a warning marked
  as checked.
- ``review``: approve (despite warnings, when ticked), send back, bulk review.
- ``comments``: comment on a sentence, resolve a comment.
- ``qa``: the checks on one translated sentence.
- ``warnings``: what the checks found, stored: refreshed on every save and
  when the glossary changes, marked checked, accepted by a reviewer.
- ``deriving``, ``pretranslating``: fill translations from the other Chinese
  script or from the memory, through ``change_translation``.
- ``selectors``, ``progress``: read models for the pages.
"""

__all__ = [
    "comments",
    "deriving",
    "editing",
    "models",
    "pretranslating",
    "progress",
    "qa",
    "review",
    "selectors",
    "warnings",
    "writing",
]
