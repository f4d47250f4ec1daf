"""What every part of the workbench uses, and nothing of ours below it.

- ``inline``: inline codes (placeholders, paired tags) as one character each.
- ``languages``: language codes, normalised once at the edge.
- ``statuses``: a translation's review status and origin.
- ``qa``: the ``Finding`` every quality check reports.
- ``numbers``: the numbers a text states, English or Chinese, comparable.
- ``revisions``: the abstract base of every revision model.
- ``diffing``, ``highlighting``: text as safe HTML, with changes or marks.
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
    "numbers",
    "once",
    "qa",
    "redirects",
    "revisions",
    "statuses",
    "versions",
]
