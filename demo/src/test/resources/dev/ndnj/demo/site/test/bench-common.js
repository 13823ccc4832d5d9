// What bench.html and bench-ab.html share: the Interests they send and the raw port they send them on.

// An Interest for /ndnj/demo/file/small/v=1/seg=<seg> (4000-octet Data), or for /ndnj/demo/status/bench (a Data of
// about 100 octets) when seg is negative, with a random Nonce and a 4 s lifetime, as TLV octets.
export function interest(seg) {
  const comps = [];
  const parts = seg < 0 ? ['ndnj', 'demo', 'status', 'bench'] : ['ndnj', 'demo', 'file', 'small'];
  for (const s of parts) comps.push(8, s.length, ...new TextEncoder().encode(s));
  if (seg >= 0) comps.push(0x36, 1, 1, 0x32, 1, seg);
  const nonce = crypto.getRandomValues(new Uint8Array(4));
  const value = [7, comps.length, ...comps, 0x0a, 4, ...nonce, 0x0c, 2, 0x0f, 0xa0];
  return new Uint8Array([5, value.length, ...value]);
}

// A raw port speaking ndnj's port protocol (one TLV per message, acknowledgements every 256 frames) to the
// SharedWorker at url named name (an ndnj worker when the name starts with 'ndnj ', run as a module); onPacket(f)
// makes f hear every packet from then on.
export function rawPort(url, name) {
  const w = new SharedWorker(url, name.startsWith('ndnj ') ? { name, type: 'module' } : name);
  const port = w.port;
  let received = 0;
  let waiter = null;
  port.onmessage = (m) => {
    if (!(m.data instanceof Uint8Array)) return;
    received++;
    if (received % 256 === 0) port.postMessage({ ndnj: 'ack', n: received });
    if (waiter) waiter(m.data);
  };
  return { port, onPacket: (f) => { waiter = f; } };
}

// The measurements of one round of a benchmark in a fresh random order. Which worker a batch follows changes its
// round trip on this VM by up to 2.8x (a halted virtual CPU woken or not; two identical echo workers measured 2.1-2.8x
// apart when one always came right after the other's batches), so no arm may keep a position: each round shuffles.
export function shuffled(items) {
  const xs = [...items];
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
