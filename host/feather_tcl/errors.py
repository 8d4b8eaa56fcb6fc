"""Errors raised by the public API."""

from __future__ import annotations

__all__ = ["TclError"]

_CODES = {0: "ok", 1: "error", 2: "return", 3: "break", 4: "continue"}


class TclError(Exception):
    """A Tcl script failed. ``result`` is the error message (the interp result),
    ``code`` the Tcl completion code (1 for TCL_ERROR), ``error_info`` and
    ``error_code`` the values of ``::errorInfo`` and ``::errorCode``."""

    def __init__(
        self, result: str, code: int = 1, error_info: str = "", error_code: str = "NONE"
    ) -> None:
        super().__init__(result)
        self.result = result
        self.code = code
        self.error_info = error_info
        self.error_code = error_code

    def __str__(self) -> str:
        return self.result

    def __repr__(self) -> str:
        name = _CODES.get(self.code, str(self.code))
        return f"TclError({self.result!r}, code={name})"
