package dev.ndnj.engine.app;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches a segmented object ({@code /prefix/v=X/seg=0..N}, FinalBlockId {@code seg=N}, as ndnputchunks and
 * {@link SegmentedProducer} publish it) and reassembles its content in order.
 *
 * <p>If the prefix does not end with a version component, the version is first discovered with a CanBePrefix +
 * MustBeFresh Interest for the prefix (a segment that answers it is kept). Then up to {@code window} segment
 * Interests are outstanding at a time; each is retransmitted {@code retries} times (new Nonce) after a lifetime
 * without answer. Requests stop at the FinalBlockId; Interests already sent past it are cancelled. The fetch fails
 * with the segment's {@link NackException} or {@link InterestTimeoutException} when a segment up to the last cannot
 * be had, and with a {@link FetchException} when the answers break the convention. Cancelling the returned promise
 * stops the fetch.
 *
 * <p>Runs on the forwarding thread (started from any thread); the progress listener is called there.
 */
public final class SegmentedFetcher {
  private SegmentedFetcher() {}

  /**
   * Fetches the object under {@code prefix} through {@code consumer} (its validator checks every segment).
   *
   * @return the content, a new array owned by the caller
   */
  public static Promise<byte[]> fetch(Consumer consumer, Name prefix, FetchOptions options) {
    if (consumer == null || prefix == null || options == null) {
      throw new IllegalArgumentException("consumer, prefix and options are required");
    }
    Fetch f = new Fetch(consumer, prefix, options);
    if (!consumer.face().run(f::start)) {
      f.result.fail(new IllegalStateException("the engine is closed"));
    }
    return f.result;
  }

  /** Fetches with {@link FetchOptions#DEFAULT}. */
  public static Promise<byte[]> fetch(Consumer consumer, Name prefix) {
    return fetch(consumer, prefix, FetchOptions.DEFAULT);
  }

  /** The state of one fetch; forwarding thread only. */
  private static final class Fetch {
    private static final long MAX_SEGMENTS = Integer.MAX_VALUE - 8;

    final Consumer consumer;
    final Name prefix;
    final FetchOptions options;
    final ExpressOptions expressOptions;
    final Promise<byte[]> result = new Promise<>();
    Promise<Data> discovery;
    Name base;
    /** Content of segments 0..contiguous-1, in order. */
    final List<ByteBuffer> ordered = new ArrayList<>();
    /** Content of segments received past a gap. */
    final Map<Long, ByteBuffer> early = new HashMap<>();
    final Map<Long, Promise<Data>> outstanding = new HashMap<>();
    long next;
    long last = -1;
    long received;
    long bytes;
    long failedAt = Long.MAX_VALUE;
    Throwable failure;

    Fetch(Consumer consumer, Name prefix, FetchOptions options) {
      this.consumer = consumer;
      this.prefix = prefix;
      this.options = options;
      this.expressOptions = ExpressOptions.retries(options.retries());
    }

    void start() {
      result.whenComplete((value, error) -> consumer.face().run(this::cancelOutstanding));
      if (result.isDone()) {
        return;
      }
      if (!prefix.isEmpty() && prefix.get(-1).isVersion()) {
        base = prefix;
        fill();
        return;
      }
      Interest i = Interest.builder(prefix).canBePrefix(true).mustBeFresh(true).lifetime(options.lifetime()).build();
      discovery = consumer.express(i, expressOptions);
      discovery.whenComplete(this::onDiscovered);
    }

    void onDiscovered(Data data, Throwable error) {
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        result.fail(error);
        return;
      }
      Name n = data.name();
      int k = prefix.size();
      if (n.size() <= k || !n.get(k).isVersion()) {
        result.fail(new FetchException("version discovery for " + prefix + " got " + n
            + ", which has no version component after the prefix"));
        return;
      }
      base = n.getPrefix(k + 1);
      if (n.size() == k + 2 && n.get(k + 1).isSegment()) {
        onSegmentData(n.get(k + 1).toNumber(), data);
      }
      fill();
      checkDone();
    }

