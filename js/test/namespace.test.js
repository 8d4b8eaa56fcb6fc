// Namespace state beyond names (issue 5): imported commands, command paths,
// export lists, unknown handlers and ensembles in the JS host's State, and the
// command epoch that keeps the core's cached lookups correct.

import assert from "node:assert/strict";
import { test } from "node:test";

import { CMD_ENSEMBLE, CMD_PROC, NS_EXPORT, NS_PATH, NS_UNKNOWN, State } from "../state.js";
import { TclList, toStr } from "../values.js";
import { newFeather } from "./helpers.js";

function fresh() {
  const s = new State(null);
  for (const name of ["::a", "::b", "::c"]) s.createNs(name);
  return s;
}

function proc(s, name, body = "") {
  assert.equal(s.define(name, CMD_PROC, 0, new TclList([]), body), 0);
}

test("an import refers to the original, through chains", () => {
  const s = fresh();
  proc(s, "::a::f", "af");
  assert.equal(s.importCommand("::b::f", "::a::f"), 0);
  assert.equal(s.importCommand("::f", "::b::f"), 0);
  assert.equal(s.lookupCommand("::f").real().body, "af");
  assert.equal(s.commandOrigin("::f", false), "::b::f");
  assert.equal(s.commandOrigin("::f", true), "::a::f");
  assert.equal(s.commandOrigin("::nope", true), null);
  assert.equal(s.importCommand("::g", "::nope"), 1);
  assert.equal(s.importCommand("::zz::g", "::a::f"), 3);
});

test("deleting the original deletes its imports; redefining keeps them", () => {
  const s = fresh();
  proc(s, "::a::f", "old");
  s.importCommand("::b::f", "::a::f");
  s.importCommand("::f", "::b::f");
  proc(s, "::a::f", "new");
  assert.equal(s.lookupCommand("::f").real().body, "new");
  assert.equal(s.rename("::a::f", ""), 0);
  assert.equal(s.lookupCommand("::b::f"), null);
  assert.equal(s.lookupCommand("::f"), null);
});

test("path lookup follows the path, skipping deleted namespaces", () => {
  const s = fresh();
  proc(s, "::h", "global");
  proc(s, "::a::h", "a");
  proc(s, "::b::h", "b");
  const app = s.createNs("::app");
  s.nsAttr(app, NS_PATH, new TclList(["::b", "::a"]));
  s.pushFrame(null, "::app", true);
  assert.equal(s.lookupCommand("h").body, "b");
  s.deleteNs("::b");
  assert.equal(s.lookupCommand("h").body, "a");
  assert.equal(toStr(s.nsAttr(app, NS_PATH, null)), "::a");
  s.deleteNs("::a");
  assert.equal(s.lookupCommand("h").body, "global");
});

test("ensembles die with their namespace and are never cacheable", () => {
  const s = fresh();
  assert.equal(s.define("::e", CMD_ENSEMBLE, 0, new TclList([]), "::a"), 0);
  const ens = s.lookupCommand("::e");
  assert.equal(s.resolvesEverywhere(ens, "::e"), false);
  assert.equal(s.updateCommand("::e", new TclList(["-map", "x"])), 0);
  assert.equal(toStr(ens.params), "-map x");
  s.deleteNs("::a");
  assert.equal(s.lookupCommand("::e"), null);
});

test("every namespace change moves the command epoch", () => {
  const s = fresh();
  let count = 0;
  s.commandsChanged = () => count++;
  proc(s, "::a::f");
  const a = s.findNs("::a");
  const steps = [
    () => s.importCommand("::f", "::a::f"),
    () => s.nsAttr(a, NS_PATH, new TclList(["::b"])),
    () => s.nsAttr(a, NS_EXPORT, new TclList(["f"])),
    () => s.nsAttr(a, NS_UNKNOWN, "u"),
    () => s.define("::e", CMD_ENSEMBLE, 0, new TclList([]), "::a"),
    () => s.updateCommand("::e", new TclList(["-map", "x"])),
    () => s.rename("::a::f", ""),
  ];
  for (const step of steps) {
    const before = count;
    step();
    assert.ok(count > before);
  }
});

test("the interp's epoch moves on namespace commands", async () => {
  const feather = await newFeather({ write: () => {} });
  const interp = feather.create();
  const rt = feather.runtime;
  feather.register(interp, "epoch", () => rt.inst.mem().u32[rt.inst.exports.feather_epoch_ptr() >>> 2]);
  const script = `
    namespace eval a {proc f {} {}; namespace export f}
    namespace ensemble create -command ::e -map {x ::list}
    set r {}
    foreach step {
      {namespace path ::a}
      {namespace export g}
      {namespace unknown ::u}
      {namespace import a::f}
      {namespace forget a::f}
      {namespace ensemble configure ::e -map {y ::list}}
    } {
      set before [epoch]
      eval $step
      lappend r [expr {[epoch] != $before}]
    }
    set r`;
  assert.equal(feather.eval(interp, script), "1 1 1 1 1 1");
});

test("registered commands can be imported, found on a path and be ensemble subcommands", async () => {
  const feather = await newFeather({ write: () => {} });
  const interp = feather.create();
  feather.eval(interp, "namespace eval lib {namespace export *}");
  feather.register(interp, "::lib::hc", (args) => "host:" + args.join(" "));
  const script = `
    namespace import lib::hc
    namespace eval lib {namespace ensemble create}
    namespace eval app {namespace path ::lib}
    list [hc 1 2] [namespace origin hc] [lib hc 3] [namespace eval app {hc 4}]`;
  assert.equal(feather.eval(interp, script), "{host:1 2} ::lib::hc host:3 host:4");
  assert.equal(feather.eval(interp, "rename ::lib::hc {}; info commands hc"), "");
});
