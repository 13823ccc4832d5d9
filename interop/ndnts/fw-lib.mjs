// What producer.mjs and consumer.mjs share: connecting NDNts's logical forwarder to ndnj over a face URI, reading
// command-line options, and one-line output for the Java test to parse.

import { createHash } from "node:crypto";

import { TcpTransport, UdpTransport, UnixTransport } from "@ndn/node-transport";
import { WsTransport } from "@ndn/ws-transport";

/**
 * Opens a face from NDNts's default logical forwarder to ndnj. `uri` is one of `unix:///path`,
 * `tcp4://127.0.0.1:6363`, `udp4://127.0.0.1:6363` (unicast) or `ws://127.0.0.1:9696/`.
 * The face gets NDNts's default route `/` (so a consumer's Interests go to ndnj).
 */
export async function connect(uri) {
  const u = new URL(uri);
  const port = Number.parseInt(u.port, 10);
  switch (u.protocol) {
    case "unix:":
      return UnixTransport.createFace({}, decodeURIComponent(u.pathname));
    case "tcp:":
    case "tcp4:":
      return TcpTransport.createFace({}, { host: u.hostname, port, family: 4 });
    case "udp:":
    case "udp4:":
      // A window of 8 KB Data arrives as one burst; the kernel's default receive buffer (about 208 KiB, counted
      // with per-datagram overhead) overflows when Node is slow to read on a busy machine, and each datagram lost
      // costs a retransmission timeout. 1 MiB keeps the tests quick; loss is still recovered without it.
      return UdpTransport.createFace({}, { host: u.hostname, port, family: 4, recvBufferSize: 1 << 20 });
    case "ws:":
    case "wss:":
      return WsTransport.createFace({}, uri);
    default:
      throw new Error(`unsupported uplink ${uri}`);
  }
}

/** `--name value` pairs and `--flag` switches from process.argv, into an object. */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      throw new Error(`unexpected argument ${a}`);
    }
    const key = a.slice(2);
    if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
      out[key] = argv[++i];
    } else {
      out[key] = true;
    }
  }
  return out;
}

/** The test object both sides agree on: `size` octets, octet i = (i * 31 + 7) mod 256. */
export function testObject(size) {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    b[i] = (i * 31 + 7) & 0xff;
  }
  return b;
}

export function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Prints one line `<TAG> <json>` on stdout; the Java test reads these. */
export function report(tag, value) {
  process.stdout.write(`${tag} ${JSON.stringify(value, (k, v) => typeof v === "bigint" ? Number(v) : v)}\n`);
}
