#!/usr/bin/env bash
# Build the frozen program folder and the UOS/Kylin .deb (docs/install.md, "构建 / Building").
#
#   scripts/package-linux.sh            -> dist/casemgr/ (the folder) and dist/<appid>_<version>_<arch>.deb
#
# Environment (all optional):
#   CASEMGR_DIST=DIR          where the folder and the .deb go (default: dist/)
#   CASEMGR_BUILD_DIR=DIR     PyInstaller's work files (default: a temporary folder, removed)
#   CASEMGR_BUILD_VENV=DIR    the build environment (default: build/venv; reused while
#                             pyproject.toml and the constraints file are unchanged)
#   CASEMGR_DEB_COMPRESS=xz   dpkg-deb's compression: xz (default, smallest; what UOS 20's
#                             dpkg reads) or gzip (several times faster: the test suite)
#   PYTHON=python3.11         the Python to build with (3.11+, built with --enable-shared)
#
# The build environment is separate from the development .venv: it takes the versions in
# packaging/constraints.txt (PySide6 6.9.x, whose x86-64 wheels run on glibc 2.28) or
# packaging/constraints-aarch64.txt, and PyInstaller. The program runs on the glibc of the
# machine that built it and newer: build on the oldest system you support (UOS 20 / Debian 10,
# glibc 2.28); the script prints the newest glibc symbol the folder needs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APPID="org.casemgr.casemgr"
NAME_ZH="劳动争议与欠薪案件管理"
NAME_EN="casemgr Case Manager"
PY="${PYTHON:-python3}"
DIST="${CASEMGR_DIST:-$ROOT/dist}"
VENV="${CASEMGR_BUILD_VENV:-$ROOT/build/venv}"
mkdir -p "$DIST"
DIST="$(cd "$DIST" && pwd)"

case "$(uname -m)" in
  x86_64) ARCH=amd64; CONSTRAINTS="$ROOT/packaging/constraints.txt" ;;
  aarch64) ARCH=arm64; CONSTRAINTS="$ROOT/packaging/constraints-aarch64.txt" ;;
  *) echo "package-linux: $(uname -m) has no PySide6 wheels on PyPI; build with the distribution's" \
          "own Qt bindings (docs/install.md, LoongArch/申威)" >&2; exit 1 ;;
esac

# libxcb-util.so.1 is carried in the folder (its soname differs on Debian 10): it must be on
# the build machine for PyInstaller to find it.
if ! /sbin/ldconfig -p | grep -q 'libxcb-util.so.1 '; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libxcb-util1 >/dev/null
  else
    echo "package-linux: install libxcb-util1 first (sudo apt-get install libxcb-util1)" >&2; exit 1
  fi
fi
for tool in dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "package-linux: $tool is missing (apt-get install dpkg)" >&2; exit 1; }
done
"$PY" -c 'import sys, sysconfig; sys.exit(0 if sys.version_info >= (3, 11) and sysconfig.get_config_var("Py_ENABLE_SHARED") else 1)' || {
  echo "package-linux: $PY must be Python 3.11+ built with a shared libpython (PyInstaller needs it)" >&2; exit 1; }

WORK="${CASEMGR_BUILD_DIR:-}"
if [ -z "$WORK" ]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/casemgr-build.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

# ---------------------------------------------------------------- build environment
stamp="$VENV/.casemgr-build"
want="$(cat "$ROOT/pyproject.toml" "$CONSTRAINTS" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "package-linux: preparing the build environment in $VENV" >&2
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  # The program's own dependencies (from pyproject.toml, PostgreSQL driver included) and
  # PyInstaller, at the pinned versions; the sources themselves are read from the tree.
  mapfile -t deps < <("$VENV/bin/python" - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for dep in project["dependencies"] + project["optional-dependencies"]["postgres"]:
    print(dep)
EOF
  )
  "$VENV/bin/python" -m pip install -q -c "$CONSTRAINTS" "${deps[@]}" pyinstaller pyinstaller-hooks-contrib
  echo "$want" > "$stamp"
fi

# ---------------------------------------------------------------- translations, icons
for ts in "$ROOT"/resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done
"$VENV/bin/python" "$ROOT/packaging/make_icons.py" "$WORK/icons"

