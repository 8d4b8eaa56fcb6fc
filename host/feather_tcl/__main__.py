"""``python -m feather_tcl``: the feather command."""

from feather_tcl.cli import main

raise SystemExit(main())
