// errors.js -- errors raised by the public API. Twin of host/feather_tcl/errors.py.

const CODES = { 0: "ok", 1: "error", 2: "return", 3: "break", 4: "continue" };

/** A Tcl script failed. `result` (also `message`) is the error message (the
 * interp result), `code` the Tcl completion code (1 for TCL_ERROR),
 * `errorInfo` and `errorCode` the values of ::errorInfo and ::errorCode. */
export class TclError extends Error {
  constructor(result, code = 1, errorInfo = "", errorCode = "NONE") {
    super(result);
    this.name = "TclError";
    this.result = result;
    this.code = code;
    this.errorInfo = errorInfo;
    this.errorCode = errorCode;
  }

  get codeName() {
    return CODES[this.code] ?? String(this.code);
  }
}

/** The WASM code trapped: a bug in the core, or the native stack was
 * exhausted. A TclError (code 1) whose message starts with "feather: trap:".
 * The instance is replaced by a fresh one; every interpreter keeps its state. */
export class HostTrap extends TclError {
  constructor(message) {
    super(`feather: trap: ${message}`);
    this.name = "HostTrap";
  }
}
