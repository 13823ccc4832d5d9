package dev.ndnj.demo;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Playwright has no API for: the browser's SharedWorkers, through the Chrome DevTools Protocol on a browser-level
 * {@link CDPSession}. {@link #sharedWorkers()} lists the targets of type {@code shared_worker}
 * ({@code Target.getTargets}); {@link #evaluate} runs an expression inside one ({@code Target.attachToTarget}, then
 * {@code Runtime.evaluate} with {@code awaitPromise} and {@code returnByValue}).
 *
 * <p>Playwright's {@code CDPSession} cannot address a child session by id, so the attached worker session is reached
 * with {@code Target.sendMessageToTarget} and answered through {@code Target.receivedMessageFromTarget} events on
 * the browser session. One attachment per worker is made on first use and kept until {@link #close()}. Use from the
 * thread that made the browser.
 */
public final class SharedWorkerCdp implements AutoCloseable {
  private static final Gson GSON = new Gson();

  /** A SharedWorker: its DevTools target id, script URL and title (the worker's name, or its URL). */
  public record Target(String targetId, String url, String title) {}

  private final CDPSession session;
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  SharedWorkerCdp(Browser browser) {
    session = browser.newBrowserCDPSession();
    session.on("Target.receivedMessageFromTarget", this::onMessageFromTarget);
  }

  private void onMessageFromTarget(JsonObject event) {
    JsonObject msg = GSON.fromJson(event.get("message").getAsString(), JsonObject.class);
    if (msg.has("id")) {
      CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsInt());
      if (f != null) {
        f.complete(msg);
      }
    }
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
    String sessionId = sessions.computeIfAbsent(worker.targetId(), id -> {
      JsonObject params = new JsonObject();
      params.addProperty("targetId", id);
      params.addProperty("flatten", false);
      return session.send("Target.attachToTarget", params).get("sessionId").getAsString();
    });
    int id = ids.incrementAndGet();
    JsonObject inner = new JsonObject();
    inner.addProperty("id", id);
    inner.addProperty("method", "Runtime.evaluate");
    JsonObject p = new JsonObject();
    p.addProperty("expression", expression);
    p.addProperty("awaitPromise", true);
    p.addProperty("returnByValue", true);
    inner.add("params", p);
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    JsonObject send = new JsonObject();
    send.addProperty("sessionId", sessionId);
    send.addProperty("message", GSON.toJson(inner));
    session.send("Target.sendMessageToTarget", send);
    JsonObject reply = await(answer, timeout, expression);
    if (reply.has("error")) {
      throw new AssertionError("Runtime.evaluate(" + expression + ") failed: " + reply.get("error"));
    }
    JsonObject result = reply.getAsJsonObject("result");
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

  private JsonObject await(CompletableFuture<JsonObject> f, Duration timeout, String what) {
    // Playwright delivers CDP events while the thread that owns it waits inside a Playwright call, so poll with
    // a cheap call until the answer is there or the time is up
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!f.isDone()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no answer from the worker in " + timeout.toMillis() + " ms to " + what);
      }
      session.send("Browser.getVersion");
    }
    try {
      return f.get(0, TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** Detaches from the workers and closes the CDP session. */
  @Override
  public void close() {
    for (String s : sessions.values()) {
      JsonObject p = new JsonObject();
      p.addProperty("sessionId", s);
      try {
        session.send("Target.detachFromTarget", p);
      } catch (RuntimeException e) {
        // the worker is gone already
      }
    }
    session.detach();
  }
}
