#!/usr/bin/env node
// Runs a TeaVM JavaScript bundle under Node and calls its Java main. Any bundle whose main is synchronous and
// prints to System.out works; the JS tests use it for target/teavm/codec-selftest.js and engine-selftest.js
// (SelfTestBundle.java).
//
// Usage: node run-selftest.cjs <bundle.js> [java args...]
//   e.g. node faces-shared-worker/src/test/js/run-selftest.cjs faces-shared-worker/target/teavm/codec-selftest.js bench
//        node faces-shared-worker/src/test/js/run-selftest.cjs faces-shared-worker/target/teavm/engine-selftest.js
//
// TeaVM's JavaScript output is a UMD module that exports `main(args, callback)` and calls nothing, so something
// must call it. System.out and System.err are routed byte-exact to process.stdout/stderr through TeaVM's
// $rt_putStdoutCustom/$rt_putStderrCustom hooks (which the bundle looks up once, when it is loaded); without the
// hooks TeaVM would print line by line through console.info/console.error and drop an unterminated last line.
// An exception escaping main is printed to stderr and gives exit code 1.
'use strict';

const path = require('path');

if (process.argv.length < 3) {
  process.stderr.write('usage: node run-selftest.cjs <teavm-bundle.js> [args...]\n');
  process.exit(2);
}
const bundle = path.resolve(process.argv[2]);
const javaArgs = process.argv.slice(3);

globalThis.$rt_putStdoutCustom = (msg) => process.stdout.write(msg);
globalThis.$rt_putStderrCustom = (msg) => process.stderr.write(msg);

const mod = require(bundle);
if (typeof mod.main !== 'function') {
  process.stderr.write('run-selftest: ' + bundle + ' does not export main (not a TeaVM bundle?)\n');
  process.exit(2);
}

mod.main(javaArgs, (result) => {
  // TeaVM passes the exception that escaped main, if any (a JS Error wrapping the Java exception), else undefined.
  if (result !== undefined && result !== null) {
    let text;
    try {
      text = result && result.stack ? result.stack : String(result);
    } catch (e) {
      text = '<unprintable: ' + e + '>';
    }
    process.stderr.write('run-selftest: main threw: ' + text + '\n');
    process.exitCode = 1;
  }
});
