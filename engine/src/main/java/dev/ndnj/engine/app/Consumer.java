package dev.ndnj.engine.app;

import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.engine.table.NameTable;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The consumer side of an {@link AppFace}: expresses Interests and completes a {@link Promise} with the Data, or
 * fails it with a {@link NackException}, an {@link InterestTimeoutException} (after the Interest's lifetime, and
 * after each retransmission asked for in {@link ExpressOptions}), or a {@link ValidationException} when a
 * {@link DataValidator} is set and rejects the Data.
 *
 * <p>Each expression gets a PitToken (4 octets, a counter) that the forwarder echoes with the Data or Nack, so the
 * answer finds its expression in O(1); other pending expressions the same Data satisfies (same name, CanBePrefix,
 * implicit digest) are found by name, and so are answers without a token.
 *
 * <p>{@link #express} may be called from any thread. The promises complete on the forwarding thread, so their
 * callbacks run there and must not block. Cancelling a promise forgets the expression: a late answer is dropped
 * (counted as unmatched), and the expression leaves {@link #pendingCount()} at its next timer or answer.
 *
 * <p>A face never gets back the Interests it sent (as in NFD), so a consumer reaches producers on other faces.
 */
public final class Consumer {
  private static final long NO_TOKEN = -1;

  private final AppFace face;
  private final HashMap<Integer, Request> byToken = new HashMap<>();
  /** Pending expressions by Interest name (an implicit digest excluded), chained through Request.nextSameName. */
  private final NameTable<Request> byName = new NameTable<>();
  private final ConsumerCounters counters = new ConsumerCounters();
  private int canBePrefixCount;
  private int nextToken;
  private volatile DataValidator validator;

  Consumer(AppFace face) {
    this.face = face;
  }

  /** The face this consumer sends on. */
  public AppFace face() {
    return face;
  }

  /** Expresses an Interest for exactly {@code name} (default lifetime, fresh Nonce). */
  public Promise<Data> express(Name name) {
    return express(Interest.builder(name).build(), ExpressOptions.DEFAULT);
  }

  /** Expresses {@code interest} without retransmission; a Nonce is added if it has none. */
  public Promise<Data> express(Interest interest) {
    return express(interest, ExpressOptions.DEFAULT);
  }

  /**
   * Expresses {@code interest} (a Nonce is added if it has none; each retransmission gets a new one). Any thread.
   *
   * @return the eventual Data; fails with a {@link ConsumerException}, or an {@link IllegalStateException} if the
   *     face or engine is closed
   */
  public Promise<Data> express(Interest interest, ExpressOptions options) {
    if (interest == null || options == null) {
      throw new IllegalArgumentException("interest and options are required");
    }
    Request r = new Request(interest, options.retries());
    if (!face.run(() -> send(r))) {
      r.promise.fail(new IllegalStateException("the engine is closed"));
    }
    return r.promise;
  }

  /** Sets (or, with null, removes) the validator every Data is checked with before a promise completes. */
  public void setValidator(DataValidator validator) {
    this.validator = validator;
  }

  /** The validator, or null. */
  public DataValidator validator() {
    return validator;
  }

  /** Number of pending expressions (read on the forwarding thread). */
  public int pendingCount() {
    return byToken.size();
  }

  /** The counters (written on the forwarding thread). */
  public ConsumerCounters counters() {
    return counters;
  }

  // ------------------------------------------------------------------------------------- forwarding thread

  private void send(Request r) {
    if (r.promise.isDone()) {
      return;
    }
    if (face.isClosed()) {
      r.promise.fail(new IllegalStateException("the application face is closed"));
      return;
    }
    Interest interest = r.interest;
    if (!interest.hasNonce()) {
      interest = interest.withNonce(face.random().nextInt());
    }
    r.interest = interest;
    int token = nextToken++;
    r.token = token;
    r.tokenBuffer = tokenBuffer(token);
    byToken.put(token, r);
    index(r);
    counters.expressed++;
    transmit(r);
  }

  private void transmit(Request r) {
    r.attempts++;
    if (!face.putInterest(r.interest, r.tokenBuffer)) {
      unindex(r);
      r.promise.fail(new IllegalStateException("the application face is closed"));
      return;
    }
    if (r.pending) {
      r.timer = face.forwarder().scheduler().schedule(r.interest.lifetime(), r);
    }
  }

  private void onTimeout(Request r) {
    if (!r.pending) {
      return;
    }
    if (r.promise.isDone()) {
      unindex(r);
      return;
    }
    if (r.retriesLeft > 0) {
      r.retriesLeft--;
      int old = r.interest.nonce();
      int nonce = face.random().nextInt();
      while (nonce == old) {
        nonce = face.random().nextInt();
      }
      r.interest = r.interest.withNonce(nonce);
      counters.retransmitted++;
      transmit(r);
      return;
    }
    unindex(r);
    counters.timedOut++;
    r.promise.fail(new InterestTimeoutException(r.interest, r.attempts));
  }

  /** A Data from the forwarder, with the PitToken it echoed ({@code -1} if none or not one of ours). */
  void onData(Data data, long token) {
    try {
      data.checkSignatureElements();
    } catch (TlvException e) {
      counters.malformed++; // as a face drops a malformed packet: the expression stays pending
      return;
    }
    Request first = token == NO_TOKEN ? null : byToken.get((int) token);
    if (first != null) {
      unindex(first);
    }
    // other pending expressions this Data satisfies: same face, other PIT entries or an earlier in-record
    List<Request> more = null;
    if (byToken.size() > 0) {
      Name dn = data.name();
      more = collect(byName.get(dn), data, more);
      if (canBePrefixCount > 0) {
        for (int k = Math.min(dn.size() - 1, byName.maxKeyLength()); k >= 0; k--) {
          more = collect(byName.get(dn, k), data, more);
        }
      }
      if (more != null) {
        for (Request r : more) {
          unindex(r);
        }
      }
    }
    settleAll(first, more, r -> accept(r, data));
  }

  /**
   * Completes {@code first} and {@code more} with {@code action}, each even if another throws; the first failure is
   * rethrown at the end. Counts an unmatched answer when there is nothing to complete.
   */
  private void settleAll(Request first, List<Request> more, java.util.function.Consumer<Request> action) {
    if (first == null && more == null) {
      counters.unmatched++;
      return;
    }
    RuntimeException failure = null;
    if (first != null) {
      failure = settle(failure, () -> action.accept(first));
    }
    if (more != null) {
      for (Request r : more) {
        failure = settle(failure, () -> action.accept(r));
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static List<Request> collect(Request chain, Data data, List<Request> out) {
    for (Request r = chain; r != null; r = r.nextSameName) {
      if (r.promise.isDone() || !r.interest.matches(data)) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(r);
    }
    return out;
  }

  /** A Nack from the forwarder: fails the expression it answers and those sharing its PIT in-record. */
  void onNack(Interest interest, int reason, long token) {
    Request first = token == NO_TOKEN ? null : byToken.get((int) token);
    if (first != null) {
      unindex(first);
    }
    List<Request> more = null;
    for (Request r = byName.get(keyOf(interest.name())); r != null; r = r.nextSameName) {
      if (!r.promise.isDone() && r.interest.canBePrefix() == interest.canBePrefix() && r.interest.mustBeFresh() == interest.mustBeFresh()
          && r.interest.name().equals(interest.name())) {
        if (more == null) {
          more = new ArrayList<>(2);
        }
        more.add(r);
      }
    }
    if (more != null) {
      for (Request r : more) {
        unindex(r);
      }
    }
    settleAll(first, more, r -> nack(r, reason));
  }

  private void nack(Request r, int reason) {
    if (!r.promise.isDone()) {
      counters.nacked++;
      r.promise.fail(new NackException(r.interest, reason));
    }
  }

  /** The face closed: every pending expression fails. */
  void onFaceClosed() {
    List<Request> all = new ArrayList<>(byToken.values());
    for (Request r : all) {
      unindex(r);
    }
    RuntimeException failure = null;
    for (Request r : all) {
      failure = settle(failure, () -> r.promise.fail(new IllegalStateException("the application face is closed")));
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Runs one completion (which runs application callbacks); keeps the first exception so the others still run. */
  private static RuntimeException settle(RuntimeException failure, Runnable completion) {
    try {
      completion.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  private void accept(Request r, Data data) {
    if (r.promise.isDone()) {
      counters.unmatched++;
      return;
    }
    DataValidator v = validator;
    if (v == null) {
      counters.satisfied++;
      r.promise.complete(data);
      return;
    }
    Promise<Void> verdict;
    try {
      verdict = v.validate(data);
    } catch (RuntimeException e) {
      verdict = Promise.failed(e);
    }
    verdict.whenComplete((ok, error) -> {
      Runnable finish = () -> finishValidation(r, data, error);
      if (face.tasks().inLoop() || !face.tasks().execute(finish)) {
        finish.run();
      }
    });
  }

  private void finishValidation(Request r, Data data, Throwable error) {
    if (error == null) {
      counters.satisfied++;
      r.promise.complete(data);
      return;
    }
    counters.rejected++;
    r.promise.fail(error instanceof ValidationException ? error
        : new ValidationException(data, String.valueOf(error.getMessage()), error));
  }

  // ------------------------------------------------------------------------------------- index

  private void index(Request r) {
    r.pending = true;
    Name key = keyOf(r.interest.name());
    if (r.interest.canBePrefix()) {
      canBePrefixCount++;
    }
    r.key = key;
    Request head = byName.get(key);
    r.nextSameName = head;
    byName.put(key, r);
  }

  private void unindex(Request r) {
    if (!r.pending) {
      return;
    }
    r.pending = false;
    if (r.timer != null) {
      r.timer.cancel();
      r.timer = null;
    }
    byToken.remove(r.token);
    Request head = byName.get(r.key);
    if (head == r) {
      if (r.nextSameName == null) {
        byName.remove(r.key);
      } else {
        byName.put(r.key, r.nextSameName);
      }
    } else {
      for (Request p = head; p != null; p = p.nextSameName) {
        if (p.nextSameName == r) {
          p.nextSameName = r.nextSameName;
          break;
        }
      }
    }
    r.nextSameName = null;
    if (r.interest.canBePrefix()) {
      canBePrefixCount--;
    }
  }

  /** The index key of an Interest name: the name without a final implicit digest (which the Data name lacks). */
  private static Name keyOf(Name name) {
    int n = name.size();
    return n > 0 && name.componentType(n - 1) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT
        ? name.getPrefix(n - 1) : name;
  }

  // ------------------------------------------------------------------------------------- PitToken

  static ByteBuffer tokenBuffer(int token) {
    byte[] b = {(byte) (token >>> 24), (byte) (token >>> 16), (byte) (token >>> 8), (byte) token};
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }

  /** The token as an unsigned value, or -1 if absent or not 4 octets (then not one of ours). */
  static long tokenValue(ByteBuffer token) {
    if (token == null || token.remaining() != 4) {
      return NO_TOKEN;
    }
    int p = token.position();
    return ((token.get(p) & 0xffL) << 24) | ((token.get(p + 1) & 0xff) << 16) | ((token.get(p + 2) & 0xff) << 8)
        | (token.get(p + 3) & 0xff);
  }

  /** One expression: its current transmission, promise, token and timer. The timer task is the request itself. */
  private final class Request implements Runnable {
    final Promise<Data> promise = new Promise<>();
    Interest interest;
    int retriesLeft;
    int attempts;
    int token;
    ByteBuffer tokenBuffer;
    Name key;
    Request nextSameName;
    Cancellable timer;
    boolean pending;

    Request(Interest interest, int retries) {
      this.interest = interest;
      this.retriesLeft = retries;
    }

    @Override
    public void run() {
      timer = null;
      onTimeout(this);
    }
  }
}
