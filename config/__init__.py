"""The project's configuration: settings from the environment, URLs, WSGI.

Nothing of ours imports this package but ``manage.py`` and gunicorn
(``config.wsgi``); see ``docs/architecture.md``.
"""

__all__ = ["settings", "urls", "wsgi"]
