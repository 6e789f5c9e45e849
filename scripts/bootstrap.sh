# Sourced by ./run, ./test and ./bench: make .venv ready on a fresh Debian with only Python.
# Idempotent and quick when nothing changed (a stamp of pyproject.toml guards pip).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# System libraries PySide6 needs even offscreen, fonts for Chinese text, poppler for PDF checks.
APT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-wqy-zenhei poppler-utils)
# Qt's xcb platform plugin (a real window on an X11 desktop): every library libqxcb.so and
# libQt6XcbQpa load (tests/test_bootstrap.py holds this list to `ldd`). Without
# libxcb-icccm4/libxcb-keysyms1 a fresh Debian desktop could not start the app, and Qt's
# message blamed xcb-cursor0.
APT_PACKAGES+=(libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0)

need_apt=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
  done
fi
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  need_apt+=(python3-venv)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing system packages: ${need_apt[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "bootstrap: please install these system packages: ${need_apt[*]} (sudo apt-get install ...)" >&2
  fi
fi

"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "bootstrap: Python 3.11 or newer is required" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.casemgr-installed"
want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing Python packages into .venv" >&2
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e "$ROOT[test,postgres]"
  echo "$want" > "$stamp"
fi

# Compile translations when a .ts is newer than its .qm.
for ts in "$ROOT"/resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm" || echo "bootstrap: lrelease failed for $ts" >&2
  fi
done
