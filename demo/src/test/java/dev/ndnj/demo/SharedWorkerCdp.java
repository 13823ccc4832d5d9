package dev.ndnj.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Playwright has no API for: the browser's SharedWorkers, through the Chrome DevTools Protocol.
 * {@link #sharedWorkers()} lists the targets of type {@code shared_worker} ({@code Target.getTargets} on a
 * browser-level Playwright {@link CDPSession}); {@link #evaluate} runs an expression inside one
 * ({@code Target.attachToTarget} with {@code flatten: true}, then {@code Runtime.evaluate} with {@code awaitPromise}
 * and {@code returnByValue} on that session). Because Playwright's {@code CDPSession} cannot send to a child session,
 * the attachment and evaluation go over a second, raw CDP connection to the browser's remote-debugging port (which
 * {@link Chromium} opens on a free loopback port). One attachment per worker is made on first use and kept until
 * {@link #close()}. Use from the thread that made the browser.
 */
public final class SharedWorkerCdp implements AutoCloseable {
  /** A SharedWorker: its DevTools target id, script URL and title (the worker's name, or its URL). */
  public record Target(String targetId, String url, String title) {}

  private final CDPSession session;
  private final int debuggingPort;
  private final Map<String, String> sessions = new HashMap<>();
  private CdpConnection raw;

  SharedWorkerCdp(Browser browser, int debuggingPort) {
    this.session = browser.newBrowserCDPSession();
    this.debuggingPort = debuggingPort;
  }

  /** The SharedWorkers running now, as DevTools lists them. */
  public List<Target> sharedWorkers() {
    JsonObject r = session.send("Target.getTargets");
    List<Target> out = new ArrayList<>();
    for (JsonElement e : r.getAsJsonArray("targetInfos")) {
      JsonObject t = e.getAsJsonObject();
      if ("shared_worker".equals(t.get("type").getAsString())) {
        out.add(new Target(t.get("targetId").getAsString(), t.get("url").getAsString(),
            t.has("title") ? t.get("title").getAsString() : ""));
      }
    }
    return out;
  }

  /**
   * Evaluates {@code expression} in the worker's global scope, awaiting a promise, and returns the value as JSON
   * (null for {@code undefined}).
   *
   * @throws AssertionError if the expression throws, or there is no answer within {@code timeout}
   */
  public JsonElement evaluate(Target worker, String expression, Duration timeout) {
    CdpConnection cdp = raw();
    String sessionId = sessions.get(worker.targetId());
    if (sessionId == null) {
      JsonObject attach = new JsonObject();
      attach.addProperty("targetId", worker.targetId());
      attach.addProperty("flatten", true);
      sessionId = cdp.send(null, "Target.attachToTarget", attach, timeout).get("sessionId").getAsString();
      sessions.put(worker.targetId(), sessionId);
    }
    JsonObject p = new JsonObject();
    p.addProperty("expression", expression);
    p.addProperty("awaitPromise", true);
    p.addProperty("returnByValue", true);
    JsonObject result = cdp.send(sessionId, "Runtime.evaluate", p, timeout);
    if (result.has("exceptionDetails")) {
      throw new AssertionError("worker threw on " + expression + ": " + result.get("exceptionDetails"));
    }
    JsonObject value = result.getAsJsonObject("result");
    return value.has("value") ? value.get("value") : null;
  }

  /** {@link #evaluate(Target, String, Duration)} with a 10 s timeout. */
  public JsonElement evaluate(Target worker, String expression) {
    return evaluate(worker, expression, Duration.ofSeconds(10));
  }

  /**
   * Crashes the renderer of the page whose URL is {@code url} (DevTools' {@code Page.crash}), as a tab that dies
   * without running any handler. Returns once the command is sent; the crashed page never answers it.
   */
  public void crashPage(String url) {
    CdpConnection cdp = raw();
    String targetId = null;
    for (JsonElement e : cdp.send(null, "Target.getTargets", null, Duration.ofSeconds(5))
        .getAsJsonArray("targetInfos")) {
      JsonObject t = e.getAsJsonObject();
      if ("page".equals(t.get("type").getAsString()) && url.equals(t.get("url").getAsString())) {
        targetId = t.get("targetId").getAsString();
      }
    }
    if (targetId == null) {
      throw new AssertionError("no page at " + url);
    }
    JsonObject attach = new JsonObject();
    attach.addProperty("targetId", targetId);
    attach.addProperty("flatten", true);
    String sessionId = cdp.send(null, "Target.attachToTarget", attach, Duration.ofSeconds(5))
        .get("sessionId").getAsString();
    try {
      cdp.send(sessionId, "Page.crash", null, Duration.ofMillis(500));
    } catch (AssertionError noAnswer) {
      // expected: the renderer is gone before it can answer
    }
  }

  /** Runs {@code work} under the V8 sampling profiler of {@code worker}; returns the CPU profile (CDP JSON). */
  public JsonObject profile(Target worker, Runnable work) {
    evaluate(worker, "1");
    CdpConnection cdp = raw();
    String sessionId = sessions.get(worker.targetId());
    cdp.send(sessionId, "Profiler.enable", null, Duration.ofSeconds(5));
    JsonObject interval = new JsonObject();
    interval.addProperty("interval", 100);
    cdp.send(sessionId, "Profiler.setSamplingInterval", interval, Duration.ofSeconds(5));
    cdp.send(sessionId, "Profiler.start", null, Duration.ofSeconds(5));
    work.run();
    return cdp.send(sessionId, "Profiler.stop", null, Duration.ofSeconds(30)).getAsJsonObject("profile");
  }

  /**
   * Runs {@code work} under V8's sampling heap profiler of {@code worker} (a sample about every
   * {@code samplingBytes} allocated, objects collected since included); returns the profile (CDP JSON, a tree of
   * call frames with the bytes sampled in each).
   */
  public JsonObject allocationProfile(Target worker, int samplingBytes, Runnable work) {
    evaluate(worker, "1");
    CdpConnection cdp = raw();
    String sessionId = sessions.get(worker.targetId());
    cdp.send(sessionId, "HeapProfiler.enable", null, Duration.ofSeconds(5));
    JsonObject p = new JsonObject();
    p.addProperty("samplingInterval", samplingBytes);
    p.addProperty("includeObjectsCollectedByMajorGC", true);
    p.addProperty("includeObjectsCollectedByMinorGC", true);
    cdp.send(sessionId, "HeapProfiler.startSampling", p, Duration.ofSeconds(5));
    work.run();
    return cdp.send(sessionId, "HeapProfiler.stopSampling", null, Duration.ofSeconds(30)).getAsJsonObject("profile");
  }

  private CdpConnection raw() {
    if (raw == null) {
      try {
        raw = CdpConnection.connect(debuggingPort);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return raw;
  }

  /** Closes the raw connection (detaching from the workers) and the Playwright CDP session. */
  @Override
  public void close() {
    try {
      if (raw != null) {
        raw.close();
      }
    } finally {
      session.detach();
    }
  }
}
