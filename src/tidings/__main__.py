"""`python -m tidings`: the same as the `tidings` command."""

import sys

from tidings.cli import main

if __name__ == "__main__":  # not when a tool imports every module of the package
    sys.exit(main())
