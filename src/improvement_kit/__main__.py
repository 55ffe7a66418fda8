"""``python -m improvement_kit`` runs the command line."""

import sys

from improvement_kit.cli import main

sys.exit(main())
