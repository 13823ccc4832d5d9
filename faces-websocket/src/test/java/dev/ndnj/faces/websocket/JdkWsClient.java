package dev.ndnj.faces.websocket;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket peer written by someone else: the JDK's {@code java.net.http.WebSocket}, recording the binary messages
 * and the Close it gets. With {@code reading} false it never asks for a message after the handshake, so it reads
 * nothing, not even pings: a peer that has stopped.
 */
final class JdkWsClient implements WebSocket.Listener, AutoCloseable {
  final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final boolean reading;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  WebSocket socket;

  private JdkWsClient(boolean reading) {
    this.reading = reading;
  }

  /** Connects; {@code origin} is sent as the Origin header unless null. */
  static CompletableFuture<JdkWsClient> connect(HttpClient http, String uri, String origin, boolean reading) {
    JdkWsClient c = new JdkWsClient(reading);
    WebSocket.Builder b = http.newWebSocketBuilder();
    if (origin != null) {
      b.header("Origin", origin);
    }
    return b.buildAsync(URI.create(uri), c).thenApply(ws -> {
      c.socket = ws;
      return c;
    });
  }

  static JdkWsClient open(String uri) {
    return WsRig.get(connect(HttpClient.newHttpClient(), uri, null, true));
  }

  void sendBinary(byte[] b) {
    WsRig.get(socket.sendBinary(ByteBuffer.wrap(b), true));
  }

  /** Sends {@code b} as a first frame and continuations, cut at {@code cuts}. */
  void sendFragmented(byte[] b, int... cuts) {
    int at = 0;
    for (int cut : cuts) {
      WsRig.get(socket.sendBinary(ByteBuffer.wrap(b, at, cut - at), false));
      at = cut;
    }
    WsRig.get(socket.sendBinary(ByteBuffer.wrap(b, at, b.length - at), true));
  }

  void sendText(String s) {
    WsRig.get(socket.sendText(s, true));
  }

  /** The next whole binary message. */
  byte[] next() {
    try {
      byte[] m = messages.poll(WsRig.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no message within " + WsRig.TIMEOUT_SECONDS + " s");
      }
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (reading) {
      webSocket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    partial.write(b, 0, b.length);
    if (last) {
      messages.add(partial.toByteArray());
      partial.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
  }
}
