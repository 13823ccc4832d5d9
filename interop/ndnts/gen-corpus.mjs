// Usage: node gen-corpus.mjs <out.json> [seed]
//
// Writes a deterministic corpus of Interests, Data and NDNLPv2 LpPackets encoded by NDNts, each with the fields NDNts
// decodes from it, for ndnj's interop test to decode and compare (schema in README.md).

import { writeFileSync } from "node:fs";

import {
  Component, Data, digestSigning, FwHint, ImplicitDigest, Interest, KeyLocator, Name, nullSigner, ParamsDigest,
  SigInfo, SigType, TT, ValidityPeriod, NackHeader,
} from "@ndn/packet";
import { Encoder, NNI } from "@ndn/tlv";
import { LpPacket, TT as LpTT } from "@ndn/lp";
import {
  ByteOffset, Keyword, Segment, Segment2, SequenceNum, SequenceNum2, Timestamp, Version, Version2,
} from "@ndn/naming-convention2";

import { describe, hex, Rng } from "./corpus-lib.mjs";

const [out, seedArg = "20250307"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node gen-corpus.mjs <out.json> [seed]");
  process.exit(2);
}
const rng = new Rng(Number.parseInt(seedArg, 10));

// ---- name components -------------------------------------------------------------------------------------------

const ODD_GENERIC = [
  "", ".", "..", "...", "....", "a b", "%", "/", "~_-.", "+=&?#", "A-Z_a-z.0~9", "日本語", "..a", "%%%",
];
const NUMBERS = [
  0, 1, 127, 128, 255, 256, 0xFFFF, 0x10000, 0xFFFFFF, 0xFFFFFFFF, 0x100000000, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER,
  2n ** 53n, 0xFFFFFFFFFFFFFFFFn,
];
const OTHER_TYPES = [3, 9, 17, 31, 32, 33, 48, 100, 252, 253, 255, 256, 1000, 0x7FFF, 0xFFFE, 0xFFFF];

function someNumber() {
  return rng.bool(0.5) ? rng.pick(NUMBERS) : rng.int(100000);
}

function word() {
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = rng.range(1, 10); i > 0; --i) {
    s += letters[rng.int(letters.length)];
  }
  return s;
}

function randomComponent() {
  switch (rng.int(16)) {
    case 0: case 1: case 2: case 3:
      return new Component(TT.GenericNameComponent, word());
    case 4:
      return new Component(TT.GenericNameComponent, rng.pick(ODD_GENERIC));
    case 5:
      return new Component(TT.GenericNameComponent, rng.bytes(rng.range(0, 12)));
    case 6:
      return Segment.create(someNumber());
    case 7:
      return Version.create(rng.bool() ? someNumber() : 1700000000000 + rng.int(1e9));
    case 8:
      return Timestamp.us.create(rng.bool() ? 1741305600000000 + rng.int(1e9) : rng.int(1000));
    case 9:
      return SequenceNum.create(someNumber());
    case 10:
      return ByteOffset.create(someNumber());
    case 11:
      return Keyword.create(rng.pick(["KEY", "self", "metadata", "32=x", ""]));
    case 12: // rev2 conventions: printed as plain typed components under rev3 rules
      return rng.pick([Segment2, Version2, SequenceNum2]).create(rng.int(70000));
    case 13: { // typed-number type whose value is not a shortest NonNegativeInteger, or not an NNI at all
      const type = rng.pick([0x32, 0x34, 0x36, 0x38, 0x3A]);
      const len = rng.pick([2, 3, 4, 5, 8]);
      const value = rng.bytes(len);
      value[0] = 0;
      return new Component(type, value);
    }
    default:
      return new Component(rng.pick(OTHER_TYPES), rng.bytes(rng.range(0, 9)));
  }
}

function randomName(min = 1, max = 7) {
  const comps = [];
  for (let n = rng.range(min, max); n > 0; --n) {
    comps.push(randomComponent());
  }
  return new Name(comps);
}

// ---- packets ---------------------------------------------------------------------------------------------------

