"""Feather: an embeddable, sandboxed Tcl interpreter (a C core compiled to WebAssembly).

>>> from feather_tcl import Interp
>>> Interp().eval("string toupper hello")
'HELLO'
"""

from __future__ import annotations

from feather_tcl.errors import TclError
from feather_tcl.interp import Interp
from feather_tcl.runtime import Runtime

__all__ = ["Interp", "Runtime", "TclError", "__version__"]
__version__ = "0.1.0"
