"""OpenCC's configurations and which of them the workbench uses, and how."""

#: Every configuration OpenCC ships.
CONFIGS = (
    "s2t",
    "t2s",
    "s2hk",
    "hk2s",
    "s2tw",
    "tw2s",
    "s2twp",
    "tw2sp",
    "t2hk",
    "hk2t",
    "t2tw",
    "tw2t",
    "s2hkp",
    "hk2sp",
    "jp2t",
    "t2jp",
)
#: The variant each configuration writes, for house-style overrides.
TARGET_VARIANT = {
    "s2t": "t",
    "hk2t": "t",
    "tw2t": "t",
    "jp2t": "t",
    "s2hk": "hk",
    "t2hk": "hk",
    "s2hkp": "hk",
    "s2tw": "tw",
    "t2tw": "tw",
    "s2twp": "tw",
    "t2s": "s",
    "hk2s": "s",
    "tw2s": "s",
    "tw2sp": "s",
    "hk2sp": "s",
    "t2jp": "jp",
}
#: Configurations where glossary pairs apply, and in which direction.
GLOSSARY_DIRECTION = {
    **{c: ("zh-Hans", "zh-Hant") for c in ("s2t", "s2hk", "s2tw", "s2twp", "s2hkp")},
    **{c: ("zh-Hant", "zh-Hans") for c in ("t2s", "hk2s", "tw2s", "tw2sp", "hk2sp")},
}
#: The configuration used between the workbench's two Chinese languages.
DEFAULT_CONFIG = {("zh-Hans", "zh-Hant"): "s2hk", ("zh-Hant", "zh-Hans"): "hk2s"}
