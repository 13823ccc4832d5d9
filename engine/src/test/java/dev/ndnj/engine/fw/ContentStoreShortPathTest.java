package dev.ndnj.engine.fw;

import static dev.ndnj.engine.fw.ShortPathRig.LOCAL;
import static dev.ndnj.engine.fw.ShortPathRig.LOCAL_FIELDS;
import static dev.ndnj.engine.fw.ShortPathRig.MULTI;
import static dev.ndnj.engine.fw.ShortPathRig.PRODUCER;
import static dev.ndnj.engine.fw.ShortPathRig.REMOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.NackReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forwarder's Content Store short path ({@link ContentStoreShortPath}): what it answers, with which effects, and
 * that every other case goes the general way with nothing done twice. Each test also runs the same packets through a
 * forwarder with the short path off and checks that both sent and counted the same.
 */
class ContentStoreShortPathTest {
  private final ShortPathRig on = new ShortPathRig(true);
  private final ShortPathRig off = new ShortPathRig(false);

  private static final byte[] TOKEN = {(byte) 0xca, (byte) 0xfe, 1};

  private static Interest.Builder interest(String uri) {
    return Interest.builder(Name.parse(uri)).nonce(0x01020304);
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  private static byte[] bare(Interest.Builder b) {
    return bytes(b.build().wire());
  }

  private static byte[] withToken(Interest.Builder b) {
    return bytes(LpPacket.builder().pitToken(TOKEN).fragment(b.build().wire()).encode());
  }

  private static Data data(String uri, long freshness) {
    return Data.builder(Name.parse(uri)).freshnessPeriod(freshness)
        .content(("content of " + uri).getBytes(StandardCharsets.UTF_8)).signWithDigestSha256();
  }

  /** Stores {@code d} in both forwarders' Content Stores (each its own copy). */
  private void store(Data d) {
    byte[] w = bytes(d.wire());
    on.cs.insert(Data.decode(ByteBuffer.wrap(w.clone())));
    off.cs.insert(Data.decode(ByteBuffer.wrap(w.clone())));
  }

  private void receive(int face, byte[] frame) {
    on.receive(face, frame);
    off.receive(face, frame);
  }

  private void advance(long millis) {
    on.advance(millis);
    off.advance(millis);
  }

  /** Both forwarders sent and counted the same; returns what they sent. */
  private String sameEffects() {
    String sent = on.takeSent();
    assertEquals(off.takeSent(), sent, "sent frames");
    assertEquals(off.state(), on.state(), "counters");
    return sent;
  }

  private void assertAnsweredInPlace(int face, byte[] frame) {
    int hits = on.cs.exactHits;
    int finds = on.cs.finds;
    receive(face, frame);
    assertEquals(hits + 1, on.cs.exactHits, "answered by the short path");
    assertEquals(finds, on.cs.finds, "no general lookup");
    assertTrue(sameEffects().startsWith(face + ": "), "a Data sent back on face " + face);
  }

  /** Declined by the short path after (probed true) or before (false) its Content Store lookup. */
  private void assertDeclined(int face, byte[] frame, boolean probed) {
    int hits = on.cs.exactHits;
    int misses = on.cs.exactMisses;
    receive(face, frame);
    assertEquals(hits, on.cs.exactHits, "not answered by the short path");
    assertEquals(misses + (probed ? 1 : 0), on.cs.exactMisses, "short-path lookups that found nothing");
    sameEffects();
  }

  @Test
  void hitIsAnsweredFromTheFrameWithTheCountersOfTheGeneralPath() {
    Data d = data("/a/1", 0);
    store(d);
    assertAnsweredInPlace(LOCAL, bare(interest("/a/1")));
    assertEquals(1, on.fw.counters().inInterests());
    assertEquals(1, on.fw.counters().csHits());
    assertEquals(1, on.fw.counters().satisfiedInterests());
    assertEquals(1, on.fw.counters().outData());
    assertEquals(0, on.fw.counters().csMisses());
    assertEquals(1, on.faces.get(LOCAL).counters().inInterests());
    assertEquals(1, on.faces.get(LOCAL).counters().outData());
    assertEquals(1, on.cs.counters().hits());
    assertEquals(0, on.cs.counters().misses());
    assertEquals(0, on.fw.pit().size());
  }

  @Test
  void hitSendsTheStoredDataBareOrWithTheFramesPitToken() {
    Data d = data("/a/1", 0);
    store(d);
    on.receive(LOCAL, bare(interest("/a/1")));
    assertEquals(d.wire(), on.transports.get(LOCAL).sentFrames().get(0));
    on.receive(LOCAL, withToken(interest("/a/1").nonce(2)));
    LpPacket lp = on.transports.get(LOCAL).sentPacket(1);
    assertEquals(ByteBuffer.wrap(TOKEN), lp.pitToken());
    assertEquals(d.wire(), lp.fragment());
    assertEquals(2, on.cs.exactHits);
    assertEquals(0, on.cs.finds);
  }

  @Test
  void hitOnAFaceWithLocalFieldsCarriesIncomingFaceIdOfTheContentStore() {
    store(data("/a/1", 0));
    receive(LOCAL_FIELDS, withToken(interest("/a/1")));
    LpPacket lp = on.transports.get(LOCAL_FIELDS).sentPacket(0);
    assertEquals(FaceTable.CONTENT_STORE, lp.incomingFaceId());
    assertEquals(ByteBuffer.wrap(TOKEN), lp.pitToken());
    assertEquals(1, on.cs.exactHits);
    sameEffects();
  }

  @Test
  void everyInterestFieldTheShortPathReadsIsAccepted() {
    store(data("/a/1", 10_000));
    assertAnsweredInPlace(REMOTE, bare(interest("/a/1").mustBeFresh(true).lifetime(100).hopLimit(1)));
    assertAnsweredInPlace(MULTI, bare(interest("/a/1").nonce(7).lifetime(4000).hopLimit(255)));
    assertAnsweredInPlace(LOCAL, bare(interest("/a/1").nonce(8).lifetime(100_000)));
  }

  @Test
  void longInterestWithAThreeOctetLengthIsAnswered() {
    String uri = "/long/" + "x".repeat(230);
    store(data(uri, 0));
    byte[] frame = bare(interest(uri).mustBeFresh(false).lifetime(100_000).hopLimit(9));
    assertEquals((byte) 0xfd, frame[1], "a 3-octet TLV-LENGTH");
    assertAnsweredInPlace(LOCAL, frame);
  }

  @Test
  void frameAtAnOffsetInItsArrayIsAnswered() {
    store(data("/a/1", 0));
    byte[] frame = withToken(interest("/a/1"));
    for (boolean slice : new boolean[] {false, true}) {
      int hits = on.cs.exactHits;
      on.receiveAt(LOCAL, frame, 7, slice);
      off.receiveAt(LOCAL, frame, 7, slice);
      assertEquals(hits + 1, on.cs.exactHits);
      sameEffects();
    }
  }

  @Test
  void readOnlyFrameGoesTheGeneralWay() {
    store(data("/a/1", 0));
    byte[] frame = bare(interest("/a/1"));
    on.transports.get(LOCAL).inject(ByteBuffer.wrap(frame.clone()).asReadOnlyBuffer());
    off.transports.get(LOCAL).inject(ByteBuffer.wrap(frame.clone()).asReadOnlyBuffer());
    assertEquals(0, on.cs.exactHits + on.cs.exactMisses);
    assertEquals(1, on.fw.counters().csHits());
    sameEffects();
  }

  @Test
  void missIsCountedOnceByTheGeneralPath() {
    assertDeclined(LOCAL, bare(interest("/a/1")), true); // an empty store
    store(data("/b", 0));
    assertDeclined(LOCAL, bare(interest("/a/2").nonce(9)), true);
    assertEquals(2, on.cs.counters().misses());
    assertEquals(2, on.fw.counters().csMisses());
    assertEquals(2, on.faces.get(PRODUCER).counters().outInterests(), "forwarded upstream");
  }

  @Test
  void staleDataAnswersOnlyInterestsWithoutMustBeFresh() {
    store(data("/a/1", 50));
    advance(100);
    assertDeclined(LOCAL, bare(interest("/a/1").mustBeFresh(true)), true);
    assertEquals(1, on.fw.counters().csMisses());
    // the MustBeFresh Interest is pending now: the next one goes the general way too, and hits there
    assertDeclined(REMOTE, bare(interest("/a/1").nonce(77)), false);
    assertEquals(1, on.fw.counters().csHits());
    advance(5000);
    assertAnsweredInPlace(REMOTE, bare(interest("/a/1").nonce(78)));
  }

  @Test
  void freshDataAnswersMustBeFreshUntilItsFreshnessPeriodEnds() {
    store(data("/a/1", 50));
    advance(49);
    assertAnsweredInPlace(LOCAL, bare(interest("/a/1").mustBeFresh(true)));
    advance(1);
    assertDeclined(LOCAL, bare(interest("/a/1").mustBeFresh(true).nonce(3)), true);
  }

  @Test
  void selectorsAndFieldsOutsideTheShortPathGoTheGeneralWay() {
    Data d = data("/a/1", 10_000);
    store(d);
    assertDeclined(LOCAL, bare(interest("/a").canBePrefix(true)), false);
    assertDeclined(LOCAL, bare(interest("/a/1").canBePrefix(true).nonce(2)), false);
    assertDeclined(LOCAL, bare(Interest.builder(d.fullName()).nonce(3)), false);
    assertDeclined(LOCAL, bare(Interest.builder(Name.parse("/a/1"))), false); // no Nonce
    assertDeclined(LOCAL, bare(interest("/a/1").nonce(4).forwardingHint(List.of(Name.parse("/hint")))), false);
    assertDeclined(LOCAL, bare(interest("/a/1").nonce(5).applicationParameters(new byte[] {1, 2})), false);
    assertDeclined(LOCAL, bare(interest("/a/1").nonce(6).hopLimit(0)), false);
    assertEquals(1, on.fw.counters().hopLimitZero());
    assertEquals(5, on.fw.counters().csHits(), "the general path answered the others");
    assertEquals(0, on.cs.exactHits);
  }

  @Test
  void nameComponentsOutsideTheShortPathGoTheGeneralWay() {
    Name typed = Name.of(Component.of(300, new byte[] {1}));
    store(Data.builder(typed).content(new byte[1]).signWithDigestSha256());
    assertDeclined(LOCAL, bare(Interest.builder(typed).nonce(1)), false);
    Name longComponent = Name.of(Component.generic(new byte[300]));
    store(Data.builder(longComponent).content(new byte[1]).signWithDigestSha256());
    assertDeclined(LOCAL, bare(Interest.builder(longComponent).nonce(1)), false);
    assertEquals(2, on.fw.counters().csHits());
  }

  @Test
  void deadNonceGoesTheGeneralWayAndIsALoop() {
    store(data("/a/1", 0));
    on.fw.deadNonceList().add(Name.parse("/a/1"), 0x01020304);
    off.fw.deadNonceList().add(Name.parse("/a/1"), 0x01020304);
    assertDeclined(LOCAL, bare(interest("/a/1")), false);
    assertEquals(1, on.fw.counters().loops());
    assertAnsweredInPlace(LOCAL, bare(interest("/a/1").nonce(1)));
  }

  @Test
  void pendingEntryOfAnySelectorsGoesTheGeneralWay() {
    receive(LOCAL, bare(interest("/a/1").canBePrefix(true).mustBeFresh(true))); // forwarded, pending
    store(data("/a/1", 0));
    assertDeclined(REMOTE, bare(interest("/a/1").nonce(2)), false);
    assertEquals(1, on.fw.counters().csHits(), "answered by the general path without an entry of its own");
    assertEquals(1, on.fw.pit().size());
  }

  @Test
  void localhostIsAnsweredOnLocalFacesOnly() {
    store(data("/localhost/x", 0));
    assertDeclined(REMOTE, bare(interest("/localhost/x")), false);
    assertDeclined(MULTI, bare(interest("/localhost/x").nonce(2)), false);
    assertEquals(2, on.fw.counters().localhostViolations());
    assertAnsweredInPlace(LOCAL, bare(interest("/localhost/x").nonce(3)));
    store(data("/localhostx/y", 0));
    assertAnsweredInPlace(REMOTE, bare(interest("/localhostx/y").nonce(4)));
  }

  @Test
  void strategyThatWantsAnEntryForEveryHitTurnsTheShortPathOff() {
    store(data("/a/1", 0));
    on.fw.strategyChoice().set(Name.parse("/z"), "/test/strategy/no-short-hits");
    off.fw.strategyChoice().set(Name.parse("/z"), "/test/strategy/no-short-hits");
    assertDeclined(LOCAL, bare(interest("/a/1")), false);
    assertEquals(1, on.fw.counters().csHits());
    on.fw.strategyChoice().unset(Name.parse("/z"));
    off.fw.strategyChoice().unset(Name.parse("/z"));
    assertEquals(0, on.fw.pit().size(), "the hit's entry, finalized when its Interest's pipelines ended");
    assertAnsweredInPlace(LOCAL, bare(interest("/a/1").nonce(2)));
  }

  @Test
  void storeNotServingGoesTheGeneralWay() {
    store(data("/a/1", 0));
    on.cs.setServeEnabled(false);
    off.cs.setServeEnabled(false);
    assertDeclined(LOCAL, bare(interest("/a/1")), true);
    assertEquals(1, on.cs.counters().misses());
  }

  @Test
  void malformedFramesAreDroppedByTheGeneralPath() {
    store(data("/a/1", 0));
    byte[] good = bare(interest("/a/1"));
    assertDeclined(LOCAL, Arrays.copyOf(good, good.length - 1), false);
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    assertDeclined(LOCAL, trailing, false);
    byte[] badNonce = good.clone();
    badNonce[badNonce.length - 5] = 3; // Nonce TLV-LENGTH 3
    assertDeclined(LOCAL, badNonce, false);
    assertDeclined(LOCAL, new byte[] {5}, false);
    assertDeclined(LOCAL, new byte[] {0x64, 2, 0x62, 0}, false);
    assertEquals(5, on.faces.get(LOCAL).counters().drops(FaceDrop.MALFORMED));
    assertEquals(0, on.fw.counters().inInterests());
  }

  @Test
  void lpPacketsWithOtherFieldsGoTheGeneralWay() {
    store(data("/a/1", 0));
    Interest i = interest("/a/1").build();
    assertDeclined(LOCAL, bytes(LpPacket.builder().fragment(i.wire()).encode()), false);
    assertDeclined(LOCAL, bytes(LpPacket.builder().pitToken(TOKEN).congestionMark(1).fragment(i.wire()).encode()),
        false);
    assertDeclined(LOCAL, bytes(LpPacket.builder().sequence(1).pitToken(TOKEN).fragment(i.wire()).encode()), false);
    assertDeclined(LOCAL, bytes(LpPacket.builder().pitToken(TOKEN).nack(NackReason.NO_ROUTE).fragment(i.wire())
        .encode()), false);
    assertEquals(3, on.fw.counters().csHits());
    assertEquals(1, on.fw.counters().inNacks());
  }

  @Test
  void dataFramesAreNotOffered() {
    receive(LOCAL, bytes(data("/a/1", 0).wire())); // unsolicited from a local face: cached
    assertEquals(0, on.cs.exactHits + on.cs.exactMisses);
    assertEquals(1, on.cs.size());
    sameEffects();
  }

  @Test
  void faceDownCountsTheDropAsTheGeneralPathDoes() {
    assertFalse(on.faces.isEmpty());
    store(data("/a/1", 0));
    assertTrue(on.fw.answerInPlace(on.faces.get(LOCAL), bare(interest("/a/1")), 0, bare(interest("/a/1")).length));
    on.faces.get(REMOTE).close();
    byte[] frame = bare(interest("/a/1").nonce(2));
    assertTrue(on.fw.answerInPlace(on.faces.get(REMOTE), frame, 0, frame.length));
    assertEquals(1, on.faces.get(REMOTE).counters().drops(FaceDrop.FACE_DOWN));
    assertEquals(2, on.fw.counters().outData(), "counted by the forwarder, as sendDataOut does");
  }
}
