"""``python -m finsam``: the ``finsam`` command (see ``finsam.cli``)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
