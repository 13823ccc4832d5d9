package dev.ndnj.demo;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw Chrome DevTools Protocol connection to a browser's remote-debugging port, in flat session mode: a command
 * may name the session it is for ({@code sessionId}, from {@code Target.attachToTarget} with {@code flatten: true}),
 * which Playwright's {@code CDPSession} cannot do. Commands are answered on the JDK WebSocket's threads; callers wait
 * on the returned futures. Events are ignored. Thread-safe.
 */
final class CdpConnection implements AutoCloseable {
  private static final Gson GSON = new Gson();

  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();

  private CdpConnection(HttpClient http, URI browserEndpoint) throws IOException, InterruptedException {
    try {
      socket = http.newWebSocketBuilder().buildAsync(browserEndpoint, new Listener()).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot open the DevTools WebSocket " + browserEndpoint + ": " + e, e);
    }
  }

  /**
   * Connects to the browser target of the DevTools server on {@code 127.0.0.1:port} (its endpoint is read from
   * {@code /json/version}).
   */
  static CdpConnection connect(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> version = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/json/version")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonObject v = GSON.fromJson(version.body(), JsonObject.class);
    return new CdpConnection(http, URI.create(v.get("webSocketDebuggerUrl").getAsString()));
  }

  /**
   * Sends {@code method} with {@code params} to {@code sessionId} (null: the browser) and waits for its result.
   *
   * @throws AssertionError on a protocol error or no answer within {@code timeout}
   */
  JsonObject send(String sessionId, String method, JsonObject params, Duration timeout) {
    int id = ids.incrementAndGet();
    JsonObject msg = new JsonObject();
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    msg.add("params", params == null ? new JsonObject() : params);
    if (sessionId != null) {
      msg.addProperty("sessionId", sessionId);
    }
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      socket.sendText(GSON.toJson(msg), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonObject reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        throw new AssertionError("CDP " + method + " failed: " + reply.get("error"));
      }
      return reply.getAsJsonObject("result");
    } catch (TimeoutException e) {
      throw new AssertionError("CDP " + method + ": no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new AssertionError("CDP " + method + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    socket.abort();
    for (CompletableFuture<JsonObject> f : pending.values()) {
      f.completeExceptionally(new IOException("connection closed"));
    }
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonObject msg = GSON.fromJson(partial.toString(), JsonObject.class);
        partial.setLength(0);
        if (msg.has("id")) {
          CompletableFuture<JsonObject> f = pending.get(msg.get("id").getAsInt());
          if (f != null) {
            f.complete(msg);
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      for (CompletableFuture<JsonObject> f : pending.values()) {
        f.completeExceptionally(error);
      }
    }
  }
}
