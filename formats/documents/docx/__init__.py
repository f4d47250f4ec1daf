"""Read and write Word (.docx) source documents with python-docx.

Reading (``read``) walks the body in order, into tables (cell by cell,
nested tables included) and content controls, then every header and footer
of every section (each once), then the footnotes and endnotes; each
paragraph with text keeps its Word style name (``Title``, ``Heading 1``,
``Header``, ``footnote text``, a table's own paragraph style). A paragraph's
runs become coded text (``runs``): formatting, hyperlinks and fields are
pairs, pictures, field codes and note marks placeholders. Tracked changes
are accepted, comments and text boxes kept untranslated: all counted in
``SourceDocument.not_kept``. The archive is checked before python-docx sees
it (``archive``): a zip holding ``word/document.xml``, not
password-protected, at most ``max_parts`` parts, unpacked once in chunks and
counted against ``max_unpacked_bytes`` whatever its headers declare, and no
part declaring XML entities. The workbench passes its limits from the
settings (``MAX_UNPACKED_BYTES``, ``MAX_ARCHIVE_PARTS``).

Writing (``write``) with the original document as ``template`` replaces,
paragraph by paragraph, the runs of each changed paragraph in place, so
styles, numbering, tables, headers, footers, notes, links (their
relationship ids), pictures and bookmarks stay as they were. Without a
template (a document of another kind exported as Word) it writes one Word
paragraph per paragraph, codes as bold, italic, underline or a code font.
"""

from formats.documents.docx.read import parse
from formats.documents.docx.write import write

__all__ = ["parse", "write"]
