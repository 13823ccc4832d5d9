// A test-only SharedWorker (served from the test class path): counts connections and echoes messages.
let connections = 0;
self.onconnect = (event) => {
  connections++;
  const port = event.ports[0];
  port.onmessage = (m) => port.postMessage(m.data);
};
self.connectionCount = () => connections;
