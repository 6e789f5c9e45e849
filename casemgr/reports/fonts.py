"""One CJK font for every PDF, registered once (not at import time: STYLE.md §7).

A report must print the same on any office PC, so the font is embedded (ReportLab
subsets TrueType fonts automatically) and, unless a bureau chooses its own, it is the one
the program ships: WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0, licence beside it in
``resources/fonts``), carried by the installers too. So a PC without any Chinese font prints
the same report as every other.

The order: the font chosen on this computer (:func:`configure`, from the settings page; or
``CASEMGR_PDF_FONT``) — a bureau's own 仿宋/宋体 —, then the shipped font, then a
TrueType-outline CJK font of the system (Windows 黑体/宋体, Linux WenQuanYi), and last
ReportLab's built-in ``STSong-Light`` CID font (not embedded; Acrobat and poppler have it)
with a warning. OpenType/CFF fonts such as Noto CJK cannot be used: ReportLab reads only
TrueType outlines (:func:`font_problem` says so before a font is chosen).
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from casemgr import runtime

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

#: The font the program ships (and the desktop app uses where the system has no Chinese font).
BUNDLED = ("resources", "fonts", "wqy-microhei.ttc")

FONT_NAME = "CasemgrCJK"
FALLBACK_NAME = "STSong-Light"


@dataclass(frozen=True)
class FontChoice:
    name: str  # the ReportLab font name to use in styles
    path: str | None  # None for the built-in CID fallback
    embedded: bool


_chosen: dict[str, str | None] = {"path": None}


def bundled_font() -> Path:
    return runtime.resource_path(*BUNDLED)


def configure(path: str | None) -> None:
    """Use the font file ``path`` (a bureau's own 仿宋/宋体) for the PDFs from now on; None: the default."""
    _chosen["path"] = path or None
    cjk_font.cache_clear()


def font_problem(path: str) -> tuple[str, str] | None:
    """Why ``path`` cannot print the reports, as (Chinese, English); None when it can."""
    from reportlab.pdfbase.ttfonts import TTFont

    if not Path(path).is_file():
        return (f"找不到字体文件 {path}。", f"The font file {path} does not exist.")
    try:
        font = TTFont("CasemgrProbe", path, subfontIndex=0)
    except Exception as exc:  # ReportLab raises TTFError and struct/IO errors alike
        return (
            f"无法使用字体 {Path(path).name}：只能使用 TrueType 字体（.ttf/.ttc，如 simfang.ttf、simsun.ttc），"
            f"不能使用 OpenType/CFF 字体（{exc}）。",
            f"Cannot use the font {Path(path).name}: only TrueType fonts (.ttf/.ttc such as simfang.ttf, "
            f"simsun.ttc) work, not OpenType/CFF ({exc}).",
        )
    if ord("案") not in font.face.charToGlyph:
        return (
            f"字体 {Path(path).name} 不含汉字，不能用于报表。",
            f"The font {Path(path).name} has no Chinese characters.",
        )
    return None


@functools.cache
def cjk_font() -> FontChoice:
    """Register and return the CJK font (the order is in the module's docstring)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = [(str(bundled_font()), 0), *CANDIDATES]
    env = os.environ.get("CASEMGR_PDF_FONT")
    if env:
        candidates.insert(0, (env, 0))
    if _chosen["path"]:
        candidates.insert(0, (_chosen["path"], 0))
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