# ---------------------------------------------------------------- the folder
echo "package-linux: PyInstaller (a few minutes)" >&2
rm -rf "$DIST/casemgr"
CASEMGR_ICON_DIR="$WORK/icons" "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" "$ROOT/packaging/casemgr.spec"
FOLDER="$DIST/casemgr"
cat > "$FOLDER/casemgr-cli" <<'EOF'
#!/bin/sh
# The command line of casemgr (the same program as the desktop app, with --cli).
exec "$(dirname "$(readlink -f "$0")")/casemgr" --cli "$@"
EOF
chmod 755 "$FOLDER/casemgr-cli"
VERSION="$("$FOLDER/casemgr-cli" --version | sed -E 's/^casemgr ([^ ]+) .*/\1/')"
[ -n "$VERSION" ] || { echo "package-linux: the frozen program does not start" >&2; exit 1; }

# ---------------------------------------------------------------- the .deb (UOS layout)
# /opt/apps/<appid>/{files,entries,info}: everything under /opt/apps/<appid>, no maintainer
# scripts (nothing runs as root at install time), the desktop entry and icons under entries/.
PKG="$WORK/deb"
APPDIR="$PKG/opt/apps/$APPID"
rm -rf "$PKG"
mkdir -p "$APPDIR/entries/applications" "$PKG/DEBIAN"
cp -a "$FOLDER" "$APPDIR/files"
for size in 16 24 32 48 64 128 256; do
  d="$APPDIR/entries/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$d"
  cp "$WORK/icons/casemgr-$size.png" "$d/$APPID.png"
done
mkdir -p "$APPDIR/entries/icons/hicolor/scalable/apps"
cp "$ROOT/resources/icons/casemgr.svg" "$APPDIR/entries/icons/hicolor/scalable/apps/$APPID.svg"
cat > "$APPDIR/entries/applications/$APPID.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=$NAME_EN
Name[zh_CN]=$NAME_ZH
GenericName=Labour dispute case manager
GenericName[zh_CN]=劳动争议案件管理
Comment=Mediation, arbitration and labour-inspection cases with their statutory deadlines
Comment[zh_CN]=调解、仲裁、劳动保障监察案件及法定期限管理
Exec=/opt/apps/$APPID/files/casemgr
Icon=$APPID
Terminal=false
Categories=Office;
StartupWMClass=casemgr
EOF
cat > "$APPDIR/info" <<EOF
{
  "appid": "$APPID",
  "name": "$NAME_ZH",
  "version": "$VERSION",
  "arch": ["$ARCH"],
  "permissions": {
    "autostart": false,
    "notification": false,
    "trayicon": false,
    "clipboard": true,
    "account": false,
    "bluetooth": false,
    "camera": false,
    "audio_record": false,
    "installed_apps": false
  }
}
EOF
# System libraries the bundled Qt loads from the system (PyInstaller leaves libc, GL, X11
# and fontconfig to the system, as it must). glibc 2.28 is the oldest UOS/Kylin.
DEPENDS="libc6 (>= 2.28), libstdc++6, libgcc-s1 | libgcc1, libexpat1, libegl1, libgl1, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, libxcb-glx0, libxcb-render0, libxcb-shm0, libxcb-sync1, libzstd1, libwayland-client0, libwayland-cursor0, libwayland-egl1"
SIZE_KB="$(du -sk "$PKG/opt" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<EOF
Package: $APPID
Version: $VERSION
Architecture: $ARCH
Maintainer: casemgr developers <casemgr@localhost>
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Section: utils
Priority: optional
Description: $NAME_ZH ($NAME_EN)
 Desktop case manager for wage-arrears and labour-dispute work: mediation,
 arbitration and labour-inspection complaints, their statutory deadlines on the
 official Chinese calendar, and the bureau's monthly indicator report.
 Data stays in each user's ~/.local/share/casemgr/casemgr; removing the package
 keeps it.
EOF
DEB="$DIST/${APPID}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group "-Z${CASEMGR_DEB_COMPRESS:-xz}" --build "$PKG" "$DEB" >/dev/null

# ---------------------------------------------------------------- what was built
glibc="$(find "$FOLDER" -type f \( -name '*.so*' -o -name casemgr \) -print0 \
  | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 || true)"
echo "package-linux: folder $FOLDER ($(du -sh "$FOLDER" | cut -f1)), package $DEB ($(du -h "$DEB" | cut -f1))"
echo "package-linux: version $VERSION, $ARCH, needs ${glibc:-GLIBC_?} or newer"
