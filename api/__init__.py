"""The REST API (``/api/v1/``): the workbench for scripts and other systems.

- ``models``, ``tokens``: personal API tokens, hashed at rest, shown once;
- ``authentication``, ``permissions``: a token or the browser's session, and
  the same permissions the pages need (``workbench.roles``);
- ``problems``: every error as problem details (RFC 9457);
- ``serializers``, ``views``: thin, over the same services as the pages;
- ``urls``: the routes, the OpenAPI schema and its browsable docs.
"""

__all__ = ["models", "tokens", "urls"]