async function randomInterest() {
  let name = randomName();
  const args = [];
  const digestLast = rng.bool(0.12);
  if (digestLast) {
    name = name.append(ImplicitDigest.create(rng.bytes(32)));
  }
  args.push(name);
  if (rng.bool(0.4)) {
    args.push(Interest.CanBePrefix);
  }
  if (rng.bool(0.4)) {
    args.push(Interest.MustBeFresh);
  }
  if (rng.bool(0.25)) {
    const hints = [];
    for (let n = rng.range(1, 3); n > 0; --n) {
      hints.push(randomName(1, 4));
    }
    args.push(new FwHint(hints));
  }
  args.push(Interest.Nonce(rng.bool(0.1) ? rng.pick([0, 1, 0xFFFFFFFF]) : rng.u32()));
  if (rng.bool(0.5)) {
    args.push(Interest.Lifetime(rng.pick([0, 1, 100, 255, 256, 3999, 4001, 65535, 65536, 0xFFFFFFFF, 2 ** 40])));
  }
  if (rng.bool(0.3)) {
    args.push(Interest.HopLimit(rng.pick([0, 1, 2, 64, 254])));
  }
  const interest = new Interest(...args);
  if (!digestLast && rng.bool(0.3)) {
    const size = rng.pick([0, 1, 2, 16, 100, 252, 253, 300, 1000, 70000]);
    interest.appParameters = rng.bytes(size);
    if (rng.bool(0.3)) {
      // signed Interest: SigNonce, SigTime, SigSeqNum; digestSigning adds ParamsDigest last
      interest.sigInfo = new SigInfo(SigType.Sha256, SigInfo.Nonce(rng.bytes(8)),
        SigInfo.Time(1741305600000 + rng.int(1e6)), SigInfo.SeqNum(BigInt(rng.int(1e6))));
      await digestSigning.sign(interest);
    } else {
      if (rng.bool(0.3)) { // ParamsDigest in the middle of the name, followed by more components
        interest.name = interest.name.append(ParamsDigest.PLACEHOLDER, randomComponent());
      }
      await interest.updateParamsDigest();
    }
  }
  return interest;
}

function keyName() {
  return randomName(1, 3).append(Keyword.create("KEY"), new Component(TT.GenericNameComponent, rng.bytes(8)));
}

async function randomData() {
  const name = randomName();
  const data = new Data(name);
  if (rng.bool(0.5)) {
    data.contentType = rng.pick([0, 1, 2, 3, 4, 5, 6, 9, 255, 256, 1000, 65536]);
  }
  if (rng.bool(0.5)) {
    data.freshnessPeriod = rng.pick([0, 1, 1000, 4000, 65535, 65536, 3600000, 2 ** 32 + 1]);
  }
  switch (rng.int(5)) {
    case 0:
      data.finalBlockId = data.name.get(-1);
      break;
    case 1:
      data.finalBlockId = Segment.create(rng.int(1000));
      break;
    case 2:
      data.finalBlockId = randomComponent();
      break;
    default:
      break;
  }
  const size = rng.bool(0.08)
    ? rng.pick([4096, 65535, 65536, 70000])
    : rng.pick([0, 0, 1, 2, 7, 32, 100, 252, 253, 254, 255, 256, 600, 1000]);
  data.content = rng.bytes(size);

  // Extra SignatureInfo elements; with both, NDNts writes SigTime before ValidityPeriod, an order ndnj accepts
  // as ndn-cxx does (any order after SignatureType).
  const extras = [];
  switch (rng.int(10)) {
    case 0:
      extras.push(new ValidityPeriod(1700000000000, 1800000000000));
      break;
    case 1:
      extras.push(SigInfo.Time(1741305600000 + rng.int(1e6)));
      break;
    case 2:
      extras.push(new ValidityPeriod(1700000000000, 1800000000000), SigInfo.Time(1741305600000 + rng.int(1e6)));
      break;
  }
  switch (rng.int(20)) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6:
      await digestSigning.sign(data);
      break;
    case 7: case 8: case 9: case 10: case 11: case 12:
      data.sigInfo = new SigInfo(rng.pick([SigType.Sha256WithRsa, SigType.Sha256WithEcdsa, SigType.Ed25519]),
        new KeyLocator(keyName()), ...extras);
      data.sigValue = rng.bytes(rng.pick([64, 71, 72, 256]));
      break;
    case 13: case 14: case 15:
      data.sigInfo = new SigInfo(rng.pick([SigType.HmacWithSha256, SigType.Sha256WithEcdsa]),
        new KeyLocator(rng.bytes(rng.bool(0.7) ? 32 : rng.range(1, 40))), ...extras);
      data.sigValue = rng.bytes(32);
      break;
    case 16: case 17:
      await nullSigner.sign(data);
      break;
    default: // an unassigned SignatureType, no KeyLocator
      data.sigInfo = new SigInfo(rng.pick([2, 6, 100, 253, 65536]), ...extras);
      data.sigValue = rng.bytes(rng.range(1, 300));
      break;
  }
  return data;
}

// ---- NDNLPv2 ---------------------------------------------------------------------------------------------------

async function l3Packet(preferInterest) {
  return (preferInterest ?? rng.bool()) ? Encoder.encode(await randomInterest()) : Encoder.encode(await randomData());
}

function lpOf(fields) {
  return Encoder.encode(Object.assign(new LpPacket(), fields));
}

const SEQUENCES = [0n, 1n, 0xFFn, 0x100000000n, 0x7FFFFFFFFFFFFFFFn, 0xFFFFFFFFFFFFFFFFn];

