"""The Django app that owns the tables and serves the pages and commands.

- ``models``: registers the models of ``documents``, ``translations``,
  ``memory`` and ``conversion`` under the app label ``workbench`` (their
  tables and ``migrations/`` stay here).
- ``views``, ``forms``: the pages (thin: they call one service or selector).
- ``management/commands``: the command-line contract.
- ``roles``: the three role groups and the permissions each is given.
- ``admin``, ``checks``, ``context_processors``, ``demo``: Django wiring.

Only ``config`` and ``api`` import it (``api`` for ``roles``: the API
enforces the permissions the roles give, as the pages do; and for
``middleware``'s 404 page, which the site's 404 handler shows outside
``/api/``).
"""

__all__ = ["middleware", "models", "roles", "views"]
