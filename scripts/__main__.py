"""`python -m scripts ...`: the project's one command line (see scripts/cli.py)."""

import sys

from scripts.cli import main

sys.exit(main())
