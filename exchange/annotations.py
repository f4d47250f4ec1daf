"""What a file says about a source sentence: flags, notes, the file it is in.

A PO entry's ``#,`` flags (``c-format``, ``python-format``...) and ``#.``
notes describe the source message, whatever the language, as does the
``<file original=…>`` of an XLIFF package of several files; a sentence
has no column for them; they are kept on the document, in
``metadata["source_annotations"]`` by sentence key, and written back on
every export of the document's units. A sentence whose key goes away
(a new version) keeps nothing: the export reads only current keys.
"""

from documents.models import Document

KEY = "source_annotations"


def annotations_of(document: Document) -> dict[str, dict[str, list[str]]]:
    """Return the kept flags and notes of a document's sentences, by key."""
    return (document.metadata or {}).get(KEY, {})


def keep_annotations(
    *, document: Document, found: dict[str, dict[str, list[str]]]
) -> dict[str, int]:
    """Add flags and notes found in a file; return how many were new, by kind.

    The caller holds the transaction; what is there already is not repeated.
    """
    added = {"flags": 0, "notes": 0, "file": 0}
    if not found:
        return added
    metadata = dict(document.metadata or {})
    kept = {key: dict(value) for key, value in metadata.get(KEY, {}).items()}
    for key, annotations in found.items():
        entry = kept.setdefault(key, {})
        for kind, values in annotations.items():
            present = list(entry.get(kind, []))
            new = [value for value in dict.fromkeys(values) if value not in present]
            if new:
                entry[kind] = new[:1] if kind == "file" else present + new
                added[kind] += len(new)
    if any(added.values()):
        metadata[KEY] = kept
        document.metadata = metadata
        document.save(update_fields=["metadata"])
    return added
