// The physical limit for the browser benchmarks: a plain JavaScript SharedWorker that sends every Uint8Array it
// gets straight back (transferring its buffer), as the ndnj worker would answer from its Content Store with no work.
onconnect = (e) => {
  const port = e.ports[0];
  port.onmessage = (m) => {
    const d = m.data;
    if (d instanceof Uint8Array) port.postMessage(d, [d.buffer]);
  };
};
