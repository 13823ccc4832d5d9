package dev.ndnj.engine.fw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The short path reads untrusted octets by hand: frames made wrong in every way (octets changed, cut short, grown,
 * lengths rewritten, noise) never make it throw, and it answers only frames the codec decodes as a plain Interest
 * (or an LpPacket of a PitToken and that Interest) for a stored name.
 */
class ContentStoreShortPathFuzzTest {
  private static final Name[] STORED = {Name.parse("/a/b"), Name.parse("/a/b/c/d/e"), Name.parse("/x/" + "y".repeat(200))};

  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  private static byte[] validFrame(Random r) {
    Interest.Builder b = Interest.builder(STORED[r.nextInt(STORED.length)]).nonce(r.nextInt());
    if (r.nextBoolean()) {
      b.mustBeFresh(true);
    }
    if (r.nextBoolean()) {
      b.lifetime(1 + r.nextInt(100_000));
    }
    if (r.nextBoolean()) {
      b.hopLimit(1 + r.nextInt(255));
    }
    ByteBuffer wire = b.build().wire();
    if (r.nextBoolean()) {
      byte[] token = new byte[1 + r.nextInt(8)];
      r.nextBytes(token);
      return bytes(LpPacket.builder().pitToken(token).fragment(wire).encode());
    }
    return bytes(wire);
  }

  private static byte[] mutate(Random r, byte[] f) {
    byte[] m = f.clone();
    switch (r.nextInt(6)) {
      case 0 -> {
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
          m[r.nextInt(m.length)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> m = Arrays.copyOf(m, r.nextInt(m.length));
      case 2 -> {
        m = Arrays.copyOf(m, m.length + 1 + r.nextInt(4));
        for (int i = f.length; i < m.length; i++) {
          m[i] = (byte) r.nextInt(256);
        }
      }
      case 3 -> m[Math.min(m.length - 1, 1 + r.nextInt(6))] = (byte) (r.nextBoolean() ? 253 : r.nextInt(256));
      case 4 -> m[r.nextInt(m.length)] = (byte) (r.nextBoolean() ? 0 : 0xff);
      default -> {
        m = new byte[r.nextInt(64)];
        r.nextBytes(m);
        if (m.length > 0) {
          m[0] = r.nextBoolean() ? TlvTypes.INTEREST : (byte) TlvTypes.LP_PACKET;
        }
      }
    }
    return m;
  }

  /** The Interest the codec reads in {@code f} if the short path may answer it, else null. */
  private static Interest plainInterest(byte[] f) {
    try {
      ByteBuffer b = ByteBuffer.wrap(f);
      if (f.length > 0 && (f[0] & 0xff) == TlvTypes.LP_PACKET) {
        LpPacket lp = LpPacket.decode(b);
        if (lp.fragmentType() != TlvTypes.INTEREST) {
          return null;
        }
        b = lp.fragment();
      }
      Interest i = Interest.decode(b);
      return i.canBePrefix() || !i.hasNonce() || i.hasApplicationParameters() ? null : i;
    } catch (TlvException e) {
      return null;
    }
  }

  @Test
  void malformedFramesNeverThrowAndOnlyValidOnesAreAnswered() {
    Random r = new Random(2026);
    ShortPathRig rig = new ShortPathRig(true);
    for (Name n : STORED) {
      rig.cs.insert(Data.builder(n).freshnessPeriod(3_600_000).content(new byte[20]).signWithDigestSha256());
    }
    Face face = rig.faces.get(ShortPathRig.LOCAL);
    int answered = 0;
    int valid = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] frame = validFrame(r);
      if (r.nextInt(4) != 0) {
        frame = mutate(r, frame);
      }
      // at an offset in a larger array, as a transport's receive buffer may hold it
      byte[] padded = new byte[frame.length + 6];
      System.arraycopy(frame, 0, padded, 3, frame.length);
      Interest expected = plainInterest(frame);
      if (expected != null) {
        valid++;
      }
      if (rig.fw.answerInPlace(face, padded, 3, 3 + frame.length)) {
        answered++;
        assertTrue(expected != null, "answered a frame the codec does not read as a plain Interest: "
            + Arrays.toString(frame));
        assertTrue(Arrays.asList(STORED).contains(expected.name()), expected.name().toString());
      }
      rig.takeSent();
    }
    assertTrue(answered > 20_000, "answered " + answered);
    assertTrue(valid >= answered);
    assertEquals(answered, rig.fw.counters().csHits());
    assertFalse(rig.fw.answerInPlace(face, new byte[0], 0, 0));
  }
}
