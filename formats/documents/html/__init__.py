"""Read and write HTML source documents with the standard library parser.

``html.parser`` fetches nothing and expands no external entities. Each block
element (``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``td``, ``th``, ``dt``,
``dd``, ``caption``, ``figcaption``, ``pre``, ``title``) gives a paragraph
styled with its tag name; text standing directly in a container (``div``,
``section``, ``article``, ...) gives one styled with the container's name, or
``p`` at top level. Every cell of a table, every item of a list (nested ones
too) is its own paragraph. Entities are decoded, whitespace collapses
(``pre`` keeps its lines) and a line break between two CJK characters
disappears. Never read: ``head`` (except ``title``), ``script``, ``style``,
``noscript``, ``template``, ``svg``, ``math``, ``iframe``, ``object``, form
controls, and ``nav``, which holds site menus rather than document prose.

Inline markup becomes inline codes (``core.inline``) whose native markup is
the source's own: an element inside a paragraph (``a``, ``b``, ``em``,
``code``, ``span``, any other) is a pair, its start tag with every attribute
and its end tag; ``br``, ``img`` and other empty elements are placeholders
(a sentence may end at one, as at a space); a
comment, a script or another element that is never read, standing inside a
paragraph, is a placeholder holding it whole.

Writing with the original file as ``template`` is a skeleton fill: the
original text is kept and only each paragraph's content is replaced by its
translation, the codes written back as the markup they came from, so the
head, attributes, scripts, styles and comments stay as they were. The
result is UTF-8: its charset declarations say so, and a page that had none
gets ``<meta charset="utf-8">`` first in its head (a head is made after
``<html>`` when there is none); a BOM the original had is kept. ``<html
lang>`` (and ``xml:lang`` when present: in XHTML it wins) is the target
language. Without a template, a minimal HTML5 document is built.

Text standing loose in ``head`` (not in ``title``) is kept, not offered, and
counted, as is the prose of menus, forms and embedded elements.
"""

from formats.documents.html.read import parse
from formats.documents.html.write import render, write

__all__ = ["parse", "render", "write"]
