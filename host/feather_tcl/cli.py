"""The ``feather`` command (placeholder until the Python host lands)."""

import sys


def main() -> int:
    print("feather: the interpreter is not yet available", file=sys.stderr)
    return 1
