"""Check a .docx archive before python-docx opens it.

It must be a zip holding ``word/document.xml``, not password-protected,
not Strict Open XML (whose namespaces python-docx cannot read),
with at most ``max_parts`` parts; every part is unpacked once in chunks and
counted, so a file that unpacks to more than ``max_unpacked_bytes`` is
refused whatever its zip headers declare, and a part declaring XML entities
is refused.
"""

import io
import zipfile
import zlib

from django.utils.translation import gettext_noop

from formats import FormatError

__all__ = ["check_archive"]

_CHUNK = 1024 * 1024
#: The main document's relationship type in Strict Open XML (ISO 29500 Strict).
_STRICT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_archive(
    data: bytes,
    *,
    max_unpacked_bytes: int | None = None,
    max_parts: int | None = None,
) -> None:
    """Refuse what is not a safe, unencrypted .docx zip archive."""
    if data.startswith(_OLE_MAGIC):
        raise FormatError(
            gettext_noop(
                "the file is an old .doc or a password-protected document; "
                "save it as an unprotected .docx"
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if max_parts is not None and len(members) > max_parts:
                raise FormatError(
                    gettext_noop(
                        "the .docx archive has %(count)d parts, "
                        "more than the %(limit)d limit"
                    ),
                    count=len(members),
                    limit=max_parts,
                )
            if any(member.flag_bits & 0x1 for member in members):
                raise FormatError(gettext_noop("the .docx file is password-protected"))
            names = {member.filename for member in members}
            if "word/document.xml" not in names:
                raise FormatError(
                    gettext_noop("the zip archive is not a Word document")
                )
            _unpack_counting(archive, members, max_unpacked_bytes)
            if "_rels/.rels" in names and _STRICT in archive.read("_rels/.rels"):
                raise FormatError(
                    gettext_noop(
                        "the document is in Strict Open XML, which is not supported; "
                        "save it as a Word Document (.docx)"
                    )
                )
    except FormatError:
        raise
    except NotImplementedError as exc:
        raise FormatError(
            gettext_noop("the .docx archive uses an unsupported zip feature")
        ) from exc
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) or "magic" in str(exc):
            raise FormatError(
                gettext_noop("the .docx file is damaged and cannot be read")
            ) from exc
        raise FormatError(
            gettext_noop(
                "the file is not a .docx document (not a zip archive, or truncated)"
            )
        ) from exc
    except (ValueError, OSError, EOFError, zlib.error) as exc:
        raise FormatError(
            gettext_noop(
                "the file is not a .docx document (not a zip archive, or truncated)"
            )
        ) from exc


#: What an XML part declaring entities holds, in the encodings XML allows.
_DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _DECLARATIONS)


def _unpack_counting(archive, members, limit: int | None) -> None:
    """Unpack every part once, counting; refuse past ``limit`` or on entities.

    Each chunk is searched together with the end of the one before, so a
    declaration split across two chunks is found too.
    """
    unpacked = 0
    for member in members:
        if member.is_dir():
            continue
        with archive.open(member) as part:
            tail = b""
            while chunk := part.read(_CHUNK):
                unpacked += len(chunk)
                if limit is not None and unpacked > limit:
                    raise FormatError(
                        gettext_noop(
                            "the .docx unpacks to more than the %(limit)d MB limit"
                        ),
                        limit=limit // 2**20,
                    )
                window = tail + chunk
                if any(marker in window for marker in _DECLARATIONS):
                    raise FormatError(
                        gettext_noop(
                            "the .docx declares XML entities (in %(part)s), "
                            "which are refused"
                        ),
                        part=member.filename,
                    )
                tail = window[-_OVERLAP:]