    void fill() {
      while (!result.isDone() && outstanding.size() < options.window()) {
        long limit = last >= 0 ? last : failedAt - 1;
        if (next > limit) {
          return;
        }
        long n = next++;
        if (n < ordered.size() || early.containsKey(n)) {
          continue;
        }
        request(n);
      }
    }

    void request(long n) {
      Interest i = Interest.builder(base.append(Component.segment(n))).lifetime(options.lifetime()).build();
      Promise<Data> p = consumer.express(i, expressOptions);
      outstanding.put(n, p);
      p.whenComplete((data, error) -> onSegment(n, data, error));
    }

    void onSegment(long n, Data data, Throwable error) {
      outstanding.remove(n);
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        if (last >= 0 && n > last) {
          fill();
        } else if (last >= 0) {
          result.fail(error);
        } else {
          // maybe past the end: decided once a FinalBlockId is known or every segment below it arrived
          if (n < failedAt) {
            failedAt = n;
            failure = error;
          }
          checkDone();
        }
        return;
      }
      onSegmentData(n, data);
      fill();
      checkDone();
    }

    void onSegmentData(long n, Data data) {
      Component fb = data.finalBlockId();
      if (fb != null) {
        if (!fb.isSegment()) {
          result.fail(new FetchException("FinalBlockId of " + data.name() + " is not a segment number: " + fb));
          return;
        }
        long f = fb.toNumber();
        if (f >= MAX_SEGMENTS) {
          result.fail(new FetchException("FinalBlockId of " + data.name() + " announces too many segments: " + fb));
          return;
        }
        if (last < 0) {
          setLast(f);
          if (result.isDone()) {
            return;
          }
        } else if (f != last) {
          result.fail(new FetchException("FinalBlockId changed from seg=" + last + " to seg=" + f + " at "
              + data.name()));
          return;
        }
      }
      if (last >= 0 && n > last || n < ordered.size() || early.containsKey(n)) {
        return;
      }
      ByteBuffer content = data.content();
      if (n == ordered.size()) {
        ordered.add(content);
        for (ByteBuffer c = early.remove((long) ordered.size()); c != null; c = early.remove((long) ordered.size())) {
          ordered.add(c);
        }
      } else {
        early.put(n, content);
      }
      received++;
      bytes += content.remaining();
      FetchProgress p = options.progress();
      if (p != null) {
        p.onProgress(received, last >= 0 ? last + 1 : -1, bytes);
      }
    }

    void setLast(long f) {
      last = f;
      if (failedAt <= f) {
        result.fail(failure);
        return;
      }
      List<Long> past = new ArrayList<>();
      for (Long n : outstanding.keySet()) {
        if (n > f) {
          past.add(n);
        }
      }
      for (Long n : past) {
        outstanding.remove(n).cancel();
      }
      List<Long> extra = new ArrayList<>();
      for (Map.Entry<Long, ByteBuffer> e : early.entrySet()) {
        if (e.getKey() > f) {
          extra.add(e.getKey());
          received--;
          bytes -= e.getValue().remaining();
        }
      }
      for (Long n : extra) {
        early.remove(n);
      }
    }

    void checkDone() {
      if (result.isDone()) {
        return;
      }
      if (last >= 0 && ordered.size() > last) {
        assemble();
      } else if (last < 0 && failedAt != Long.MAX_VALUE && ordered.size() >= failedAt) {
        result.fail(failure);
      }
    }

    void assemble() {
      int count = (int) last + 1;
      long total = 0;
      for (int i = 0; i < count; i++) {
        total += ordered.get(i).remaining();
      }
      if (total > Integer.MAX_VALUE - 8) {
        result.fail(new FetchException("object under " + base + " is too large for an array: " + total + " octets"));
        return;
      }
      byte[] out = new byte[(int) total];
      int at = 0;
      for (int i = 0; i < count; i++) {
        ByteBuffer c = ordered.get(i);
        int len = c.remaining();
        c.get(out, at, len);
        at += len;
      }
      result.complete(out);
    }

    void cancelOutstanding() {
      if (discovery != null) {
        discovery.cancel();
      }
      List<Promise<Data>> all = new ArrayList<>(outstanding.values());
      outstanding.clear();
      for (Promise<Data> p : all) {
        p.cancel();
      }
    }
  }
}
