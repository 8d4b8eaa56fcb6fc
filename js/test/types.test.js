// feather.d.ts type-checks a usage of the whole API (tsc --strict --noEmit).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { JS_DIR } from "./helpers.js";

const TSC = join(JS_DIR, "node_modules", "typescript", "bin", "tsc");

test("feather.d.ts: a usage of the whole API type-checks under --strict", (t) => {
  if (!existsSync(TSC)) return t.skip("typescript is not installed (npm ci in js/)");
  const done = spawnSync(
    process.execPath,
    [
      TSC,
      "--strict",
      "--noEmit",
      "--target",
      "es2022",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--lib",
      "es2022,dom",
      join(JS_DIR, "test", "types", "usage.ts"),
    ],
    { cwd: JS_DIR, timeout: 120000 },
  );
  assert.equal(done.status, 0, done.stdout.toString() + done.stderr.toString());
});
