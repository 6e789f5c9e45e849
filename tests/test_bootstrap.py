"""The bootstrap installs every system library Qt's xcb platform plugin loads (issue 15:
on a fresh Debian desktop ./run failed to load the plugin; libxcb-icccm4 and libxcb-keysyms1
were missing from the list)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _apt_packages() -> set[str]:
    text = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    out: set[str] = set()
    for block in re.findall(r"APT_PACKAGES\+?=\(([^)]*)\)", text):
        out.update(block.split())
    return out


@pytest.mark.skipif(not (shutil.which("ldd") and shutil.which("dpkg")), reason="needs ldd and dpkg (Debian)")
def test_every_library_the_xcb_plugin_loads_is_in_the_bootstrap() -> None:
    qt = Path(PySide6.__file__).parent / "Qt"
    plugins = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1],
    ]
    assert plugins[0].exists()
    ldd = subprocess.run(["ldd", *map(str, plugins)], capture_output=True, text=True, check=True).stdout
    missing = [line.split()[0] for line in ldd.splitlines() if "not found" in line]
    assert missing == [], f"libraries not installed: {missing}"
    wanted = _apt_packages()
    libs = sorted(
        {m.group(1) for m in re.finditer(r"=> (\S+) \(", ldd) if re.search(r"xcb|X11|xkb", m.group(1))}
    )
    assert libs, ldd
    not_listed = {}
    for lib in libs:
        owner = subprocess.run(["dpkg", "-S", str(Path(lib).resolve())], capture_output=True, text=True)
        package = owner.stdout.split(":")[0] if owner.returncode == 0 else "?"
        if package not in wanted:
            not_listed[lib] = package
    assert not_listed == {}, f"add to scripts/bootstrap.sh APT_PACKAGES: {not_listed}"
