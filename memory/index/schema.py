"""What both index backends share: the tables they join and the words they use."""

#: The entries' table, which the index tables key by entry id.
ENTRY_TABLE = "workbench_memoryentry"
SIDES = ("source", "target")
#: A term in more entries than this is common: lookup reads no posting list
#: that long, and counting stops here.
COMMON = 600
#: The columns a candidate row holds, in order.
CANDIDATE_COLUMNS = (
    "e.id, e.source, e.target, e.status, e.source_kind, e.origin,"
    " e.context, e.changed_at, e.source_variant, e.target_variant"
)
