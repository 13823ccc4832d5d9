// Usage: node check-corpus.mjs <in.json>
//
// Decodes every packet of a corpus written by another codec (ndnj) with NDNts and compares what NDNts sees with the
// corpus' "fields". Prints one line per mismatch:
//   MISMATCH <index> <field> expected=<corpus value> ndnts=<NDNts value>
// then "N passed, M failed". Exit status: 0 if all passed, 1 if any failed, 2 if the corpus cannot be read.

import { readFileSync } from "node:fs";

import { describe, hex, parseUri, sha256Hex, unhex, uriRoundTrips } from "./corpus-lib.mjs";

const DEFAULTS = {
  interest: { canBePrefix: false, mustBeFresh: false, lifetime: 4000, hopLimit: 255 },
  data: { contentType: 0, freshnessPeriod: 0 },
  lp: { fragIndex: 0, fragCount: 1 },
};
const HEX_FIELDS = new Set([
  "appParameters", "content", "contentSha256", "keyLocatorDigest", "sigValue", "implicitDigest", "pitToken", "fragment",
]);
const CONTENT_FIELDS = ["content", "contentLength", "contentSha256"];

const [input] = process.argv.slice(2);
if (!input) {
  console.error("usage: node check-corpus.mjs <in.json>");
  process.exit(2);
}
let corpus;
try {
  corpus = JSON.parse(readFileSync(input, "utf8"));
  if (!Array.isArray(corpus)) {
    throw new Error("top level is not an array");
  }
} catch (err) {
  console.error(`cannot read corpus ${input}: ${err.message}`);
  process.exit(2);
}

function show(v) {
  if (v === undefined) {
    return "<absent>";
  }
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 96)}...(${s.length} chars)` : s;
}

function normalize(field, v) {
  if (v === undefined) {
    return undefined;
  }
  if (HEX_FIELDS.has(field) && typeof v === "string") {
    return v.toLowerCase();
  }
  if (field === "sequence") {
    return String(v);
  }
  return JSON.stringify(v);
}

/** Mismatches between the corpus' fields and what NDNts decoded, as [field, expected, ndnts] triples. */
function compare(kind, wire, expected) {
  let decoded;
  let actual;
  try {
    [decoded, actual] = describe(kind, wire);
  } catch (err) {
    return [["decode", "ok", `error: ${err.message}`]];
  }
  const defaults = DEFAULTS[kind];
  const problems = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  if (kind === "data") {
    // Content is described either by its hex or by its length and SHA-256; compare whatever the corpus gives.
    for (const k of CONTENT_FIELDS) {
      keys.delete(k);
    }
    actual = { ...actual, content: hex(decoded.content), contentLength: decoded.content.length,
      contentSha256: sha256Hex(decoded.content) };
    const given = CONTENT_FIELDS.filter((k) => expected[k] !== undefined);
    for (const k of given.length > 0 ? given : ["content"]) {
      keys.add(k);
    }
  }
  for (const k of keys) {
    const e = expected[k] ?? defaults[k];
    const a = actual[k] ?? defaults[k];
    if (normalize(k, e) !== normalize(k, a)) {
      problems.push([k, e, a]);
    }
  }
  // The corpus' URI must also parse (by NDNts' rules) to the name on the wire.
  const name = kind === "lp" ? undefined : decoded.name;
  if (name && typeof expected.name === "string" && uriRoundTrips(name)) {
    let parsed;
    try {
      parsed = parseUri(expected.name);
    } catch (err) {
      parsed = `error: ${err.message}`;
    }
    if (typeof parsed === "string" || !parsed.equals(name)) {
      problems.push(["name(parsed)", hex(name.value), typeof parsed === "string" ? parsed : hex(parsed.value)]);
    }
  }
  return problems;
}

let passed = 0;
let failed = 0;
corpus.forEach((entry, index) => {
  let problems;
  try {
    problems = compare(entry.kind, unhex(entry.hex), entry.fields ?? {});
  } catch (err) {
    problems = [["entry", "kind, hex, fields", `error: ${err.message}`]];
  }
  for (const [field, e, a] of problems) {
    console.log(`MISMATCH ${index} ${field} expected=${show(e)} ndnts=${show(a)}`);
  }
  if (problems.length === 0) {
    ++passed;
  } else {
    ++failed;
  }
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
