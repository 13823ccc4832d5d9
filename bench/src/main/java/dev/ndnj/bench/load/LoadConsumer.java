package dev.ndnj.bench.load;

import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One consumer connection: keeps {@code window} Interests outstanding, each answered Interest (Data, Nack or timeout)
 * replaced by the next at once; the replacements of one read turn are flushed once, at its end (on a stream, written
 * back to back into shared buffers by a {@link BurstWriter}).
 *
 * <p>Names are {@code <head>/<key>} with an 8-octet key. Unique names: the key is a sequence number shifted left 16
 * bits plus the window slot it occupies, so every name is new and the answer finds its slot directly. Repeating names:
 * the key runs over {@code 0..setSize-1} again and again (skipping a key still outstanding), so after one pass every
 * answer can come from the forwarder's Content Store.
 *
 * <p>Everything runs on the channel's event loop; {@link #beginMeasure} and {@link #endMeasure} are tasks queued to
 * that loop, so the counters of a phase are consistent. In count mode ({@code budget > 0}) the consumer stops sending
 * once the Interests it has resolved in the measured phase plus those outstanding reach the budget, and counts down
 * {@code done} when all of them are resolved.
 */
final class LoadConsumer extends ChannelInboundHandlerAdapter {
  private static final int NO_SLOT = -1;

  private final byte[] head;
  private final int window;
  private final boolean unique;
  private final int setSize;
  private final long lifetimeMillis;
  private final long timeoutNanos;
  private final long budget;
  private final CountDownLatch done;
  private final boolean stream;
  private final int interestLength;
  private BurstWriter out;

