"""``python -m leverage_lens``: the same command as the ``leverage-lens`` console script.

Useful where the script's folder is not on PATH (a user install, some CI images) and in ``pipx``-less setups.
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
