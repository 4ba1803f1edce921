"""`python -m tidings`: the same as the `tidings` command."""

import sys

from tidings.cli import main

if __name__ == "__main__":  # importing the module (as tools that walk packages do) runs nothing
    sys.exit(main())
