// The origin's shared ndnj engine: a module SharedWorker whose connecting tabs become faces of one engine.
// Pages open it through ndnj.js (connect({sharedEngine: true})); the worker's name carries the forwarder URL.
import { initWorkerScope } from './ndnj-engine.js';

initWorkerScope();
