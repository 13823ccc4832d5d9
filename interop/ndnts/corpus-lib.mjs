// Shared by gen-corpus.mjs and check-corpus.mjs: hex helpers, a seeded PRNG, and the one function that turns a
// packet decoded by NDNts into the corpus "fields" schema (see README.md beside this file).

import { createHash } from "node:crypto";

import { Data, Interest, TT } from "@ndn/packet";
import { Decoder } from "@ndn/tlv";
import { LpPacket, TT as LpTT } from "@ndn/lp";
import { AltUri } from "@ndn/naming-convention2";

/** Content longer than this is described by contentLength and contentSha256 instead of its hex. */
export const LARGE_CONTENT = 2048;

/** Lower-case hex of bytes. */
export function hex(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Bytes of a hex string (either case); throws on odd length or a non-hex digit. */
export function unhex(s) {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) {
    throw new Error(`bad hex string of length ${s.length}`);
  }
  return new Uint8Array(Buffer.from(s, "hex"));
}

export function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Mulberry32: a tiny, well-mixed 32-bit PRNG, so that the corpus is the same on every run. */
export class Rng {
  constructor(seed) {
    this.s = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32() {
    this.s = (this.s + 0x6D2B79F5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [0, n), n <= 2**32. */
  int(n) {
    return Math.floor((this.u32() / 0x100000000) * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  bool(p = 0.5) {
    return this.u32() / 0x100000000 < p;
  }

  pick(list) {
    return list[this.int(list.length)];
  }

  bytes(n) {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; ++i) {
      b[i] = this.u32() & 0xFF;
    }
    return b;
  }

  /** Uniform 64-bit unsigned integer as a bigint. */
  u64() {
    return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
  }
}

/** TLV-TYPEs of the direct children of one TLV element (used to tell "absent" from "present with default value"). */
function childTypes(wire) {
  const top = new Decoder(wire).read();
  const vd = top.vd;
  const types = new Set();
  while (!vd.eof) {
    types.add(vd.read().type);
  }
  return types;
}

/** NDN URI of a name as NDNts prints it with the rev3 naming conventions (seg=, v=, t=, seq=, off=, …). */
export function nameUri(name) {
  return AltUri.ofName(name);
}

/**
 * Whether NDNts parses the printed URI of this name back to the same TLV. False for a typed-number component
 * (segment, byte offset, version, timestamp, sequence number) whose NonNegativeInteger is not in its shortest form
 * (the URI shows the number, not its width), and for a timestamp above 2**53 - 1, which NDNts refuses to parse.
 */
export function uriRoundTrips(name) {
  for (const comp of name.comps) {
    if ([0x32, 0x34, 0x36, 0x38, 0x3A].includes(comp.type) && [1, 2, 4, 8].includes(comp.length)) {
      const v = comp.value;
      const shortest = v.length === 1 || v[0] !== 0 && v.length === 2 ||
        v.length === 4 && (v[0] | v[1]) !== 0 || v.length === 8 && (v[0] | v[1] | v[2] | v[3]) !== 0;
      if (!shortest || comp.type === 0x38 && v.length === 8 && v[0] | (v[1] & 0xE0)) {
        return false;
      }
    }
  }
  return true;
}

/** "interest" | "data" | "other": what a fragment holds, judged by decoding it whole with NDNts. */
export function fragmentKind(bytes) {
  for (const [kind, type] of [["interest", Interest], ["data", Data]]) {
    try {
      Decoder.decode(bytes, type);
      return kind;
    } catch {
      // not this kind
    }
  }
  return "other";
}

/** Decode one packet of the given kind with NDNts and return [decoded, fields]. Throws if NDNts rejects it. */
export function describe(kind, wire) {
  switch (kind) {
    case "interest": {
      const interest = Decoder.decode(wire, Interest);
      return [interest, describeInterest(interest, wire)];
    }
    case "data": {
      const data = Decoder.decode(wire, Data);
      return [data, describeData(data, wire)];
    }
    case "lp": {
      const lp = Decoder.decode(wire, LpPacket);
      return [lp, describeLp(lp, wire)];
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

function describeInterest(interest, wire) {
  const present = childTypes(wire);
  const f = { name: nameUri(interest.name), canBePrefix: interest.canBePrefix, mustBeFresh: interest.mustBeFresh };
  if (interest.fwHint) {
    f.fwHint = interest.fwHint.delegations.map(nameUri);
  }
  if (interest.nonce !== undefined) {
    f.nonce = interest.nonce;
  }
  f.lifetime = interest.lifetime;
  if (present.has(TT.HopLimit)) {
    f.hopLimit = interest.hopLimit;
  }
  if (interest.appParameters) {
    f.appParameters = hex(interest.appParameters);
  }
  return f;
}

function describeData(data, wire) {
  const f = {
    name: nameUri(data.name),
    contentType: data.contentType,
    freshnessPeriod: data.freshnessPeriod,
  };
  if (data.finalBlockId) {
    f.finalBlockId = AltUri.ofComponent(data.finalBlockId);
  }
  if (data.content.length > LARGE_CONTENT) {
    f.contentLength = data.content.length;
    f.contentSha256 = sha256Hex(data.content);
  } else {
    f.content = hex(data.content);
  }
  f.sigType = data.sigInfo.type;
  if (data.sigInfo.keyLocator?.name) {
    f.keyLocatorName = nameUri(data.sigInfo.keyLocator.name);
  }
  if (data.sigInfo.keyLocator?.digest) {
    f.keyLocatorDigest = hex(data.sigInfo.keyLocator.digest);
  }
  f.sigValue = hex(data.sigValue);
  f.implicitDigest = sha256Hex(wire);
  return f;
}

function describeLp(lp, wire) {
  const present = childTypes(wire);
  const f = {};
  if (lp.fragSeqNum !== undefined) {
    f.sequence = lp.fragSeqNum.toString();
  }
  if (present.has(LpTT.FragIndex)) {
    f.fragIndex = lp.fragIndex;
  }
  if (present.has(LpTT.FragCount)) {
    f.fragCount = lp.fragCount;
  }
  if (lp.pitToken) {
    f.pitToken = hex(lp.pitToken);
  }
  if (lp.nack) {
    f.nackReason = lp.nack.reason;
  }
  if (lp.congestionMark !== undefined) {
    f.congestionMark = lp.congestionMark;
  }
  if (lp.payload) {
    f.fragment = hex(lp.payload);
    f.fragmentKind = fragmentKind(lp.payload);
  }
  return f;
}

/** A name parsed from a URI the way NDNts parses alternate URIs (rev3 conventions). */
export function parseUri(uri) {
  return AltUri.parseName(uri);
}
