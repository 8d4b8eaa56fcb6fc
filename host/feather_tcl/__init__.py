"""Feather: an embeddable, sandboxed Tcl interpreter (placeholder until the Python host lands)."""

__version__ = "0.1.0"
