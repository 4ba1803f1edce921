"""`python -m tidings`: the same as the `tidings` command."""

import sys

from tidings.cli import main

if __name__ == "__main__":  # importing every module (a test does) must not run it
    sys.exit(main())
