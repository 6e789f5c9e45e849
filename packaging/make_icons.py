"""Render resources/icons/casemgr.svg to the PNG sizes a desktop entry wants and a Windows .ico.

    python packaging/make_icons.py OUT_DIR

Run by the packaging scripts with the build environment's Qt (offscreen), so the
repository keeps one drawing, not a folder of renderings that drift from it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication([])
    svg = Path(__file__).resolve().parent.parent / "resources" / "icons" / "casemgr.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        renderer.render(painter)
        painter.end()
        if not img.save(str(out / f"casemgr-{size}.png")):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        if size == 256 and not img.save(str(out / "casemgr.ico")):  # Qt's ico plug-in
            print("cannot write casemgr.ico", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
