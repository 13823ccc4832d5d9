// ndnj for web pages: a promise-based API over the ndnj engine compiled by TeaVM (ndnj-engine.js).
//
//   import * as ndnj from './ndnj/ndnj.js';
//   const client = await ndnj.connect({ sharedEngine: true });
//   const data = await client.express('/ndnj/demo/hello');
//
// With sharedEngine (the default where SharedWorker exists) every tab of the origin shares one engine in a
// SharedWorker (one PIT, one Content Store, one WebSocket to the forwarder); otherwise the page runs its own
// engine with its own WebSocket. The API is the same either way.
import { connectEngine } from './ndnj-engine.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBytes(value) {
  if (value == null) return new Uint8Array(0);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return encoder.encode(value);
  return encoder.encode(JSON.stringify(value));
}

function dataResult(name, content, freshnessPeriod, fromCache) {
  return {
    name,
    content,
    freshnessPeriod,
    fromCache,
    get text() { return decoder.decode(content); },
  };
}

/** A connected client; get one from connect(). */
export class Client {
  constructor(handle) {
    this._h = handle;
    this._subs = new Map();
  }

  /** 'shared' (one engine per origin, in a SharedWorker) or 'tab' (an engine in this page). */
  get mode() { return this._h.mode(); }

  /**
   * Expresses an Interest: a name ('/a/b') or {name, canBePrefix, mustBeFresh, lifetime}. Resolves with
   * {name, content (Uint8Array), text, freshnessPeriod, fromCache}; rejects with an Error on Nack or timeout.
   */
  express(nameOrOptions) {
    const o = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : nameOrOptions;
    return new Promise((resolve, reject) => {
      this._h.express(String(o.name), !!o.canBePrefix, !!o.mustBeFresh, o.lifetime | 0,
        (error, name, content, freshness, fromCache) => {
          if (error) reject(new Error(error));
          else resolve(dataResult(name, content, freshness, fromCache));
        });
    });
  }

  /**
   * Fetches a segmented, versioned object (/name/v=…/seg=…). onSegment(index, count, fromCache) reports each
   * segment; resolves with {name (the versioned name), content, text}.
   */
  fetch(name, { onSegment } = {}) {
    return new Promise((resolve, reject) => {
      this._h.fetch(String(name), (index, count, fromCache) => { if (onSegment) onSegment(index, count, fromCache); },
        (error, versioned, content) => {
          if (error) reject(new Error(error));
          else resolve(dataResult(versioned, content, 0, false));
        });
    });
  }

  /**
   * Produces Data under prefix. handler(interest) gets {name, appParameters} and returns (or resolves to) the
   * content (Uint8Array, string or JSON-able value) or {content, freshnessPeriod}; returning null answers nothing.
   * Resolves, once the prefix is registered, with {close()}.
   */
  produce(prefix, handler) {
    return new Promise((resolve, reject) => {
      let id = 0;
      const h = this._h;
      id = h.produce(String(prefix), (name, requestId, appParameters) => {
        Promise.resolve()
          .then(() => handler({ name, appParameters }))
          .then((reply) => {
            if (reply == null) return;
            const isObject = typeof reply === 'object' && !ArrayBuffer.isView(reply) && !(reply instanceof ArrayBuffer)
              && 'content' in reply;
            const content = toBytes(isObject ? reply.content : reply);
            const freshness = isObject && reply.freshnessPeriod != null ? reply.freshnessPeriod : 1000;
            h.respond(requestId, content, freshness | 0);
          })
          .catch((e) => { console.warn('ndnj: producer handler failed', e); h.respondNack(requestId, 150); });
      }, (error) => {
        if (error) { h.unproduce(id); reject(new Error(error)); }
        else resolve({ close: () => h.unproduce(id) });
      });
    });
  }

  /**
   * Subscribes to a channel (an NDN name); callback({name, seq, content, text}) runs for each publication, the
   * latest existing one first. Returns a function that ends this subscription.
   */
  subscribe(channel, callback) {
    const id = this._h.subscribe(String(channel), (name, seq, content) => {
      callback({ name, seq, content, get text() { return decoder.decode(content); } });
    });
    return () => this._h.unsubscribeId(id);
  }

  /** Ends every subscription of a channel. */
  unsubscribe(channel) { this._h.unsubscribe(String(channel)); }

  /** Publishes data (Uint8Array, string or JSON-able value) on a channel; resolves with its sequence number. */
  publish(channel, data) {
    return new Promise((resolve, reject) => {
      this._h.publish(String(channel), toBytes(data), (error, seq) => (error ? reject(new Error(error)) : resolve(seq)));
    });
  }

  /** The latest publication of a channel ({name, content, text}), or null if there is none. */
  get(channel) {
    return new Promise((resolve, reject) => {
      this._h.get(String(channel), (error, name, content, freshness, fromCache) => {
        if (error) reject(new Error(error));
        else resolve(name == null ? null : dataResult(name, content, freshness, fromCache));
      });
    });
  }

  /** The engine's status: mode, upstream, faces with counters, PIT and CS sizes, CS hit ratio. */
  status() {
    return new Promise((resolve) => this._h.status((json) => resolve(JSON.parse(json))));
  }

  /** Closes this page's connection (the shared engine lives on for the other tabs). */
  disconnect() { this._h.disconnect(); }
}

/**
 * Connects this page. Options: sharedEngine (default true; falls back to an in-page engine where SharedWorker is
 * missing), router (the forwarder's WebSocket URL; default ws(s)://<this host>/), workerUrl (default: ndnj-worker.js
 * next to this file), heartbeatTimeout (milliseconds a silent tab keeps its face in the shared engine; default
 * 120000, at least 1000; pages naming different values get different shared engines).
 */
export function connect({ sharedEngine = true, router = '', workerUrl, heartbeatTimeout = 0 } = {}) {
  const worker = workerUrl || new URL('./ndnj-worker.js', import.meta.url).href;
  return new Promise((resolve) => connectEngine(!!sharedEngine, router || '', worker, heartbeatTimeout | 0,
    (h) => resolve(new Client(h))));
}
