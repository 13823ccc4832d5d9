package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static dev.ndnj.tlv.TestBytes.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/**
 * Decoded packets are views: wire() and the field views share the input's memory, are read-only, and decoding
 * leaves the input buffer's position and limit alone, wherever the packet sits in it.
 */
class ZeroCopyTest {
  private static final int AT = 37;

  /** {@code hex} placed at offset 37 of a 300-octet array with junk around it; position/limit frame the packet. */
  private static ByteBuffer framed(String hex, byte[][] backing) {
    byte[] packet = bytes(hex);
    byte[] array = new byte[300];
    java.util.Arrays.fill(array, (byte) 0xee);
    System.arraycopy(packet, 0, array, AT, packet.length);
    backing[0] = array;
    ByteBuffer b = ByteBuffer.wrap(array);
    b.position(AT).limit(AT + packet.length);
    return b;
  }

  private static void assertUntouched(ByteBuffer b, int length) {
    assertEquals(AT, b.position());
    assertEquals(AT + length, b.limit());
  }

  @Test
  void interestWireSharesTheInputAndLeavesItsPositionAlone() {
    byte[][] backing = new byte[1][];
    ByteBuffer in = framed(InterestTest.FULL, backing);
    int len = in.remaining();
    Interest i = Interest.decode(in);
    i.name();
    i.forwardingHint();
    i.applicationParameters();
    assertUntouched(in, len);
    ByteBuffer w = i.wire();
    assertEquals(norm(InterestTest.FULL), hex(w));
    assertTrue(w.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> w.put(0, (byte) 1));
    assertEquals(0, w.position());
    assertEquals(len, w.limit());
    // the view shows the caller's bytes: change one in the backing array (the contract forbids it; the test
    // does it to prove no copy was made)
    int nonceAt = AT + norm(InterestTest.FULL).indexOf("0a044c1ecb4a") / 2 + 2;
    backing[0][nonceAt] = 0x11;
    assertEquals(0x11, i.wire().get(nonceAt - AT));
    assertEquals(0x11, w.get(nonceAt - AT));
    ByteBuffer params = i.applicationParameters();
    backing[0][AT + len - 1] = 0x42;
    assertEquals(0x42, params.get(params.limit() - 1));
    assertTrue(params.isReadOnly());
  }

  @Test
  void nameViewsShareTheInterestsBytes() {
    byte[][] backing = new byte[1][];
    ByteBuffer in = framed(InterestTest.BASIC, backing);
    Interest i = Interest.decode(in);
    ByteBuffer nameWire = i.name().wire();
    assertEquals(norm("0714" + InterestTest.LOCAL_NDN_PREFIX), hex(nameWire));
    assertTrue(nameWire.isReadOnly());
    Component first = i.name().get(0);
    backing[0][AT + 6] = 'L'; // 051c 0714 0805 [l]ocal
    assertEquals('L', nameWire.get(4));
    assertEquals("Local", first.toString());
    assertTrue(first.value().isReadOnly());
  }

  @Test
  void dataContentAndWireShareTheInput() {
    byte[][] backing = new byte[1][];
    ByteBuffer in = framed(DataTest.DATA1, backing);
    int len = in.remaining();
    Data d = Data.decode(in);
    d.fullName();
    d.verifyDigestSha256();
    assertUntouched(in, len);
    assertEquals(norm(DataTest.DATA1), hex(d.wire()));
    assertTrue(d.wire().isReadOnly());
    assertTrue(d.content().isReadOnly());
    assertTrue(d.signatureValue().isReadOnly());
    assertTrue(d.signedPortion().isReadOnly());
    ByteBuffer content = d.content();
    int contentAt = AT + norm(DataTest.DATA1).indexOf("5355434345535321") / 2;
    backing[0][contentAt] = 's';
    assertEquals('s', content.get(0));
    assertEquals('s', d.content().get(0));
  }

  @Test
  void lpFragmentSharesTheInput() {
    byte[][] backing = new byte[1][];
    String lp = "6422 6204 d0d1d2d3 fd034808 a0a1a2a3a4a5a6a7 500e 060c 0703080144 16031b0100 1700";
    ByteBuffer in = framed(lp, backing);
    int len = in.remaining();
    LpPacket p = LpPacket.decode(in);
    Data d = p.fragmentAsData();
    assertUntouched(in, len);
    ByteBuffer frag = p.fragment();
    assertTrue(frag.isReadOnly());
    assertTrue(p.pitToken().isReadOnly());
    backing[0][AT + 4] = 0x77;
    assertEquals(0x77, p.pitToken().get(0));
    backing[0][AT + len - 1] = 0x00;
    assertEquals(norm("060c 0703080144 16031b0100 1700"), hex(d.wire()));
    int nameValueAt = AT + 24 + 4;
    backing[0][nameValueAt] = 'E';
    assertEquals("/E", d.name().toString(), "the Data decoded from the fragment is a view too");
  }

  @Test
  void directAndReadOnlyInputsDecodeInPlace() {
    byte[] packet = bytes(InterestTest.SIGNED);
    ByteBuffer direct = ByteBuffer.allocateDirect(packet.length + 10);
    direct.position(5);
    direct.put(packet);
    direct.position(5).limit(5 + packet.length);
    Interest i = Interest.decode(direct);
    assertEquals(5, direct.position());
    assertEquals(norm(InterestTest.SIGNED), hex(i.wire()));
    assertTrue(i.isParametersDigestValid());
    direct.put(5 + packet.length - 1, (byte) 0);
    assertEquals(0, i.signatureValue().get(31), "shares the direct buffer");

    ByteBuffer ro = ByteBuffer.wrap(bytes(DataTest.DATA1)).asReadOnlyBuffer();
    Data d = Data.decode(ro);
    assertEquals(0, ro.position());
    assertEquals("/local/ndn/prefix", d.name().toString());
    assertEquals("28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a548", hex(d.implicitDigest()));
  }

  @Test
  void patchingHopLimitCopiesAndNeverWritesTheInput() {
    byte[][] backing = new byte[1][];
    ByteBuffer in = framed(InterestTest.FULL, backing);
    byte[] before = backing[0].clone();
    Interest i = Interest.decode(in);
    Interest j = i.withHopLimit(1).withNonce(7);
    assertEquals(1, j.hopLimit());
    assertTrue(java.util.Arrays.equals(before, backing[0]), "the input array is unchanged");
    assertEquals(220, i.hopLimit());
  }

  @Test
  void builtPacketsAreReadOnlyViewsToo() {
    Interest i = Interest.builder(Name.parse("/a")).build();
    assertTrue(i.wire().isReadOnly());
    Data d = Data.builder(Name.parse("/a")).signWithDigestSha256();
    assertTrue(d.wire().isReadOnly());
    assertTrue(LpPacket.builder().build().wire().isReadOnly());
    assertTrue(Name.parse("/a/b").wire().isReadOnly());
    assertTrue(Name.parse("/a/b").getPrefix(1).wire().isReadOnly());
  }
}
