package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.FaceEventKind;
import dev.ndnj.tlv.mgmt.FaceEventNotification;
import dev.ndnj.tlv.mgmt.FaceFlags;
import dev.ndnj.tlv.mgmt.FaceQueryFilter;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.RouteFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** faces/create, update, destroy, list, query and events. */
class FacesModuleTest {
  /** A face creator double: udp4 makes non-local faces, unix local ones, 192.0.2.99 fails to connect. */
  private final class FakeCreator implements FaceCreator {
    final List<FaceCreateRequest> requests = new ArrayList<>();
    CompletableFuture<Face> held;

    @Override
    public CompletableFuture<Face> createFace(FaceCreateRequest r) {
      requests.add(r);
      for (Face f : fx.engine.forwarder().faceTable().faces()) {
        if (f.remoteUri().equals(r.remoteUri())) {
          return CompletableFuture.completedFuture(f); // exists already
        }
      }
      switch (r.scheme()) {
        case "udp4":
          if (r.remoteUri().contains("192.0.2.99")) {
            return CompletableFuture.failedFuture(new FaceCreationException(504, "Connect failed"));
          }
          return CompletableFuture.completedFuture(
              TestFace.detached(FaceScope.NON_LOCAL, r.remoteUri(), "udp4://192.0.2.1:6363", 1400).face());
        case "unix":
          return CompletableFuture.completedFuture(
              TestFace.detached(FaceScope.LOCAL, r.remoteUri(), "unix:///run/nfd.sock", -1).face());
        case "tcp4":
          held = new CompletableFuture<>();
          return held;
        default:
          return CompletableFuture.failedFuture(new FaceCreationException(406, "Unsupported protocol"));
      }
    }
  }

  private final FakeCreator creator = new FakeCreator();
  private final MgmtFixture fx = new MgmtFixture(new ManagementConfig(), null, creator);
  private final TestFace app = fx.localFace();

  private static ControlParameters uri(String uri) {
    return ControlParameters.builder().uri(uri).build();
  }

  @Test
  void createMakesAFaceAndAnswersItsProperties() {
    ControlResponse r = fx.command(app, "faces", "create", uri("udp4://192.0.2.5:6363"));
    assertCode(200, r);
    ControlParameters body = r.bodyAsControlParameters();
    Face f = fx.mgmt.face(body.faceId());
    assertNotNull(f);
    assertTrue(f.id() >= FaceTable.FIRST_DYNAMIC);
    assertEquals("udp4://192.0.2.5:6363", body.uri());
    assertEquals("udp4://192.0.2.1:6363", body.localUri());
    assertEquals(dev.ndnj.tlv.mgmt.FacePersistency.PERSISTENT, body.facePersistency());
    assertEquals(0, body.flags());
    assertFalse(body.hasMask());
    assertFalse(body.hasMtu(), "older ndn-cxx refuses a create response with Mtu");
    assertEquals(1400, fx.mgmt.face(body.faceId()).transport().mtu());
    FaceCreateRequest req = creator.requests.get(0);
    assertEquals(FacePersistency.PERSISTENT, req.persistency());
    assertNull(req.localUri());
    assertEquals(-1, req.mtu());
  }

  @Test
  void createPassesPersistencyMtuAndLocalFieldsToTheCreator() {
    ControlParameters p = ControlParameters.builder().uri("unix:///run/app.sock").localUri("unix:///run/nfd.sock")
        .facePersistency(dev.ndnj.tlv.mgmt.FacePersistency.PERMANENT).mtu(8000)
        .flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build();
    ControlResponse r = fx.command(app, "faces", "create", p);
    assertCode(200, r);
    FaceCreateRequest req = creator.requests.get(0);
    assertEquals(FacePersistency.PERMANENT, req.persistency());
    assertEquals(8000, req.mtu());
    assertTrue(req.wantLocalFields());
    assertEquals("unix:///run/nfd.sock", req.localUri());
    assertEquals(FaceFlags.LOCAL_FIELDS_ENABLED, r.bodyAsControlParameters().flags());
    assertTrue(fx.mgmt.face(r.bodyAsControlParameters().faceId()).localFieldsEnabled());
  }

