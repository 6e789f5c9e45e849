"""Start the casemgr desktop application (``./run``; see ``ui.app.run`` for the options)."""

from __future__ import annotations

import sys

from ui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv))
