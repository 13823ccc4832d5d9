package dev.ndnj.engine.fw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two forwarders, the Content Store short path on in one and off in the other, fed the same random stream of frames
 * (Interests that hit, miss, find stale Data with and without MustBeFresh, CanBePrefix, implicit digests, HopLimit 0
 * and 1, duplicate Nonces, pending PIT entries, {@code /localhost} names on non-local faces, LpPackets with a PitToken
 * and with other fields, Nacks, malformed frames; Data from the producer and unsolicited from local faces; time
 * passing): after every step both must have sent the same frames and have the same counters of faces, forwarder and
 * Content Store.
 */
class ContentStoreShortPathDifferentialTest {
  private static final String LONG = "x".repeat(230);
  private static final Name[] NAMES = {
      Name.parse("/a/0"), Name.parse("/a/1"), Name.parse("/a/2"), Name.parse("/a/3"), Name.parse("/a"),
      Name.parse("/b/x/y"), Name.parse("/localhost/x"), Name.parse("/localhost"), Name.parse("/long/" + LONG),
      Name.parse("/c/seg=1"), Name.parse("/c/seg=2"), Name.of(Component.of(300, new byte[] {7})),
  };
  private static final int[] FRESHNESS = {0, 20, 500, 10_000};
  private static final int[] NONCES = {1, 2, 3, 0x7fffffff, 0x80000000};

  private final ShortPathRig on = new ShortPathRig(true);
  private final ShortPathRig off = new ShortPathRig(false);
  /** Data made so far, for implicit-digest names. */
  private final List<Data> made = new ArrayList<>();

  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  private Data data(Random r, Name name) {
    Data d = Data.builder(name).freshnessPeriod(FRESHNESS[r.nextInt(FRESHNESS.length)])
        .content(new byte[r.nextInt(3) * 50]).signWithDigestSha256();
    made.add(d);
    return d;
  }

  private Interest interest(Random r) {
    Name name = NAMES[r.nextInt(NAMES.length)];
    if (r.nextInt(12) == 0 && !made.isEmpty()) {
      Data d = made.get(r.nextInt(made.size()));
      name = r.nextBoolean() ? d.fullName() : d.name().append(Component.implicitDigest(new byte[32]));
    }
    Interest.Builder b = Interest.builder(name);
    if (r.nextInt(7) == 0) {
      b.canBePrefix(true);
    }
    if (r.nextBoolean()) {
      b.mustBeFresh(true);
    }
    if (r.nextInt(10) != 0) {
      b.nonce(r.nextInt(4) == 0 ? r.nextInt() : NONCES[r.nextInt(NONCES.length)]);
    }
    switch (r.nextInt(4)) {
      case 0 -> b.lifetime(100);
      case 1 -> b.lifetime(2000 + r.nextInt(3000));
      case 2 -> b.lifetime(70_000);
      default -> { }
    }
    switch (r.nextInt(6)) {
      case 0 -> b.hopLimit(0);
      case 1 -> b.hopLimit(1);
      case 2 -> b.hopLimit(64);
      default -> { }
    }
    if (r.nextInt(25) == 0) {
      b.forwardingHint(List.of(Name.parse("/hint")));
    }
    if (r.nextInt(25) == 0) {
      b.applicationParameters(new byte[] {1, 2, 3});
    }
    return b.build();
  }

  private static byte[] token(Random r) {
    byte[] t = new byte[1 + r.nextInt(8)];
    r.nextBytes(t);
    return t;
  }

  /** An Interest frame as a link would carry it: bare, with a PitToken, or with other LpPacket fields. */
  private byte[] interestFrame(Random r) {
    Interest i = interest(r);
    return switch (r.nextInt(10)) {
      case 0, 1, 2 -> bytes(LpPacket.builder().pitToken(token(r)).fragment(i.wire()).encode());
      case 3 -> bytes(LpPacket.builder().fragment(i.wire()).encode());
      case 4 -> bytes(LpPacket.builder().pitToken(token(r)).congestionMark(1 + r.nextInt(3)).fragment(i.wire())
          .encode());
      case 5 -> r.nextInt(3) == 0 ? bytes(LpPacket.builder().nack(NackReason.DUPLICATE).fragment(i.wire()).encode())
          : bytes(i.wire());
      default -> bytes(i.wire());
    };
  }

  /** A frame made wrong: cut short, with an octet changed, with octets after it, or noise. */
  private byte[] malformed(Random r) {
    byte[] f = interestFrame(r);
    switch (r.nextInt(4)) {
      case 0 -> f = Arrays.copyOf(f, r.nextInt(f.length));
      case 1 -> f[r.nextInt(f.length)] = (byte) r.nextInt(256);
      case 2 -> f = Arrays.copyOf(f, f.length + 1 + r.nextInt(3));
      default -> {
        f = new byte[1 + r.nextInt(12)];
        r.nextBytes(f);
        f[0] = r.nextBoolean() ? (byte) 5 : (byte) 0x64;
      }
    }
    return f;
  }

  private void both(int face, byte[] frame) {
    on.receive(face, frame);
    off.receive(face, frame);
  }

  private void step(Random r) {
    int dice = r.nextInt(100);
    int consumer = r.nextInt(4); // LOCAL, LOCAL_FIELDS, REMOTE, MULTI
    if (dice < 62) {
      both(consumer, interestFrame(r));
    } else if (dice < 74) {
      both(ShortPathRig.PRODUCER, bytes(data(r, NAMES[r.nextInt(NAMES.length)]).wire()));
    } else if (dice < 80) {
      both(r.nextInt(2), bytes(data(r, NAMES[r.nextInt(NAMES.length)]).wire())); // unsolicited, local: cached
    } else if (dice < 84) {
      both(ShortPathRig.PRODUCER, bytes(LpPacket.builder().nack(NackReason.NO_ROUTE)
          .fragment(interest(r).wire()).encode()));
    } else if (dice < 89) {
      both(consumer, malformed(r));
    } else if (dice < 98) {
      long ms = r.nextInt(3) == 0 ? 0 : r.nextInt(2) == 0 ? r.nextInt(60) : r.nextInt(7000);
      on.advance(ms);
      off.advance(ms);
    } else {
      boolean serve = r.nextInt(4) != 0;
      on.cs.setServeEnabled(serve);
      off.cs.setServeEnabled(serve);
    }
  }

  @Test
  void shortPathSendsAndCountsExactlyWhatTheGeneralPathDoes() {
    for (int seed = 1; seed <= 12; seed++) {
      Random r = new Random(seed);
      for (int s = 0; s < 2500; s++) {
        step(r);
        String where = "seed " + seed + " step " + s;
        assertEquals(off.takeSent(), on.takeSent(), where + ": sent frames");
        assertEquals(off.state(), on.state(), where + ": counters");
      }
    }
    assertEquals(0, off.cs.exactHits + off.cs.exactMisses, "the forwarder with the short path off never used it");
    assertTrue(on.cs.exactHits > 1000, "hits answered in place: " + on.cs.exactHits);
    assertTrue(on.cs.exactMisses > 100, "declined after a lookup: " + on.cs.exactMisses);
    assertTrue(on.fw.counters().csHits() > on.cs.exactHits + 100, "hits left to the general path");
    assertTrue(on.fw.counters().loops() > 10, "loops: " + on.fw.counters().loops());
    assertTrue(on.fw.counters().localhostViolations() > 10);
    assertTrue(on.fw.counters().hopLimitZero() > 10);
  }
}
