package dev.ndnj.faces.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Small helpers for {@link HttpRequestHandler}s: a whole response in one call. Stateless; any thread. */
public final class HttpResponses {
  private HttpResponses() {}

  /** The UTF-8 octets of {@code text} (a new array). */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes a complete response with {@code body} (copied; no body is sent for HEAD) and {@code Content-Type}
   * {@code contentType} (none when null). The connection stays open for the next request when {@code request} asks
   * for keep-alive, else it closes once the response is written.
   *
   * @param request <em>borrowed</em>: only its version, method and headers are read
   */
  public static void send(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status,
      String contentType, byte[] body) {
    boolean head = HttpMethod.HEAD.equals(request.method());
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body));
    if (contentType != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Writes {@code status} with a short plain-text body and closes the connection once written. */
  static void sendAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
    byte[] body = utf8(text);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }
}
