"""One CJK font for every PDF, registered once (not at import time: STYLE.md §7).

A report must print the same on any office PC, so the font is embedded (ReportLab
subsets TrueType fonts automatically). We look for a TrueType-outline CJK font on the
system — Windows 黑体/宋体, Linux WenQuanYi — and fall back to ReportLab's built-in
``STSong-Light`` CID font (not embedded; Acrobat and poppler have it) with a warning.
OpenType/CFF fonts such as Noto CJK cannot be used: ReportLab reads only TrueType outlines.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: (path, subfont index in a .ttc)
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
)

FONT_NAME = "CasemgrCJK"
FALLBACK_NAME = "STSong-Light"


@dataclass(frozen=True)
class FontChoice:
    name: str  # the ReportLab font name to use in styles
    path: str | None  # None for the built-in CID fallback
    embedded: bool


@functools.cache
def cjk_font() -> FontChoice:
    """Register and return the CJK font; ``CASEMGR_PDF_FONT`` may name a .ttf/.ttc to use."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = list(CANDIDATES)
    env = os.environ.get("CASEMGR_PDF_FONT")
    if env:
        candidates.insert(0, (env, 0))
    for path, index in candidates:
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
        except Exception as exc:  # a font ReportLab cannot read (CFF outlines, damaged)
            log.warning("cannot use font %s: %s", path, exc)
            continue
        return FontChoice(FONT_NAME, path, True)
    log.warning("no TrueType CJK font found; falling back to the non-embedded %s", FALLBACK_NAME)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_NAME))
    return FontChoice(FALLBACK_NAME, None, False)
