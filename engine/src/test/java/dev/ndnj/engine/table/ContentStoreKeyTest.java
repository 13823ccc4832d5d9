package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ContentStoreKey} orders, compares and hashes exactly as {@link Name} does. */
class ContentStoreKeyTest {
  /** Random names that share prefixes often and use one- and three-octet TLV-TYPEs and TLV-LENGTHs. */
  private static List<Name> names(long seed, int count) {
    Random rnd = new Random(seed);
    int[] types = {1, 2, 8, 8, 8, 32, 50, 54, 252, 253, 300, 65535};
    List<Component> pool = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int type = types[rnd.nextInt(types.length)];
      int len = type <= 2 ? 32 : rnd.nextInt(5) == 0 ? 250 + rnd.nextInt(10) : rnd.nextInt(4);
      byte[] value = new byte[len];
      for (int j = 0; j < len; j++) {
        value[j] = (byte) (rnd.nextInt(3) == 0 ? 0xff : rnd.nextInt(3));
      }
      pool.add(Component.of(type, value));
    }
    List<Name> out = new ArrayList<>();
    out.add(Name.ROOT);
    for (int i = 0; i < count; i++) {
      Name base = out.get(rnd.nextInt(out.size()));
      int extra = 1 + rnd.nextInt(3);
      List<Component> cs = new ArrayList<>(base.components());
      for (int j = 0; j < extra; j++) {
        cs.add(pool.get(rnd.nextInt(pool.size())));
      }
      out.add(Name.of(cs));
      if (rnd.nextBoolean()) {
        out.add(Name.of(cs.subList(0, rnd.nextInt(cs.size() + 1))));
      }
    }
    return out;
  }

  @Test
  void orderEqualityHashAndPrefixAgreeWithName() {
    List<Name> names = names(7, 300);
    for (Name a : names) {
      ContentStoreKey ka = new ContentStoreKey(a);
      for (Name b : names) {
        ContentStoreKey kb = new ContentStoreKey(b);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(ContentStoreKey.compare(ka, kb)),
            () -> a + " ? " + b);
        assertEquals(a.equals(b), ka.equals(kb), () -> a + " = " + b);
        assertEquals(a.isPrefixOf(b), ka.isPrefixOf(kb), () -> a + " prefix of " + b);
      }
      assertEquals(a.hashCode(), ka.hashCode());
    }
  }

  /** {@code name} decoded again from its wire in a heap array at an offset, a read-only buffer, or a direct one. */
  private static Name inBuffer(Name name, String kind) {
    byte[] wire = new byte[name.wireLength()];
    name.wire().duplicate().get(wire);
    byte[] padded = new byte[wire.length + 11];
    System.arraycopy(wire, 0, padded, 7, wire.length);
    ByteBuffer b = switch (kind) {
      case "heap" -> ByteBuffer.wrap(padded, 7, wire.length).slice();
      case "readonly" -> ByteBuffer.wrap(wire).asReadOnlyBuffer();
      default -> ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    };
    return Name.decode(b);
  }

  @Test
  void keysOfNamesInHeapReadOnlyAndDirectBuffersAgree() {
    List<Name> names = names(11, 120);
    String[] kinds = {"heap", "readonly", "direct"};
    for (Name a : names) {
      for (Name b : names) {
        String ka = kinds[Math.floorMod(a.hashCode(), 3)];
        String kb = kinds[Math.floorMod(b.hashCode() >>> 3, 3)];
        ContentStoreKey x = new ContentStoreKey(inBuffer(a, ka));
        ContentStoreKey y = new ContentStoreKey(inBuffer(b, kb));
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(ContentStoreKey.compare(x, y)),
            () -> a + " (" + ka + ") ? " + b + " (" + kb + ")");
        assertEquals(a.equals(b), x.equals(y), () -> a + " = " + b);
        assertEquals(a.isPrefixOf(b), x.isPrefixOf(y), () -> a + " prefix of " + b);
        if (a.equals(b)) {
          assertEquals(x.hashCode(), y.hashCode());
        }
      }
    }
  }

  @Test
  void anEntryEqualsTheKeyOfItsName() {
    Name n = Name.parse("/k/v=1/seg=0");
    ContentStoreEntry e = new ContentStoreEntry(ContentStoreContractTest.data("/k/v=1/seg=0"), 0);
    assertEquals(new ContentStoreKey(n), e);
    assertEquals(e, new ContentStoreKey(n));
    assertEquals(new ContentStoreKey(n).hashCode(), e.hashCode());
    assertNotEquals(new ContentStoreKey(Name.parse("/k/v=1/seg=1")), e);
    assertEquals(new ContentStoreKey(n), new ContentStoreKey(Name.parse("/k/v=1/seg=0/x").getPrefix(3)),
        "prefix views");
  }
}