async function randomLp(i) {
  switch (i % 8) {
    case 0: // bare fragment
      return lpOf({ payload: await l3Packet() });
    case 1: // PIT token, 1..32 octets
      return lpOf({ pitToken: rng.bytes(rng.pick([1, 4, 8, 16, 32, rng.range(1, 32)])), payload: await l3Packet() });
    case 2: { // Nack of an Interest
      const reason = rng.pick([0, 50, 100, 150, 1, 200, 65535]);
      return lpOf({
        nack: new NackHeader(reason),
        pitToken: rng.bool(0.3) ? rng.bytes(8) : undefined,
        payload: await l3Packet(true),
      });
    }
    case 3: // congestion mark
      return lpOf({ congestionMark: rng.pick([1, 2, 255, 256, 65536]), payload: await l3Packet() });
    case 4: // sequence number on a whole packet
      return lpOf({ fragSeqNum: rng.bool(0.5) ? rng.pick(SEQUENCES) : rng.u64(), payload: await l3Packet() });
    case 5: // everything NDNts encodes, together
      return lpOf({
        fragSeqNum: rng.u64(),
        pitToken: rng.bytes(4),
        congestionMark: 1,
        payload: await l3Packet(false),
      });
    default:
      return handBuiltLp();
  }
}

/** One packet NDNts' LpPacket encoder cannot make, built element by element: [note, wire]. */
async function handBuiltLp() {
  const fragment = [LpTT.LpPayload, await l3Packet()];
  const seq = () => [LpTT.LpSeqNum, NNI(rng.u64(), { len: 8 })];
  const lp = (note, ...elements) => [`hand-built: ${note}`, Encoder.encode([LpTT.LpPacket, ...elements])];
  switch (rng.int(7)) {
    case 0:
      return lp("FragIndex 0 and FragCount 1 written out",
        seq(), [LpTT.FragIndex, NNI(0)], [LpTT.FragCount, NNI(1)], fragment);
    case 1:
      return lp("Nack whose NackReason element is present with value 0",
        [LpTT.Nack, [LpTT.NackReason, NNI(0)]], [LpTT.LpPayload, Encoder.encode(await randomInterest())]);
    case 2:
      return lp("IncomingFaceId (812) and NextHopFaceId (816), ignorable fields NDNts does not know",
        [LpTT.PitToken, rng.bytes(6)], [812, NNI(rng.range(1, 300))], [816, NNI(rng.range(1, 300))], fragment);
    case 3:
      return lp("CachePolicy (820) NoCache, then CongestionMark",
        [820, [821, NNI(1)]], [LpTT.CongestionMark, NNI(1)], fragment);
    case 4:
      return lp("Ack (836) twice and TxSequence (840), no Fragment",
        [836, NNI(rng.u64(), { len: 8 })], [836, NNI(rng.u64(), { len: 8 })], [840, NNI(rng.u64(), { len: 8 })]);
    case 5:
      return lp("NonDiscovery (844) and an unassigned ignorable field (956)",
        seq(), [844], [956, rng.bytes(3)], fragment);
    default:
      return lp("CongestionMark written in 8 octets",
        [LpTT.CongestionMark, NNI(rng.range(1, 9), { len: 8 })], fragment);
  }
}

/** A Data packet cut into FragCount LpPackets (first one carries the L3 headers), as a fragmenter would. */
async function fragmentedData() {
  let full;
  do {
    full = Encoder.encode(await randomData());
  } while (full.length < 300);
  const count = rng.range(2, 5);
  const room = Math.ceil(full.length / count);
  const base = rng.bool(0.2) ? 0xFFFFFFFFFFFFFFFEn : rng.u64();
  const packets = [];
  for (let index = 0; index < count; ++index) {
    packets.push(lpOf({
      fragSeqNum: BigInt.asUintN(64, base + BigInt(index)),
      fragIndex: index,
      fragCount: count,
      pitToken: index === 0 && rng.bool(0.5) ? rng.bytes(8) : undefined,
      payload: full.subarray(index * room, Math.min(full.length, (index + 1) * room)),
    }));
  }
  return packets;
}

// ---- main ------------------------------------------------------------------------------------------------------

const corpus = [];
/** Adds one packet; `packet` is its wire, or [note, wire] for a packet not made by NDNts' own encoder. */
function add(kind, packet) {
  const [note, wire] = Array.isArray(packet) ? packet : [undefined, packet];
  const [, fields] = describe(kind, wire); // NDNts must decode what it encoded
  corpus.push(note ? { kind, hex: hex(wire), fields, note } : { kind, hex: hex(wire), fields });
}

for (let i = 0; i < 160; ++i) {
  add("interest", Encoder.encode(await randomInterest()));
}
for (let i = 0; i < 130; ++i) {
  add("data", Encoder.encode(await randomData()));
}
for (let i = 0; i < 96; ++i) {
  add("lp", await randomLp(i));
}
for (let i = 0; i < 6; ++i) {
  for (const wire of await fragmentedData()) {
    add("lp", wire);
  }
}

writeFileSync(out, `[\n${corpus.map((entry) => JSON.stringify(entry)).join(",\n")}\n]\n`);
const count = (kind) => corpus.filter((e) => e.kind === kind).length;
console.log(`wrote ${corpus.length} packets (${count("interest")} interest, ${count("data")} data, ` +
  `${count("lp")} lp) to ${out}`);
