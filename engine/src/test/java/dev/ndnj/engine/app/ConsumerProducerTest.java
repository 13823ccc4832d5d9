package dev.ndnj.engine.app;

import static dev.ndnj.engine.app.ManualEngine.data;
import static dev.ndnj.engine.app.ManualEngine.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.mem.RecordingTransport;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerProducerTest {
  private final ManualEngine m = new ManualEngine();

  private static Name name(String uri) {
    return Name.parse(uri);
  }

  private static Interest interest(String uri, long lifetime) {
    return Interest.builder(name(uri)).lifetime(lifetime).build();
  }

  @Test
  void appFaceIsALocalPointToPointFaceInTheFaceTable() {
    Face f = m.engine.consumer().face().face();
    assertTrue(f.id() >= 256);
    assertEquals(FaceScope.LOCAL, f.scope());
    assertEquals(LinkType.POINT_TO_POINT, f.linkType());
    assertEquals(AppFace.REMOTE_URI, f.remoteUri());
    assertEquals(f, m.engine.forwarder().faceTable().get(f.id()));
  }

  @Test
  void synchronousAnswerCompletesTheExpression() {
    m.engine.producer().produce(name("/a"), (i, r) -> r.data(data(i.name(), "hello")));
    Promise<Data> p = m.engine.consumer().express(name("/a/b"));
    m.settle();
    assertTrue(p.isDone());
    assertEquals(name("/a/b"), p.value().name());
    assertEquals("hello", text(p.value()));
    assertEquals(0, m.engine.consumer().pendingCount());
    assertEquals(1, m.engine.consumer().counters().satisfied());
  }

  @Test
  void theDataObjectCrossesTheAppFacesWithoutACopy() {
    Data answer = data(name("/same/object"), "x");
    AppFace producerFace = m.engine.newAppFace();
    producerFace.producer().produce(name("/same"), (i, r) -> r.data(answer));
    Promise<Data> p = m.engine.newAppFace().consumer().express(name("/same/object"));
    m.settle();
    assertTrue(p.value() == answer, "the consumer gets the producer's Data instance");
  }

  @Test
  void delayedAnswerCompletesLater() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/slow"), (i, r) -> held.add(r));
    Promise<Data> p = m.engine.consumer().express(interest("/slow/x", 2000));
    m.settle();
    assertEquals(1, held.size());
    assertFalse(p.isDone());
    m.clock.advance(500);
    Responder r = held.get(0);
    r.data(data(r.interest().name(), "late"));
    m.settle();
    assertEquals("late", text(p.value()));
  }

  @Test
  void answeringTwiceIsAnError() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/twice"), (i, r) -> held.add(r));
    m.engine.consumer().express(name("/twice/x"));
    m.settle();
    Responder r = held.get(0);
    r.data(data(r.interest().name(), "one"));
    assertTrue(r.isAnswered());
    assertThrows(IllegalStateException.class, () -> r.data(data(r.interest().name(), "two")));
    assertThrows(IllegalStateException.class, () -> r.nack(NackReason.CONGESTION));
  }

  @Test
  void noRouteIsANackException() {
    Promise<Data> p = m.engine.consumer().express(name("/nowhere"));
    m.settle();
    NackException e = assertInstanceOf(NackException.class, p.error());
    assertEquals(NackReason.NO_ROUTE, e.reason());
    assertEquals("NoRoute", e.reasonName());
    assertEquals(name("/nowhere"), e.interest().name());
    assertEquals(1, m.engine.consumer().counters().nacked());
  }

  @Test
  void producerNackReachesTheConsumer() {
    m.engine.producer().produce(name("/busy"), (i, r) -> r.nack(NackReason.CONGESTION));
    Promise<Data> p = m.engine.newAppFace().consumer().express(name("/busy/x"));
    m.settle();
    assertEquals(NackReason.CONGESTION, assertInstanceOf(NackException.class, p.error()).reason());
  }

  @Test
  void timeoutAfterTheInterestLifetime() {
    m.engine.producer().produce(name("/silent"), (i, r) -> { });
    Promise<Data> p = m.engine.newAppFace().consumer().express(interest("/silent/x", 1000));
    m.settle();
    m.clock.advance(999);
    assertFalse(p.isDone());
    m.clock.advance(1);
    InterestTimeoutException e = assertInstanceOf(InterestTimeoutException.class, p.error());
    assertEquals(1, e.attempts());
    assertEquals(name("/silent/x"), e.interest().name());
  }

  @Test
  void retransmissionWithANewNonceThenSuccess() {
    List<Integer> nonces = new ArrayList<>();
    m.engine.producer().produce(name("/flaky"), (i, r) -> {
      nonces.add(i.nonce());
      if (nonces.size() == 2) {
        r.data(data(i.name(), "second time"));
      }
    });
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> p = c.express(interest("/flaky/x", 1000), ExpressOptions.retries(2));
    m.settle();
    assertEquals(1, nonces.size());
    m.clock.advance(1000);
    assertEquals(2, nonces.size());
    assertNotEquals(nonces.get(0), nonces.get(1));
    assertEquals("second time", text(p.value()));
    assertEquals(1, c.counters().retransmitted());
  }

  @Test
  void retransmissionsExhaustedIsATimeout() {
    List<Interest> seen = new ArrayList<>();
    m.engine.producer().produce(name("/silent"), (i, r) -> seen.add(i));
    Promise<Data> p = m.engine.newAppFace().consumer().express(interest("/silent/y", 1000), ExpressOptions.retries(2));
    m.settle();
    m.clock.advance(2999);
    assertFalse(p.isDone());
    assertEquals(3, seen.size());
    m.clock.advance(1);
    assertEquals(3, assertInstanceOf(InterestTimeoutException.class, p.error()).attempts());
  }

  @Test
  void twoConsumersAreAggregatedIntoOneInterestToTheProducer() {
    List<Responder> held = new ArrayList<>();
    AppFace producerFace = m.engine.newAppFace();
    producerFace.producer().produce(name("/agg"), (i, r) -> held.add(r));
    Promise<Data> p1 = m.engine.newAppFace().consumer().express(name("/agg/x"));
    Promise<Data> p2 = m.engine.newAppFace().consumer().express(name("/agg/x"));
    m.settle();
    assertEquals(1, held.size(), "the producer's handler is called once");
    assertEquals(1, producerFace.face().counters().outInterests());
    held.get(0).data(data(name("/agg/x"), "both"));
    m.settle();
    assertEquals("both", text(p1.value()));
    assertEquals("both", text(p2.value()));
  }

  @Test
  void responsesFindTheirExpressionByPitToken() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/t"), (i, r) -> held.add(r));
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> p1 = c.express(name("/t/1"));
    Promise<Data> p2 = c.express(name("/t/2"));
    Promise<Data> p3 = c.express(name("/t/3"));
    m.settle();
    assertEquals(3, held.size());
    held.get(2).data(data(name("/t/3"), "three"));
    held.get(1).nack(NackReason.CONGESTION);
    held.get(0).data(data(name("/t/1"), "one"));
    m.settle();
    assertEquals("one", text(p1.value()));
    assertInstanceOf(NackException.class, p2.error());
    assertEquals("three", text(p3.value()));
    assertEquals(0, c.pendingCount());
  }

  @Test
  void producedDataReachesEachRemoteDownstreamWithItsOwnPitToken() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/remote"), (i, r) -> held.add(r));
    RecordingTransport t1 = new RecordingTransport();
    RecordingTransport t2 = new RecordingTransport();
    GenericLinkService.Options options = new GenericLinkService.Options(m.clock, m.clock, () -> 1);
    Face f1 = new Face(new GenericLinkService(options), t1);
    m.engine.forwarder().faceTable().add(f1);
    m.engine.forwarder().faceTable().add(new Face(new GenericLinkService(options), t2));
    t1.inject(LpPacket.builder().pitToken(new byte[] {1, 1}).fragment(
        Interest.builder(name("/remote/x")).nonce(1).build().wire()).build());
    t2.inject(LpPacket.builder().pitToken(new byte[] {2, 2, 2}).fragment(
        Interest.builder(name("/remote/x")).nonce(2).build().wire()).build());
    m.settle();
    assertEquals(1, held.size());
    assertEquals(f1.id(), held.get(0).ingressFaceId(), "the first downstream's transmission went up");
    held.get(0).data(data(name("/remote/x"), "to both"));
    m.settle();
    assertEquals(1, t1.sentData().size());
    assertEquals(1, t2.sentData().size());
    assertEquals(java.nio.ByteBuffer.wrap(new byte[] {1, 1}), t1.sentPacket(0).pitToken());
    assertEquals(java.nio.ByteBuffer.wrap(new byte[] {2, 2, 2}), t2.sentPacket(0).pitToken());
  }

  @Test
  void dataWithMalformedSignatureElementsIsForwardedButNotHandedToTheApplication() {
    RecordingTransport up = new RecordingTransport();
    RecordingTransport down = new RecordingTransport();
    GenericLinkService.Options options = new GenericLinkService.Options(m.clock, m.clock, () -> 1);
    Face upstream = new Face(new GenericLinkService(options), up);
    m.engine.forwarder().faceTable().add(upstream);
    m.engine.forwarder().faceTable().add(new Face(new GenericLinkService(options), down));
    m.engine.forwarder().fib().addOrUpdateNextHop(name("/m"), upstream, 0);
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> p = c.express(name("/m/x"));
    down.inject(Interest.builder(name("/m/x")).nonce(7).build());
    m.settle();
    assertEquals(1, up.sentInterests().size());
    // Name /m/x, empty Content, a SignatureInfo without SignatureType, an empty SignatureValue
    byte[] bad = {0x06, 0x0e, 0x07, 0x06, 0x08, 0x01, 'm', 0x08, 0x01, 'x', 0x15, 0x00, 0x16, 0x00, 0x17, 0x00};
    up.inject(bad);
    m.settle();
    // forwarding does not read the signature elements: the network downstream gets the packet as it came
    assertEquals(1, down.sentFrames().size());
    assertEquals(java.nio.ByteBuffer.wrap(bad), down.sentFrames().get(0));
    // the application face checks them: dropped and counted, the expression stays pending
    assertEquals(1, c.counters().malformed());
    assertEquals(0, c.counters().satisfied());
    assertFalse(p.isDone());
    assertEquals(1, c.pendingCount());
  }

  @Test
  void oneDataSatisfiesEveryMatchingExpressionOfTheFace() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/p"), (i, r) -> held.add(r));
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> prefix = c.express(Interest.builder(name("/p")).canBePrefix(true).build());
    Promise<Data> exact = c.express(name("/p/x"));
    Promise<Data> again = c.express(name("/p/x"));
    m.settle();
    held.get(held.size() - 1).data(data(name("/p/x"), "shared"));
    m.settle();
    assertEquals("shared", text(prefix.value()));
    assertEquals("shared", text(exact.value()));
    assertEquals("shared", text(again.value()));
    assertEquals(0, c.pendingCount());
  }

  @Test
  void aResponseWithoutPitTokenIsMatchedByName() {
    m.engine.producer().produce(name("/q"), (i, r) -> { });
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> p = c.express(name("/q/x"));
    Promise<Data> other = c.express(name("/q/y"));
    m.settle();
    c.onData(data(name("/q/x"), "no token"), -1);
    assertEquals("no token", text(p.value()));
    assertFalse(other.isDone());
    c.onData(data(name("/q/z"), "nobody"), -1);
    assertEquals(1, c.counters().unmatched());
    c.onNack(Interest.builder(name("/q/y")).build(), NackReason.DUPLICATE, -1);
    assertEquals(NackReason.DUPLICATE, assertInstanceOf(NackException.class, other.error()).reason());
  }

  @Test
  void pitTokensAreFourOctetCounters() {
    assertEquals(4, Consumer.tokenBuffer(7).remaining());
    assertEquals(0xfffffffeL, Consumer.tokenValue(Consumer.tokenBuffer(-2)));
    assertEquals(-1, Consumer.tokenValue(null));
    assertEquals(-1, Consumer.tokenValue(java.nio.ByteBuffer.wrap(new byte[8])));
  }

  @Test
  void closingTheRegistrationRemovesTheRoute() {
    Registration reg = m.engine.producer().produce(name("/r"), (i, r) -> r.data(data(i.name(), "x")));
    m.settle();
    assertEquals(1, m.engine.forwarder().fib().findExactMatch(name("/r")).nextHops().size());
    reg.close();
    m.settle();
    assertTrue(reg.isClosed());
    assertNull(m.engine.forwarder().fib().findExactMatch(name("/r")));
    Promise<Data> p = m.engine.newAppFace().consumer().express(name("/r/x"));
    m.settle();
    assertEquals(NackReason.NO_ROUTE, assertInstanceOf(NackException.class, p.error()).reason());
  }

  @Test
  void longestRegisteredPrefixGetsTheInterest() {
    List<String> calls = new ArrayList<>();
    Producer producer = m.engine.producer();
    producer.produce(name("/l"), (i, r) -> calls.add("short"));
    producer.produce(name("/l/m"), (i, r) -> calls.add("long"));
    m.engine.newAppFace().consumer().express(name("/l/m/n"));
    m.engine.newAppFace().consumer().express(name("/l/o"));
    m.settle();
    assertEquals(List.of("long", "short"), calls);
  }

  @Test
  void validatorRejectsOrAcceptsTheData() {
    m.engine.producer().produce(name("/v"), (i, r) -> r.data(data(i.name(), i.name().get(-1).toString())));
    Consumer c = m.engine.newAppFace().consumer();
    c.setValidator(DataValidator.of(d -> text(d).equals("bad") ? "content is bad" : null));
    Promise<Data> good = c.express(name("/v/good"));
    Promise<Data> bad = c.express(name("/v/bad"));
    m.settle();
    assertEquals("good", text(good.value()));
    ValidationException e = assertInstanceOf(ValidationException.class, bad.error());
    assertTrue(e.getMessage().contains("content is bad"));
    assertEquals(name("/v/bad"), e.data().name());
    assertEquals(1, c.counters().rejected());
  }

  @Test
  void asynchronousValidatorCompletesTheExpressionWhenItDecides() {
    m.engine.producer().produce(name("/w"), (i, r) -> r.data(data(i.name(), "x")));
    Consumer c = m.engine.newAppFace().consumer();
    List<Promise<Void>> verdicts = new ArrayList<>();
    c.setValidator(d -> {
      Promise<Void> v = new Promise<>();
      verdicts.add(v);
      return v;
    });
    Promise<Data> ok = c.express(name("/w/1"));
    Promise<Data> ko = c.express(name("/w/2"));
    m.settle();
    assertEquals(2, verdicts.size());
    assertFalse(ok.isDone());
    verdicts.get(0).complete(null);
    verdicts.get(1).fail(new IllegalArgumentException("untrusted key"));
    m.settle();
    assertEquals(name("/w/1"), ok.value().name());
    assertInstanceOf(IllegalArgumentException.class,
        assertInstanceOf(ValidationException.class, ko.error()).getCause());
  }

  @Test
  void cancellingAnExpressionDropsItsLateData() {
    List<Responder> held = new ArrayList<>();
    m.engine.producer().produce(name("/c"), (i, r) -> held.add(r));
    Consumer c = m.engine.newAppFace().consumer();
    Promise<Data> p = c.express(name("/c/x"));
    m.settle();
    assertTrue(p.cancel());
    assertTrue(p.isCancelled());
    held.get(0).data(data(name("/c/x"), "late"));
    m.settle();
    assertEquals(1, c.counters().unmatched());
    assertEquals(0, c.counters().satisfied());
  }

  @Test
  void closingTheAppFaceFailsPendingExpressionsAndDropsRoutes() {
    AppFace face = m.engine.newAppFace();
    face.producer().produce(name("/gone"), (i, r) -> { });
    m.engine.newAppFace().consumer().express(name("/gone/x"));
    m.engine.producer().produce(name("/elsewhere"), (i, r) -> { });
    Promise<Data> pending = face.consumer().express(interest("/elsewhere/x", 4000));
    m.settle();
    face.close();
    m.settle();
    assertTrue(face.isClosed());
    assertInstanceOf(IllegalStateException.class, pending.error());
    assertNull(m.engine.forwarder().fib().findExactMatch(name("/gone")));
    assertNull(m.engine.forwarder().faceTable().get(face.face().id()));
    Promise<Data> after = face.consumer().express(name("/elsewhere/y"));
    m.settle();
    assertInstanceOf(IllegalStateException.class, after.error());
  }

  @Test
  void closedEngineFailsExpressionsAndRefusesNewFaces() {
    Consumer c = m.engine.consumer();
    m.engine.producer().produce(name("/e"), (i, r) -> { });
    Promise<Data> pending = c.express(name("/e/x"));
    m.settle();
    m.engine.close();
    m.settle();
    assertInstanceOf(IllegalStateException.class, pending.error());
    assertEquals(0, m.engine.forwarder().faceTable().size());
    assertThrows(IllegalStateException.class, m.engine::newAppFace);
    assertInstanceOf(IllegalStateException.class, c.express(name("/e/y")).error());
  }
}
