package dev.ndnj.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Name hashing and octet comparison read four octets at a time: the results must not depend on where the octets sit
 * in their buffers, on the buffers' byte order, or on how many octets are left over after the four-octet steps.
 */
class WordAtATimeTest {
  private static ByteBuffer at(byte[] octets, int offset, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(octets.length + offset + 3).order(order);
    for (int i = 0; i < octets.length; i++) {
      b.put(offset + i, octets[i]);
    }
    return b;
  }

  private static byte[] octets(int n) {
    byte[] v = new byte[n];
    for (int i = 0; i < n; i++) {
      v[i] = (byte) (i * 37 + 200);
    }
    return v;
  }

  /** The hash of the octets [from, to) of {@code b} as a one-component name. */
  private static int hash(ByteBuffer b, int from, int to) {
    return Name.hashPrefixes(b, new int[] {from, to}, 1)[1];
  }

  @Test
  void equalOctetsHashEquallyAtAnyOffsetAndInAnyByteOrder() {
    for (int n = 0; n <= 13; n++) {
      byte[] v = octets(n);
      int expected = hash(at(v, 0, ByteOrder.BIG_ENDIAN), 0, n);
      for (int off = 0; off < 4; off++) {
        assertEquals(expected, hash(at(v, off, ByteOrder.BIG_ENDIAN), off, off + n), "n=" + n);
        assertEquals(expected, hash(at(v, off, ByteOrder.LITTLE_ENDIAN), off, off + n), "n=" + n);
        assertEquals(expected, hash(at(v, off, ByteOrder.BIG_ENDIAN).asReadOnlyBuffer(), off, off + n), "n=" + n);
      }
    }
  }

  @Test
  void aPrefixHashesLikeTheSameOctetsAloneWhereverTheComponentsSplitThem() {
    byte[] v = octets(23);
    for (int off = 0; off < 4; off++) {
      for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
        ByteBuffer b = at(v, off, order);
        for (int a = 0; a <= 23; a++) {
          for (int c = a; c <= 23; c++) {
            int[] h = Name.hashPrefixes(b, new int[] {off, off + a, off + c, off + 23}, 3);
            assertEquals(hash(at(v, 0, ByteOrder.BIG_ENDIAN), 0, a), h[1], "a=" + a);
            assertEquals(hash(at(v, 0, ByteOrder.BIG_ENDIAN), 0, c), h[2], "c=" + c);
            assertEquals(hash(at(v, 0, ByteOrder.BIG_ENDIAN), 0, 23), h[3]);
          }
        }
      }
    }
  }

  @Test
  void everyOctetChangesTheHash() {
    for (int n = 1; n <= 9; n++) {
      byte[] v = octets(n);
      int h = hash(at(v, 0, ByteOrder.BIG_ENDIAN), 0, n);
      for (int i = 0; i < n; i++) {
        byte[] w = v.clone();
        w[i] ^= 1;
        assertNotEquals(h, hash(at(w, 0, ByteOrder.BIG_ENDIAN), 0, n), "n=" + n + " i=" + i);
      }
    }
  }

  @Test
  void equalBytesFindsADifferenceAtEveryPositionWhateverTheOrders() {
    ByteOrder[] orders = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    for (int n = 0; n <= 11; n++) {
      byte[] v = octets(n);
      for (ByteOrder ox : orders) {
        for (ByteOrder oy : orders) {
          ByteBuffer x = at(v, 1, ox);
          assertTrue(Tlv.equalBytes(x, 1, at(v, 3, oy), 3, n), "n=" + n);
          for (int i = 0; i < n; i++) {
            byte[] w = v.clone();
            w[i]++;
            assertFalse(Tlv.equalBytes(x, 1, at(w, 2, oy), 2, n), "n=" + n + " i=" + i);
          }
        }
      }
    }
  }

  @Test
  void namesInBuffersOfEitherByteOrderAreEqualAndHashEqually() {
    Name n = Name.parse("/ndn/edu/colostate/conference/e187b83c/v=5/seg=12");
    ByteBuffer w = n.wire();
    byte[] copy = new byte[w.remaining()];
    w.duplicate().get(copy);
    Name little = Name.decode(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
    assertEquals(n, little);
    for (int k = 0; k <= n.size(); k++) {
      assertEquals(n.prefixHash(k), little.prefixHash(k), "k=" + k);
    }
    assertEquals(n.get(4).hashCode(), little.get(4).hashCode());
  }
}