  @Test
  void createOfAnExistingFaceIs409WithThatFace() {
    ControlResponse first = fx.command(app, "faces", "create", uri("udp4://192.0.2.5:6363"));
    ControlResponse again = fx.command(app, "faces", "create", uri("udp4://192.0.2.5:6363"));
    assertCode(409, again);
    assertEquals(first.bodyAsControlParameters().faceId(), again.bodyAsControlParameters().faceId());
  }

  @Test
  void createFailuresCarryTheCreatorsStatus() {
    assertCode(504, fx.command(app, "faces", "create", uri("udp4://192.0.2.99:6363")));
    ControlResponse r = fx.command(app, "faces", "create", uri("ether://[01:00:5e:00:17:aa]"));
    assertCode(406, r);
    assertEquals("Unsupported protocol", r.text());
    assertCode(400, fx.command(app, "faces", "create", uri("not a uri")));
  }

  @Test
  void createWithoutCreatorIs406() {
    MgmtFixture plain = new MgmtFixture();
    TestFace a = plain.localFace();
    assertCode(406, plain.command(a, "faces", "create", uri("udp4://192.0.2.5:6363")));
  }

  @Test
  void createOfLocalFieldsOnANonLocalFaceIs406AndNoFaceIsAdded() {
    int before = fx.engine.forwarder().faceTable().size();
    ControlParameters p = ControlParameters.builder().uri("udp4://192.0.2.6:6363")
        .flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build();
    assertCode(406, fx.command(app, "faces", "create", p));
    assertEquals(before, fx.engine.forwarder().faceTable().size());
  }

  @Test
  void createCompletesLaterFromAnotherThread() throws Exception {
    Interest i = fx.signer.v03(MgmtFixture.commandName("faces", "create", uri("tcp4://192.0.2.8:6363")));
    assertNull(fx.express(app, i));
    Face made = TestFace.detached(FaceScope.NON_LOCAL, "tcp4://192.0.2.8:6363", "tcp4://192.0.2.1:6363", -1).face();
    Thread t = new Thread(() -> creator.held.complete(made));
    t.start();
    t.join();
    fx.settle();
    assertEquals(1, app.data.size());
    ControlResponse r = ControlResponse.decode(app.data.get(0).content());
    assertCode(200, r);
    assertEquals(made.id(), r.bodyAsControlParameters().faceId());
    assertEquals(made, fx.engine.forwarder().faceTable().get(made.id()));
  }

  @Test
  void createWithFlagsButNoMaskIs400() {
    ControlParameters p = ControlParameters.builder().uri("udp4://192.0.2.5:6363").flags(1).build();
    assertCode(400, fx.command(app, "faces", "create", p));
  }

