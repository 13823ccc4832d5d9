/**
 * What the forwarder serves for the browser demo: the demo's static files over HTTP on the WebSocket port
 * ({@link dev.ndnj.forwarder.web.StaticSite}) and generated segmented objects under {@code /ndnj/demo/file}
 * ({@link dev.ndnj.forwarder.web.DemoFiles}).
 */
package dev.ndnj.forwarder.web;
