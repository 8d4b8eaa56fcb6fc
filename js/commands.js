// commands.js -- commands the host adds to every interpreter (embedder-style
// commands). Twin of host/feather_tcl/commands.py.

import { TCL_ERROR, TCL_OK } from "./state.js";
import { toStr } from "./values.js";

const PUTS_USAGE = 'wrong # args: should be "puts ?-nonewline? ?channelId? string"';

/** puts ?-nonewline? ?channelId? string, writing through write(text, channel)
 * (channel "stdout" or "stderr"). A host command: (argv values) -> [code, result]. */
export function makePuts(write) {
  return (argv) => {
    const args = argv.slice(1).map(toStr);
    let newline = true;
    let channel = "stdout";
    let text;
    if (args.length === 1) text = args[0];
    else if (args.length === 2) {
      if (args[0] === "-nonewline") newline = false;
      else channel = args[0];
      text = args[1];
    } else if (args.length === 3 && args[0] === "-nonewline") {
      newline = false;
      channel = args[1];
      text = args[2];
    } else return [TCL_ERROR, PUTS_USAGE];
    if (channel !== "stdout" && channel !== "stderr") return [TCL_ERROR, `can not find channel named "${channel}"`];
    write(newline ? text + "\n" : text, channel);
    return [TCL_OK, ""];
  };
}

const CLOCK_SUBCOMMANDS = ["add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds"];

function uniquePrefix(word, table) {
  if (table.includes(word)) return word;
  const found = table.filter((t) => word !== "" && t.startsWith(word));
  return found.length === 1 ? found[0] : null;
}

/** Microseconds since the epoch, as a BigInt-free number (exact below 2^53). */
function nowMicros() {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** clock seconds|milliseconds|microseconds|clicks: the host's clock (the core
 * has none). clock format, scan and add are not supported. */
export function clock(argv) {
  const args = argv.slice(1).map(toStr);
  if (args.length === 0) return [TCL_ERROR, 'wrong # args: should be "clock subcommand ?arg ...?"'];
  const sub = uniquePrefix(args[0], CLOCK_SUBCOMMANDS);
  if (sub === null) {
    return [TCL_ERROR, `unknown or ambiguous subcommand "${args[0]}": must be add, clicks, format, microseconds, milliseconds, scan, or seconds`];
  }
  const us = nowMicros();
  if (sub === "clicks") {
    if (args.length > 2) return [TCL_ERROR, 'wrong # args: should be "clock clicks ?-switch?"'];
    if (args.length === 2) {
      const unit = uniquePrefix(args[1], ["-microseconds", "-milliseconds"]);
      if (unit === null) return [TCL_ERROR, `bad option "${args[1]}": must be -milliseconds or -microseconds`];
      return [TCL_OK, unit === "-milliseconds" ? Math.floor(us / 1000) : us];
    }
    return [TCL_OK, us];
  }
  if (sub === "format" || sub === "scan" || sub === "add") return [TCL_ERROR, `clock ${sub} is not supported by Feather`];
  if (args.length !== 1) return [TCL_ERROR, `wrong # args: should be "clock ${sub}"`];
  if (sub === "seconds") return [TCL_OK, Math.floor(us / 1000000)];
  if (sub === "milliseconds") return [TCL_OK, Math.floor(us / 1000)];
  return [TCL_OK, us];
}
