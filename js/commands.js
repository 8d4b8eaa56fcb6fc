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
