"""Import files into the database: source documents and translations back.

Readers in ``workbench.formats`` turn bytes into paragraphs or units; the
modules here store them, all or nothing.
"""

from workbench.importing.documents import (
    ImportRefused,
    VersionResult,
    default_targets,
    import_document,
    import_new_version,
    parse_languages,
)

__all__ = [
    "ImportRefused",
    "VersionResult",
    "default_targets",
    "import_document",
    "import_new_version",
    "parse_languages",
]
