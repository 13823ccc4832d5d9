// The ndnj demo page: chat on a channel, a segmented fetch that shows which segments came from the shared Content
// Store, and the engine's status. ?shared-engine=1 (default) shares one engine per origin in a SharedWorker;
// ?shared-engine=0 gives this page its own engine and WebSocket. The application code is the same in both modes.
import * as ndnj from './ndnj/ndnj.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const wantShared = params.get('shared-engine') !== '0';
const channel = params.get('channel') || '/ndnj/chat/lobby';
const nick = 'tab-' + Math.random().toString(16).slice(2, 6);

const client = await ndnj.connect({ sharedEngine: wantShared });
window.ndnjClient = client;
$('mode').textContent = client.mode === 'shared' ? 'one shared engine (SharedWorker)' : 'one engine per tab';
$('mode').dataset.mode = client.mode;
$('switch').href = '?shared-engine=' + (client.mode === 'shared' ? 0 : 1);
$('switch').textContent = client.mode === 'shared' ? 'switch to one engine per tab' : 'switch to one shared engine';

// ---- chat
$('channel').textContent = channel;
function addMessage(m) {
  const li = document.createElement('li');
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = m.from;
  li.append(from, document.createTextNode(m.text));
  $('messages').append(li);
  $('messages').scrollTop = $('messages').scrollHeight;
}
client.subscribe(channel, (p) => {
  try {
    addMessage(JSON.parse(p.text));
  } catch {
    addMessage({ from: '?', text: p.text });
  }
});
$('chat-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('chat-text').value.trim();
  if (!text) return;
  $('chat-text').value = '';
  await client.publish(channel, JSON.stringify({ from: nick, text, at: Date.now() }));
});

// ---- fetch a file
$('fetch-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = '/ndnj/demo/file/' + $('file').value;
  const grid = $('segments');
  grid.replaceChildren();
  $('fetch-result').textContent = 'fetching ' + name + '…';
  let fromCache = 0;
  const started = performance.now();
  try {
    const r = await client.fetch(name, {
      onSegment: (index, count, cached) => {
        while (grid.children.length < count) {
          const cell = document.createElement('span');
          cell.className = 'seg';
          grid.append(cell);
        }
        grid.children[index].className = 'seg ' + (cached ? 'cs' : 'net');
        grid.children[index].title = 'segment ' + index + (cached ? ': shared Content Store' : ': network');
        if (cached) fromCache++;
      },
    });
    const ms = Math.round(performance.now() - started);
    $('fetch-result').textContent = `${r.content.length} octets in ${ms} ms; ${fromCache} of ${grid.children.length}`
      + ' segments came from the shared Content Store.';
    $('fetch-result').dataset.fromCache = String(fromCache);
  } catch (err) {
    $('fetch-result').textContent = 'failed: ' + err.message;
  }
});

// ---- status
function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}
async function refresh() {
  try {
    const s = await client.status();
    const up = s.upstream ? s.upstream.state : 'none';
    $('status').textContent = up;
    $('status').className = up;
    const summary = {
      'engine': s.mode === 'shared' ? `shared by ${s.tabs} tab(s)` : 'this tab only',
      'upstream': s.upstream ? `${s.upstream.url} (${up}, ${s.upstream.connections} connection(s) so far)` : '-',
      'PIT entries': s.pitEntries,
      'CS entries': `${s.csEntries} (${Math.round(s.csBytes / 1024)} KiB)`,
      'CS hit ratio': `${Math.round(s.csHitRatio * 100)}% (${s.csHits} hits, ${s.csMisses} misses)`,
    };
    $('engine-summary').replaceChildren(...Object.entries(summary).flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }));
    $('faces').tBodies[0].replaceChildren(...s.faces.map((f) => row([f.id, f.remoteUri, f.inInterests,
      f.outInterests, f.inData, f.outData, f.drops])));
  } catch (err) {
    $('status').textContent = 'status failed: ' + err.message;
  }
  try {
    const fwd = JSON.parse((await client.express({ name: '/ndnj/demo/status/' + Date.now(), lifetime: 2000 })).text);
    $('upstreams').textContent = String(fwd.webSocketFaces);
  } catch {
    $('upstreams').textContent = '?';
  }
}
await refresh();
setInterval(refresh, 1000);
document.body.dataset.ready = 'true';