  private final long[] slotSent;
  private final long[] slotKey;
  private final int[] freeSlots;
  private int free;
  private final int[] keySlot;
  private long seq;
  private long cursor;
  private int nonce;

  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private boolean measuring;
  private boolean stopped;
  private boolean counted;
  private final Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);

  /** Counters of the measured phase (written on the loop; read after {@link #endMeasure}). */
  long sent;
  long satisfied;
  long timeouts;
  long nacks;
  long unexpected;

  LoadConsumer(byte[] head, int window, boolean unique, int setSize, long lifetimeMillis, long budget,
      CountDownLatch done, boolean stream) {
    if (window < 1 || window > 65535) {
      throw new IllegalArgumentException("window must be 1..65535: " + window);
    }
    this.head = head;
    this.window = window;
    this.unique = unique;
    this.setSize = setSize;
    this.lifetimeMillis = lifetimeMillis;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(lifetimeMillis + 250);
    this.budget = budget;
    this.done = done;
    this.stream = stream;
    this.interestLength = LoadPackets.interestLength(head, lifetimeMillis);
    slotSent = new long[window];
    slotKey = new long[window];
    freeSlots = new int[window];
    for (int i = 0; i < window; i++) {
      freeSlots[free++] = window - 1 - i;
    }
    keySlot = unique ? null : new int[setSize];
    if (keySlot != null) {
      java.util.Arrays.fill(keySlot, NO_SLOT);
    }
    nonce = (int) System.nanoTime() | 1;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.out = new BurstWriter(ctx, stream);
  }

  /** Starts sending (loop task): the first window of Interests, and the timeout scan every 100 ms. */
  void start() {
    timer = ctx.executor().scheduleAtFixedRate(this::scanTimeouts, 100, 100, TimeUnit.MILLISECONDS);
    fill();
    out.flush();
  }

  /** Resets the counters and the histogram: the measured phase starts now (loop task). */
  void beginMeasure() {
    sent = satisfied = timeouts = nacks = unexpected = 0;
    rtt.reset();
    measuring = true;
    if (budget > 0) {
      fill(); // in count mode the window may have been held back
      out.flush();
    }
  }

  /** Ends the measured phase: no more counting, no more sending (loop task). */
  void endMeasure() {
    measuring = false;
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** The RTT histogram of the measured phase, in nanoseconds (read after {@link #endMeasure}). */
  Histogram rtt() {
    return rtt;
  }

  private int outstanding() {
    return window - free;
  }

  private void fill() {
    while (free > 0 && !stopped) {
      if (budget > 0 && measuring && satisfied + timeouts + nacks + outstanding() >= budget) {
        return;
      }
      long key;
      int slot;
      if (unique) {
        slot = freeSlots[--free];
        key = (++seq << 16) | slot;
      } else {
        key = nextRepeatingKey();
        if (key < 0) {
          return;
        }
        slot = freeSlots[--free];
        keySlot[(int) key] = slot;
      }
      slotKey[slot] = key;
      slotSent[slot] = System.nanoTime();
      nonce ^= nonce << 13;
      nonce ^= nonce >>> 17;
      nonce ^= nonce << 5;
      ByteBuf b = out.buffer(interestLength);
      LoadPackets.writeInterest(b, head, key, nonce, lifetimeMillis);
      out.done(b);
      if (measuring) {
        sent++;
      }
    }
  }

  private long nextRepeatingKey() {
    for (int tries = 0; tries < setSize; tries++) {
      int k = (int) (cursor++ % setSize);
      if (keySlot[k] == NO_SLOT) {
        return k;
      }
    }
    return -1;
  }

  /** The slot {@code key} occupies, or -1 if no Interest with that key is outstanding. */
  private int slotOf(long key) {
    if (key < 0) {
      return NO_SLOT;
    }
    int slot;
    if (unique) {
      slot = (int) (key & 0xffff);
      if (slot >= window) {
        return NO_SLOT;
      }
    } else {
      if (key >= setSize) {
        return NO_SLOT;
      }
      slot = keySlot[(int) key];
      if (slot == NO_SLOT) {
        return NO_SLOT;
      }
    }
    return slotSent[slot] != 0 && slotKey[slot] == key ? slot : NO_SLOT;
  }

  private void release(int slot) {
    slotSent[slot] = 0;
    if (!unique) {
      keySlot[(int) slotKey[slot]] = NO_SLOT;
    }
    freeSlots[free++] = slot;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      ByteBuffer b = frame.nioBuffer();
      int type = b.get(b.position()) & 0xff;
      if (type == TlvTypes.DATA) {
        onData(b);
      } else if (type == TlvTypes.LP_PACKET) {
        LpPacket lp = LpPacket.decode(b);
        if (lp.fragCount() != 1) {
          countUnexpected();
        } else if (lp.isNack() && lp.fragmentType() == TlvTypes.INTEREST) {
          ByteBuffer f = lp.fragment();
          int nameAt = LoadPackets.nameOffset(f, f.position(), f.limit(), TlvTypes.INTEREST);
          int slot = nameAt < 0 ? NO_SLOT : slotOf(LoadPackets.keyOfName(f, nameAt, f.limit()));
          if (slot == NO_SLOT) {
            countUnexpected();
          } else {
            release(slot);
            if (measuring) {
              nacks++;
            }
          }
        } else if (lp.fragmentType() == TlvTypes.DATA) {
          onData(lp.fragment());
        } else {
          countUnexpected();
        }
      } else {
        countUnexpected();
      }
    } catch (TlvException e) {
      countUnexpected();
    } finally {
      frame.release();
    }
  }

  private void onData(ByteBuffer b) {
    int nameAt = LoadPackets.nameOffset(b, b.position(), b.limit(), TlvTypes.DATA);
    int slot = nameAt < 0 ? NO_SLOT : slotOf(LoadPackets.keyOfName(b, nameAt, b.limit()));
    if (slot == NO_SLOT) {
      countUnexpected();
      return;
    }
    long rttNanos = System.nanoTime() - slotSent[slot];
    release(slot);
    if (measuring) {
      satisfied++;
      rtt.recordValue(Math.min(Math.max(rttNanos, 0), rtt.getHighestTrackableValue()));
    }
  }

  private void countUnexpected() {
    if (measuring) {
      unexpected++;
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    afterWork();
  }

  private void afterWork() {
    if (budget > 0 && measuring && !counted && satisfied + timeouts + nacks >= budget) {
      counted = true;
      endMeasure();
      done.countDown();
      return;
    }
    fill();
    out.flush();
  }

  private void scanTimeouts() {
    long now = System.nanoTime();
    boolean any = false;
    for (int slot = 0; slot < window; slot++) {
      long t = slotSent[slot];
      if (t != 0 && now - t > timeoutNanos) {
        release(slot);
        any = true;
        if (measuring) {
          timeouts++;
        }
      }
    }
    if (any) {
      afterWork();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    out.discard();
    if (timer != null) {
      timer.cancel(false);
    }
    if (budget > 0 && !counted) {
      counted = true;
      done.countDown();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
