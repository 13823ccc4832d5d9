// Minimal page script: opens a WebSocket to the forwarder that served this page (same host and port) and shows
// its state. The browser-tier scripts replace it.
const status = document.getElementById('status');
const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const ws = new WebSocket(`${scheme}//${location.host}/`);
ws.binaryType = 'arraybuffer';
ws.addEventListener('open', () => {
  status.textContent = 'connected';
  status.className = 'connected';
});
ws.addEventListener('close', () => {
  status.textContent = 'closed';
  status.className = 'closed';
});
window.ndnjSocket = ws;