  @Test
  void updateWithoutFaceIdAppliesToTheRequestingFace() {
    assertFalse(app.face().localFieldsEnabled());
    ControlParameters p = ControlParameters.builder().flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build();
    ControlResponse r = fx.command(app, "faces", "update", p);
    assertCode(200, r);
    assertTrue(app.face().localFieldsEnabled());
    ControlParameters body = r.bodyAsControlParameters();
    assertEquals(app.id(), body.faceId());
    assertEquals(FaceFlags.LOCAL_FIELDS_ENABLED, body.flags());
    assertFalse(body.hasUri(), "update answers without URIs");
    // and off again, with FaceId 0 meaning the same
    ControlParameters off = ControlParameters.builder().faceId(0)
        .flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, false).build();
    assertCode(200, fx.command(app, "faces", "update", off));
    assertFalse(app.face().localFieldsEnabled());
  }

  @Test
  void enablingLocalFieldsMakesIncomingFaceIdReachTheApplication() {
    // what NDNts and ndn-cxx applications do before relying on IncomingFaceId
    ControlParameters p = ControlParameters.builder().flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build();
    assertCode(200, fx.command(app, "faces", "update", p));
    assertTrue(app.face().localFieldsEnabled());
  }

  @Test
  void updateOfAnotherFaceByIdChangesPersistency() {
    TestFace other = fx.remoteFace();
    ControlParameters p = ControlParameters.builder().faceId(other.id())
        .facePersistency(dev.ndnj.tlv.mgmt.FacePersistency.PERMANENT).build();
    ControlResponse r = fx.command(app, "faces", "update", p);
    assertCode(200, r);
    assertEquals(FacePersistency.PERMANENT, other.face().persistency());
    assertEquals(dev.ndnj.tlv.mgmt.FacePersistency.PERMANENT, r.bodyAsControlParameters().facePersistency());
  }

  @Test
  void updateRefusesLocalFieldsOnANonLocalFaceWith409() {
    TestFace remote = fx.remoteFace();
    ControlParameters p = ControlParameters.builder().faceId(remote.id())
        .flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build();
    ControlResponse r = fx.command(app, "faces", "update", p);
    assertCode(409, r);
    assertTrue(r.bodyAsControlParameters().flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED));
    assertFalse(remote.face().localFieldsEnabled());
  }

  @Test
  void updateOfAnUnknownFaceIs404() {
    assertCode(404, fx.command(app, "faces", "update", ControlParameters.builder().faceId(9999).build()));
  }

  @Test
  void updateCannotChangeTheInternalFace() {
    ControlParameters p = ControlParameters.builder().faceId(FaceTable.INTERNAL)
        .facePersistency(dev.ndnj.tlv.mgmt.FacePersistency.ON_DEMAND).build();
    assertCode(409, fx.command(app, "faces", "update", p));
  }

  @Test
  void destroyClosesTheFaceAndItsRoutesGo() {
    TestFace victim = fx.remoteFace();
    assertCode(200, fx.command(app, "rib", "register", ControlParameters.builder().name(Name.parse("/v"))
        .faceId(victim.id()).flags(RouteFlags.CHILD_INHERIT).build()));
    assertNotNull(fx.engine.forwarder().fib().findExactMatch(Name.parse("/v")));
    ControlResponse r = fx.command(app, "faces", "destroy", ControlParameters.builder().faceId(victim.id()).build());
    assertCode(200, r);
    assertEquals(victim.id(), r.bodyAsControlParameters().faceId());
    assertNull(fx.engine.forwarder().faceTable().get(victim.id()));
    assertNull(fx.mgmt.rib().find(Name.parse("/v")));
    assertNull(fx.engine.forwarder().fib().findExactMatch(Name.parse("/v")));
    // destroying a face that is not there succeeds too, as in NFD
    assertCode(200, fx.command(app, "faces", "destroy", ControlParameters.builder().faceId(victim.id()).build()));
  }

  @Test
  void destroyRefusesReservedFacesAndFaceIdZero() {
    assertCode(409, fx.command(app, "faces", "destroy", ControlParameters.builder().faceId(1).build()));
    assertNotNull(fx.engine.forwarder().faceTable().get(1));
    assertCode(400, fx.command(app, "faces", "destroy", ControlParameters.builder().faceId(0).build()));
  }

  @Test
  void listHasEveryFaceWithItsCounters() {
    TestFace remote = fx.remoteFace();
    List<FaceStatus> faces = fx.dataset(app, "faces/list", FaceStatus::decode);
    assertEquals(3, faces.size());
    FaceStatus internal = faces.get(0);
    assertEquals(FaceTable.INTERNAL, internal.faceId());
    assertEquals("internal://", internal.remoteUri());
    assertEquals(dev.ndnj.tlv.mgmt.FaceScope.LOCAL, internal.faceScope());
    FaceStatus me = faces.get(1);
    assertEquals(app.id(), me.faceId());
    assertEquals("unix:///run/test.sock", me.remoteUri());
    assertEquals("unix:///run/nfd.sock", me.localUri());
    assertEquals(1, me.nInInterests(), "the faces/list Interest itself");
    assertEquals(8800, me.mtu());
    FaceStatus r = faces.get(2);
    assertEquals(remote.id(), r.faceId());
    assertEquals(dev.ndnj.tlv.mgmt.FaceScope.NON_LOCAL, r.faceScope());
    assertEquals(dev.ndnj.tlv.mgmt.LinkType.POINT_TO_POINT, r.linkType());
    assertEquals(dev.ndnj.tlv.mgmt.FacePersistency.PERSISTENT, r.facePersistency());
  }

  @Test
  void queryFiltersFaces() {
    TestFace remote = fx.remoteFace();
    Name q = Name.parse("/localhost/nfd/faces/query")
        .append(Component.generic(FaceQueryFilter.builder().uriScheme("udp4").build().encode()));
    List<FaceStatus> udp = dev.ndnj.tlv.mgmt.Dataset.decode(java.nio.ByteBuffer.wrap(fx.fetch(app, q)),
        FaceStatus::decode);
    assertEquals(1, udp.size());
    assertEquals(remote.id(), udp.get(0).faceId());
    Name byScope = Name.parse("/localhost/nfd/faces/query").append(Component.generic(FaceQueryFilter.builder()
        .faceScope(dev.ndnj.tlv.mgmt.FaceScope.LOCAL).build().encode()));
    List<FaceStatus> local = dev.ndnj.tlv.mgmt.Dataset.decode(java.nio.ByteBuffer.wrap(fx.fetch(app, byScope)),
        FaceStatus::decode);
    assertEquals(2, local.size(), "internal face and the app's face");
  }

  @Test
  void malformedQueryFilterIsRefusedWith400InANackData() {
    Name q = Name.parse("/localhost/nfd/faces/query").append(Component.generic(new byte[] {0x42, 0x00}));
    Data d = fx.express(app, fx.datasetInterest(q));
    assertNotNull(d);
    assertEquals(TlvTypes.CONTENT_TYPE_NACK, d.contentType());
    assertCode(400, ControlResponse.decode(d.content()));
    Data noFilter = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/faces/query")));
    assertNotNull(noFilter);
    assertCode(400, ControlResponse.decode(noFilter.content()));
  }

  @Test
  void channelsListsWhatTheForwarderProcessSays() {
    assertEquals(0, fx.fetch(app, Name.parse("/localhost/nfd/faces/channels")).length);
    MgmtFixture f = new MgmtFixture(new dev.ndnj.engine.platform.ManualClock(), new ManagementConfig(), null, null,
        b -> b.channels(() -> List.of("udp4://0.0.0.0:6363", "ws://0.0.0.0:9696")));
    byte[] payload = f.fetch(f.localFace(), Name.parse("/localhost/nfd/faces/channels"));
    // ChannelStatus (0x82) { LocalUri (0x81) }, one after the other
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(payload);
    List<String> uris = dev.ndnj.tlv.mgmt.Dataset.decode(b, (buf, off, end, base) -> {
      assertEquals(0x82, buf.get(off) & 0xff);
      int v = dev.ndnj.tlv.Tlv.valueStart(buf, off);
      assertEquals(0x81, buf.get(v) & 0xff);
      int uv = dev.ndnj.tlv.Tlv.valueStart(buf, v);
      return new String(dev.ndnj.tlv.Tlv.copy(buf, uv, end - uv), java.nio.charset.StandardCharsets.UTF_8);
    });
    assertEquals(List.of("udp4://0.0.0.0:6363", "ws://0.0.0.0:9696"), uris);
  }

  @Test
  void eventsAreNotifiedBySequenceNumber() {
    Name stream = Name.parse("/localhost/nfd/faces/events");
    fx.clock.advance(2000); // the creation of 'app' (seq=0) is no longer fresh
    // a subscriber's first Interest waits: nothing fresh to give
    assertNull(fx.express(app, Interest.builder(stream).canBePrefix(true).mustBeFresh(true).nonce(76)
        .lifetime(10_000).build()));
    TestFace created = fx.remoteFace();
    fx.settle();
    assertEquals(1, app.data.size(), "the waiting Interest got the creation");
    Data first = app.data.get(0);
    assertEquals(stream.append(Component.sequenceNumber(1)), first.name());
    assertTrue(first.freshnessPeriod() > 0);
    FaceEventNotification ev = FaceEventNotification.decode(first.content());
    assertEquals(FaceEventKind.CREATED, ev.kind());
    assertEquals(created.id(), ev.faceId());
    assertEquals("udp4://192.0.2.7:6363", ev.remoteUri());
    assertEquals(dev.ndnj.tlv.mgmt.FaceScope.NON_LOCAL, ev.faceScope());

    // the next one is asked for by sequence number before it exists
    app.clear();
    Interest next = Interest.builder(stream.append(Component.sequenceNumber(2))).nonce(77).build();
    app.send(next);
    fx.settle();
    assertTrue(app.data.isEmpty());
    created.close();
    fx.settle();
    assertEquals(1, app.data.size());
    FaceEventNotification gone = FaceEventNotification.decode(app.data.get(0).content());
    assertEquals(FaceEventKind.DESTROYED, gone.kind());
    assertEquals(created.id(), gone.faceId());

    // kept notifications are answered at once
    Data again = fx.express(app, Interest.builder(stream.append(Component.sequenceNumber(1))).nonce(78).build());
    assertNotNull(again);
    assertEquals(FaceEventKind.CREATED, FaceEventNotification.decode(again.content()).kind());
    assertEquals(3, fx.mgmt.counters().notificationsPosted());
  }

  @Test
  void upAndDownAreReportedThroughTheDispatcher() {
    TestFace f = fx.remoteFace();
    Name stream = Name.parse("/localhost/nfd/faces/events");
    // seq=0 is the creation of 'app', seq=1 that of 'f'
    Interest wait = Interest.builder(stream.append(Component.sequenceNumber(2))).nonce(5).build();
    app.send(wait);
    fx.settle();
    fx.mgmt.faceStateChanged(f.face(), false);
    fx.settle();
    assertEquals(1, app.data.size());
    assertEquals(FaceEventKind.DOWN, FaceEventNotification.decode(app.data.get(0).content()).kind());
  }

  @Test
  void eventsOfACreateCommandReachASubscriber() {
    Interest sub = Interest.builder(Name.parse("/localhost/nfd/faces/events")).canBePrefix(true).mustBeFresh(true)
        .nonce(3).build();
    TestFace monitor = fx.localFace();
    fx.settle();
    monitor.clear();
    // the creation of 'monitor' itself is fresh: a subscriber gets it at once
    Data latest = fx.express(monitor, sub);
    assertNotNull(latest);
    fx.clock.advance(2000); // nothing fresh any more
    monitor.clear();
    Interest sub2 = Interest.builder(Name.parse("/localhost/nfd/faces/events")).canBePrefix(true).mustBeFresh(true)
        .nonce(4).lifetime(10_000).build();
    monitor.send(sub2);
    fx.settle();
    assertTrue(monitor.data.isEmpty());
    assertCode(200, fx.command(app, "faces", "create", uri("udp4://192.0.2.5:6363")));
    fx.settle();
    assertEquals(1, monitor.data.size());
    assertEquals(FaceEventKind.CREATED, FaceEventNotification.decode(monitor.data.get(0).content()).kind());
  }
}
