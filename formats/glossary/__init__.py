"""Glossary file formats: CSV (``csv``) and TBX (``tbx``), concept units in and out.

Like every format here, they never touch the database: ``glossary.importing``
and ``glossary.exporting`` join them to the models.
"""

from formats.glossary import csv, tbx
from formats.glossary.units import ConceptUnit, TermUnit

__all__ = ["ConceptUnit", "TermUnit", "csv", "tbx"]
