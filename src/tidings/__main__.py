"""`python -m tidings`: the same as the `tidings` command."""

import sys

from tidings.cli import main

sys.exit(main())
