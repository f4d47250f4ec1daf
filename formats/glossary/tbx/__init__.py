"""TBX (ISO 30042): ``parse`` reads TBX-Basic and TBX v3, ``write`` writes TBX v3."""

from formats.glossary.tbx.read import TBX_NAMESPACE, parse
from formats.glossary.tbx.write import write

__all__ = ["TBX_NAMESPACE", "parse", "write"]
