"""The API's views, one module per concern, each thin over the service its
page uses and needing the permission its page needs."""

__all__ = ["conversion", "documents", "glossary", "jobs", "memory", "translations"]
