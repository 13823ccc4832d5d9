// An NDNts consumer in front of ndnj. It connects over --uplink, expresses --pings Interests for
// <prefix>/ping/<run>/<i>, fetches the versioned segmented object <prefix>/file twice with @ndn/segmented-object
// (version discovery, then a windowed fetch; the second fetch is served by ndnj's Content Store), and, with
// --datasets, erases ndnj's cached management Data (cs/erase) and reads ndnj's faces/list, fib/list, rib/list,
// cs/info and status/general with @ndn/nfdmgmt (/localhost/nfd: a local face only, so Unix, TCP or WebSocket from
// loopback).
//
//   node consumer.mjs --uplink tcp4://127.0.0.1:6363 --prefix /demo [--pings 20] [--run r1] [--datasets]
//
// Output: one line `RESULT {...}` (JSON; see the Java test NdntsThroughForwarderTest for the fields read), exit 0.
// Any failure: a message on stderr and exit 1.

import { consume } from "@ndn/endpoint";
import { AltUri } from "@ndn/naming-convention2";
import { ControlParameters, CsInfo, FaceStatus, GeneralStatus, invoke, list, RibEntry } from "@ndn/nfdmgmt";
import { Interest, StructFieldName, TT as l3TT } from "@ndn/packet";
import { discoverVersion, fetch } from "@ndn/segmented-object";
import { EvDecoder, StructBuilder, StructFieldNNI, StructFieldType } from "@ndn/tlv";

import { connect, parseArgs, report, sha256Hex } from "./fw-lib.mjs";

// @ndn/nfdmgmt 0.0.20250307 has no fib/list item type, so it is declared here as NFD's FibEntry (0x80) with its
// NextHopRecords (0x81: FaceId 0x69, Cost 0x6a), with the same StructBuilder the package uses for its own datasets,
// and read through the package's generic dataset reader `list`.
const buildNextHopRecord = new StructBuilder("NextHopRecord")
  .add(0x69, "faceId", StructFieldNNI, { required: true })
  .add(0x6A, "cost", StructFieldNNI, { required: true })
  .setIsCritical(EvDecoder.neverCritical);
class NextHopRecord extends buildNextHopRecord.baseClass() {}
buildNextHopRecord.subclass = NextHopRecord;

const buildFibEntry = new StructBuilder("FibEntry", 0x80)
  .add(l3TT.Name, "name", StructFieldName, { required: true })
  .add(0x81, "nextHopRecords", StructFieldType.nest(NextHopRecord), { repeat: true })
  .setIsCritical(EvDecoder.neverCritical);
class FibEntry extends buildFibEntry.baseClass() {}
buildFibEntry.subclass = FibEntry;

const args = parseArgs();
const prefix = AltUri.parseName(args.prefix ?? "/ndnts");
const nPings = Number.parseInt(args.pings ?? "20", 10);
const run = args.run ?? String(Date.now());

try {
  const face = await connect(args.uplink);
  const result = { local: Boolean(face.attributes.local) };

  // Pings, all outstanding at once: each must come back with the producer's text.
  const t0 = performance.now();
  const names = Array.from({ length: nPings }, (_, i) => prefix.append("ping", run, String(i)));
  const replies = await Promise.all(names.map((name) =>
    consume(new Interest(name, Interest.Lifetime(4000)), { retx: 2 })));
  result.pings = replies.length;
  result.pingsOk = replies.filter((d, i) =>
    new TextDecoder().decode(d.content) === `pong ${names[i].toString()}` && d.name.equals(names[i])).length;
  result.pingMs = Math.round(performance.now() - t0);

  // The segmented object, twice: from the producer, then (same version) from ndnj's Content Store.
  result.fetches = [];
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    const versioned = await discoverVersion(prefix.append("file"), { cOpts: { retx: 2 } });
    const fetching = fetch(versioned, { retxLimit: 5 });
    const payload = await fetching;
    result.fetches.push({
      name: AltUri.ofName(versioned),
      length: payload.length,
      sha256: sha256Hex(payload),
      segments: fetching.count,
      ms: Math.round(performance.now() - t),
    });
  }

  if (args.datasets) {
    // Dataset segments are fresh for 1 s, so a Content Store (ndnj's, as NFD's) may answer with a version made
    // for an earlier reader. One cs/erase of /localhost/nfd makes the reads below see the forwarder as it is now.
    const erased = await invoke("cs/erase", { name: AltUri.parseName("/localhost/nfd") });
    result.csErase = { statusCode: erased.statusCode, count: ControlParameters.decodeFromResponseBody(erased).count };
    const faces = await list(FaceStatus);
    result.faces = faces.map((f) => ({
      faceId: f.faceId, uri: f.uri, localUri: f.localUri, faceScope: f.faceScope,
      facePersistency: f.facePersistency, linkType: f.linkType, mtu: f.mtu,
      nInInterests: f.nInInterests, nInData: f.nInData, nOutInterests: f.nOutInterests, nOutData: f.nOutData,
      nInNacks: f.nInNacks, nOutNacks: f.nOutNacks, nInBytes: f.nInBytes, nOutBytes: f.nOutBytes,
    }));
    const fib = await list("fib/list", [], FibEntry);
    result.fib = fib.map((e) => ({
      name: AltUri.ofName(e.name),
      nextHops: e.nextHopRecords.map((h) => ({ faceId: h.faceId, cost: h.cost })),
    }));
    const rib = await list(RibEntry);
    result.rib = rib.map((e) => ({
      name: AltUri.ofName(e.name),
      routes: e.route.map((r) => ({
        faceId: r.faceId, origin: r.origin, cost: r.cost, flagChildInherit: r.flagChildInherit,
        flagCapture: r.flagCapture, expirationPeriod: r.expirationPeriod,
      })),
    }));
    const [cs] = await list(CsInfo);
    result.cs = {
      capacity: cs.capacity, flagEnableAdmit: cs.flagEnableAdmit, flagEnableServe: cs.flagEnableServe,
      nCsEntries: cs.nCsEntries, nHits: cs.nHits, nMisses: cs.nMisses,
    };
    const [general] = await list(GeneralStatus);
    result.general = {
      nfdVersion: general.nfdVersion, startTimestamp: general.startTimestamp,
      currentTimestamp: general.currentTimestamp, nFibEntries: general.nFibEntries,
      nPitEntries: general.nPitEntries, nCsEntries: general.nCsEntries, nInInterests: general.nInInterests,
      nInData: general.nInData, nOutInterests: general.nOutInterests, nOutData: general.nOutData,
      nInNacks: general.nInNacks, nOutNacks: general.nOutNacks, nSatisfiedInterests: general.nSatisfiedInterests,
      nUnsatisfiedInterests: general.nUnsatisfiedInterests,
    };
  }

  report("RESULT", result);
  face.close();
  process.exit(0);
} catch (err) {
  process.stderr.write(`consumer failed: ${err?.stack ?? err}\n`);
  process.exit(1);
}
