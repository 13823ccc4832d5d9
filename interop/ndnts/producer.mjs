// An NDNts producer behind ndnj. It connects over --uplink, registers --prefix with @ndn/nfdmgmt's own NFD prefix
// registration (NfdPrefixReg, what enableNfdPrefixReg installs), answers <prefix>/ping/... with a small Data, and
// serves <prefix>/file as a versioned segmented object of --file-size octets (fw-lib.mjs testObject).
//
//   node producer.mjs --uplink unix:///run/ndnj.sock --prefix /demo [--file-size 100000] [--chunk-size 4000]
//                     [--max-lifetime 60000]
//
// Output, one line each: `REGISTERED {"prefix":..., "via":"/localhost/nfd"|"/localhop/nfd"}` once ndnj answered the
// rib/register command with 200, `REG-ERROR {...}` for each failed attempt (NfdPrefixReg retries), and on exit
// `SERVED {"pings":n,"segments":m,"distinctSegments":k}`. It stops when standard input closes (the Java test
// closes it; Ctrl-D in a terminal), on SIGINT or SIGTERM, or after --max-lifetime ms, so it never outlives the test.

import { produce } from "@ndn/endpoint";
import { AltUri } from "@ndn/naming-convention2";
import { getPrefix, NfdPrefixReg } from "@ndn/nfdmgmt";
import { Data, digestSigning } from "@ndn/packet";
import { BufferChunkSource, serveVersioned } from "@ndn/segmented-object";

import { connect, parseArgs, report, testObject } from "./fw-lib.mjs";

const args = parseArgs();
const prefix = AltUri.parseName(args.prefix ?? "/ndnts");
const fileSize = Number.parseInt(args["file-size"] ?? "100000", 10);
const chunkSize = Number.parseInt(args["chunk-size"] ?? "4000", 10);
const maxLifetime = Number.parseInt(args["max-lifetime"] ?? "60000", 10);

/** NfdPrefixReg that says on stdout when a registration succeeded or failed. */
class ReportingPrefixReg extends NfdPrefixReg {
  constructor(face, opts) {
    super(face, opts);
    this.via = AltUri.ofName(getPrefix(face.attributes.local));
  }

  async doAdvertise(name, state) {
    try {
      await super.doAdvertise(name, state);
    } catch (err) {
      report("REG-ERROR", { prefix: AltUri.ofName(name), via: this.via, error: String(err) });
      throw err;
    }
    report("REGISTERED", { prefix: AltUri.ofName(name), via: this.via, ms: Math.round(performance.now()) });
  }
}

let face;
try {
  face = await connect(args.uplink);
} catch (err) {
  process.stderr.write(`producer: cannot connect to ${args.uplink}: ${err?.message ?? err}\n`);
  process.exit(1);
}
const reg = new ReportingPrefixReg(face, { retry: { retries: 3, minTimeout: 200, maxTimeout: 1000 } });
reg.enable(face.fw); // what enableNfdPrefixReg(face, opts) does, with the subclass

let pings = 0;
const pinger = produce(prefix.append("ping"), async (interest) => {
  pings++;
  return new Data(interest.name, Data.FreshnessPeriod(0),
    new TextEncoder().encode(`pong ${interest.name.toString()}`));
}, { announcement: prefix, dataSigner: digestSigning });

// Counts the segment Data made (requests past the last segment, which the fetcher sends before it learns
// FinalBlockId, are not answered and not counted) and how many distinct segments that was.
let segments = 0;
const distinct = new Set();
const source = new BufferChunkSource(testObject(fileSize), { chunkSize });
const server = serveVersioned(prefix.append("file"), {
  listChunks: () => source.listChunks(),
  getChunk: async (i) => {
    const chunk = await source.getChunk(i);
    if (chunk) {
      segments++;
      distinct.add(i);
    }
    return chunk;
  },
}, { pOpts: { announcement: prefix }, signer: digestSigning });

let stopping = false;
function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  report("SERVED", { pings, segments, distinctSegments: distinct.size });
  pinger.close();
  server.close();
  reg.disable();
  face.close();
  // The face's transport may keep timers; leave at once, the work is done.
  process.exit(0);
}

process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setTimeout(stop, maxLifetime).unref();
