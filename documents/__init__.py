"""Source documents and their sentences.

- ``models``: ``Document``, ``DocumentVersion`` (the bytes as imported),
  ``Paragraph`` and ``Segment`` (a sentence), app label ``workbench``.
- ``segmentation``: rule-based sentence splitting for English and Chinese.
- ``keys``: stable sentence keys across versions.
- ``versioning``: how a new version's sentences line up with the old ones.
- ``selectors``: documents and their versions as the pages list them.

Pure text logic and the models; importing a file into them is
``exchange.importing``, which sits above the translations it creates.
"""

__all__ = ["keys", "models", "segmentation", "selectors", "versioning"]
