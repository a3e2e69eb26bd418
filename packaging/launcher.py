"""The frozen app's entry point: the same `main` as `python -m effect_desktop`."""

import sys

from effect_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
