"""What every part of the workbench uses, and nothing of ours below it.

- ``inline``: inline codes (placeholders, paired tags) as one character each.
- ``languages``: language codes, normalised once at the edge.
- ``statuses``: a translation's review status and origin.
- ``qa``: the ``Finding`` every quality check reports, kept in no language.
- ``localised``: a stored English message of the workbench, shown in the
  reader's language.
- ``numbers``: the numbers a text states, English or Chinese, comparable.
- ``revisions``: the abstract base of every revision model.
- ``diffing``, ``highlighting``: text as safe HTML, with changes or marks.
- ``releases``: what press releases share in every format (the closing line).
- ``redirects``: back to where a form was posted from, safely.
- ``versions``: the version a posted write was based on, required.
- ``commands``: what management commands share (arguments, output files).
- ``once``: one-time form tokens, so a form sent twice does its work once.
"""

__all__ = [
    "commands",
    "diffing",
    "highlighting",
    "inline",
    "languages",
    "localised",
    "numbers",
    "once",
    "qa",
    "redirects",
    "releases",
    "revisions",
    "statuses",
    "versions",
]
