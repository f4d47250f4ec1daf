"""Document test material: the seed texts and a Word file with every kind of block."""

import datetime
import io

import docx as python_docx

from formats.documents import Paragraph
from formats.documents.coded import plain_text
from tests.support import SEEDS

SEED_003 = SEEDS / "003_75247c11c068f792.txt"
SEED_000 = SEEDS / "000_a73269a67c9f1785.txt"


def texts_and_styles(paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
    """Return comparable (text, style) pairs: the text without inline codes,
    a line break (``<br>``) as ``\\n``."""
    return [(plain_text(p.text, p.codes), p.style) for p in paragraphs]


def make_docx() -> bytes:
    """Build a .docx with Title, Heading 1, Normal, a table and a list."""
    document = python_docx.Document()
    document.core_properties.title = "Qianhai plan"
    document.core_properties.author = "Xinhua"
    document.core_properties.created = datetime.datetime(2021, 9, 7, 8, 30)
    document.add_paragraph("Plan issued", style="Title")
    document.add_heading("Background", level=1)
    body = document.add_paragraph("China's central authorities issued a ")
    body.add_run("plan").bold = True
    body.add_run(" on Monday.")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Area before",
        (0, 1): "14.92 km²",
        (1, 0): "Area after",
        (1, 1): "前海合作区 120.56 平方公里",
    }.items():
        table.cell(row, col).text = text
    document.add_paragraph("Deepen reform", style="List Bullet")
    document.add_paragraph("最后一段。", style="Normal")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX_PARAGRAPHS = [
    ("Plan issued", "Title"),
    ("Background", "Heading 1"),
    ("China's central authorities issued a plan on Monday.", "Normal"),
    ("Area before", "Normal"),
    ("14.92 km²", "Normal"),
    ("Area after", "Normal"),
    ("前海合作区 120.56 平方公里", "Normal"),
    ("Deepen reform", "List Bullet"),
    ("最后一段。", "Normal"),
]
