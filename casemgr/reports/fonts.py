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
    notice_fonts.cache_clear()


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


# --------------------------------------------------------------------------- notices (GB/T 9704)
#
# A notice is set like an official document (GB/T 9704-2012 §7): body in 仿宋, title in 小标宋,
# headings in 黑体. The fonts are the bureau's own where the PC has them — Windows ships 仿宋
# and 宋体 (simfang.ttf, simsun.ttc), UOS ships the CESI GB2312 family (fonts-cesi) —, else
# what fontconfig finds, else the shipped WenQuanYi Micro Hei for every role. A title set in
# a plain 宋体 or in the shipped font is drawn with a hairline stroke to approach 小标宋's
# weight. Only TrueType outlines (ReportLab), always embedded and subset.

FANGSONG: tuple[str, ...] = (
    "C:/Windows/Fonts/simfang.ttf",
    "/usr/share/fonts/fonts-cesi/CESI_FS_GB2312.TTF",
    "/usr/share/fonts/truetype/cesi/CESI_FS_GB2312.TTF",
    "/usr/share/fonts/truetype/fangsong/simfang.ttf",
)
XIAOBIAOSONG: tuple[str, ...] = (
    "C:/Windows/Fonts/FZXBSJW.TTF",  # 方正小标宋简体, where a bureau installed it
    "/usr/share/fonts/fonts-cesi/CESI_XBS_GB2312.TTF",
    "/usr/share/fonts/truetype/cesi/CESI_XBS_GB2312.TTF",
)
SONG: tuple[str, ...] = (
    "C:/Windows/Fonts/simsun.ttc",
    "/usr/share/fonts/fonts-cesi/CESI_SS_GB2312.TTF",
    "/usr/share/fonts/truetype/cesi/CESI_SS_GB2312.TTF",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
HEITI: tuple[str, ...] = ("C:/Windows/Fonts/simhei.ttf", "/usr/share/fonts/fonts-cesi/CESI_HT_GB2312.TTF")
#: fontconfig family names (lower case) per role, for Linux PCs whose fonts live elsewhere.
_FC_FAMILIES = {
    "fangsong": ("仿宋", "fangsong", "cesi_fs"),
    "xiaobiaosong": ("小标宋", "xiaobiaosong", "cesi_xbs"),
    "song": ("宋体", "simsun", "cesi_ss", "ar pl uming", "ar pl sungti"),
    "heiti": ("黑体", "simhei", "cesi_ht"),
}


@dataclass(frozen=True)
class NoticeFonts:
    body: FontChoice  # 仿宋 (or what stands in for it)
    title: FontChoice  # 小标宋 / 宋体
    heading: FontChoice  # 黑体
    title_stroke: bool  # the title font is not a 小标宋: thicken it
    shipped: bool  # the body is the shipped font (no 仿宋 on this PC, or the setting asked for it)


@functools.cache
def _fontconfig() -> tuple[tuple[str, str], ...]:
    """(lower-case family names, file) of the TrueType CJK fonts fontconfig knows; () without it."""
    import shutil
    import subprocess

    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "family", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    rows = []
    for line in out.splitlines():
        path, _, family = line.partition(":")
        if path.lower().endswith((".ttf", ".ttc")):
            rows.append((family.lower(), path.strip()))
    return tuple(sorted(rows))


def _find(paths: tuple[str, ...], role: str) -> str | None:
    for path in paths:
        if Path(path).is_file() and font_problem(path) is None:
            return path
    for family, path in _fontconfig():
        if any(name in family for name in _FC_FAMILIES[role]) and font_problem(path) is None:
            return path
    return None


def _register(name: str, path: str) -> FontChoice:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
    return FontChoice(name, path, True)


@functools.cache
def notice_fonts(preference: str = "system") -> NoticeFonts:
    """The notice fonts: ``"system"`` prefers this PC's 仿宋/宋体, ``"shipped"`` uses the shipped font.

    A font chosen on the settings page (:func:`configure`) is the body font either way.
    """
    shipped = str(bundled_font())
    chosen = _chosen["path"] or os.environ.get("CASEMGR_PDF_FONT")
    if chosen and font_problem(chosen) is not None:
        chosen = None
    system = preference != "shipped"
    body = chosen or (_find(FANGSONG, "fangsong") if system else None) or shipped
    xbs = _find(XIAOBIAOSONG, "xiaobiaosong") if system else None
    title = xbs or (_find(SONG, "song") if system else None) or body
    heading = (_find(HEITI, "heiti") if system else None) or shipped

    def reg(path: str) -> FontChoice:
        # One ReportLab name per file: the same file under two names would be embedded twice.
        stem = "".join(c for c in Path(path).stem if c.isalnum())
        return _register(f"CasemgrNotice-{stem}", path)

    return NoticeFonts(reg(body), reg(title), reg(heading), title_stroke=xbs is None, shipped=body == shipped)


def clear_notice_fonts() -> None:
    notice_fonts.cache_clear()
