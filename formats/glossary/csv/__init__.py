"""CSV glossaries: ``read.py`` (other tools' conventions too) and ``write.py``."""

from formats.glossary.csv.read import parse
from formats.glossary.csv.write import write

__all__ = ["parse", "write"]
