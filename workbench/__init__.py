"""The Django app that owns the tables and serves the pages and commands.

- ``models``: registers the models of ``documents``, ``translations``,
  ``memory`` and ``conversion`` under the app label ``workbench`` (their
  tables and ``migrations/`` stay here).
- ``views``, ``forms``: the pages (thin: they call one service or selector).
- ``management/commands``: the command-line contract.
- ``roles``: the three role groups and the permissions each is given.
- ``admin``, ``checks``, ``context_processors``, ``demo``: Django wiring.

It sits on top: nothing else imports it but ``config``.
"""

__all__ = ["models", "views"]
