package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.fw.MulticastStrategy;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.CsFlags;
import dev.ndnj.tlv.mgmt.CsInfo;
import dev.ndnj.tlv.mgmt.ForwarderStatus;
import dev.ndnj.tlv.mgmt.StrategyChoice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** strategy-choice/*, cs/*, status/general. */
class StrategyCsStatusModulesTest {
  private final MgmtFixture fx = new MgmtFixture();
  private final TestFace app = fx.localFace();

  private String strategyOf(String prefix) {
    return fx.engine.forwarder().strategyChoice().findEffectiveStrategy(Name.parse(prefix)).instanceName();
  }

  @Test
  void setChoosesAStrategyAndAnswersItsVersionedName() {
    ControlResponse r = fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/video")).strategy(Name.parse(MulticastStrategy.NAME)).build());
    assertCode(200, r);
    assertEquals(Name.parse("/localhost/nfd/strategy/multicast/v=4"), r.bodyAsControlParameters().strategy());
    assertEquals("/localhost/nfd/strategy/multicast/v=4", strategyOf("/video/a"));
    // with the version given
    assertCode(200, fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/audio")).strategy(Name.parse("/localhost/nfd/strategy/best-route/v=5")).build()));
  }

  @Test
  void setOfAnUnknownStrategyIs404() {
    assertCode(404, fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/x")).strategy(Name.parse("/localhost/nfd/strategy/asf")).build()));
    assertCode(404, fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/x")).strategy(Name.parse("/localhost/nfd/strategy/multicast/v=99")).build()));
    assertEquals("/localhost/nfd/strategy/best-route/v=5", strategyOf("/x"));
  }

  @Test
  void unsetGoesBackToTheParentsChoiceButNotForRoot() {
    assertCode(200, fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/video")).strategy(Name.parse(MulticastStrategy.NAME)).build()));
    assertCode(200, fx.command(app, "strategy-choice", "unset",
        ControlParameters.builder().name(Name.parse("/video")).build()));
    assertEquals("/localhost/nfd/strategy/best-route/v=5", strategyOf("/video"));
    assertCode(400, fx.command(app, "strategy-choice", "unset", ControlParameters.builder().name(Name.ROOT).build()));
  }

  @Test
  void listHasNfdsDefaultsAndNewChoices() {
    assertCode(200, fx.command(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/video")).strategy(Name.parse(MulticastStrategy.NAME)).build()));
    List<StrategyChoice> list = fx.dataset(app, "strategy-choice/list", StrategyChoice::decode);
    assertTrue(list.contains(StrategyChoice.of(Name.ROOT, Name.parse("/localhost/nfd/strategy/best-route/v=5"))));
    assertTrue(list.contains(StrategyChoice.of(Name.parse("/localhost"),
        Name.parse("/localhost/nfd/strategy/multicast/v=4"))));
    assertTrue(list.contains(StrategyChoice.of(Name.parse("/video"),
        Name.parse("/localhost/nfd/strategy/multicast/v=4"))));
    assertEquals(5, list.size());
  }

  // ----------------------------------------------------------------------------------------------- cs

  private void cache(String name) {
    // a producer answers on a face of its own; the Data goes through the CS
    TestFace producer = fx.localFace();
    fx.engine.forwarder().fib().addOrUpdateNextHop(Name.parse(name), producer.face(), 0);
    Interest i = Interest.builder(Name.parse(name)).nonce(name.hashCode()).build();
    app.send(i);
    fx.settle();
    Data d = Data.builder(Name.parse(name)).content("x".getBytes(StandardCharsets.UTF_8)).freshnessPeriod(10_000)
        .signWithDigestSha256();
    producerReply(producer, d);
    fx.engine.forwarder().fib().removeNextHop(Name.parse(name), producer.face());
  }

  private void producerReply(TestFace producer, Data d) {
    fx.engine.forwarder().onData(producer.face(), d, null);
    fx.settle();
  }

  @Test
  void configChangesCapacityAndAdmitAndServe() {
    ControlParameters p = ControlParameters.builder().capacity(4096)
        .flagBit(CsFlags.BIT_ENABLE_ADMIT, false).build();
    ControlResponse r = fx.command(app, "cs", "config", p);
    assertCode(200, r);
    ContentStore cs = fx.engine.forwarder().cs();
    assertEquals(4096, cs.capacityBytes());
    assertFalse(cs.admitEnabled());
    assertTrue(cs.serveEnabled(), "serve untouched: its Mask bit was not set");
    ControlParameters body = r.bodyAsControlParameters();
    assertEquals(4096, body.capacity());
    assertEquals(CsFlags.ENABLE_SERVE, body.flags());
    assertFalse(body.hasMask());
    cache("/not/admitted");
    assertEquals(0, cs.size());
    assertCode(200, fx.command(app, "cs", "config", ControlParameters.builder()
        .flagBit(CsFlags.BIT_ENABLE_ADMIT, true).flagBit(CsFlags.BIT_ENABLE_SERVE, false).build()));
    assertTrue(cs.admitEnabled());
    assertFalse(cs.serveEnabled());
  }

  @Test
  void configWithFlagsButNoMaskIs400() {
    assertCode(400, fx.command(app, "cs", "config", ControlParameters.builder().flags(1).build()));
  }

  @Test
  void eraseRemovesEntriesUnderAPrefixUpToCount() {
    cache("/e/1");
    cache("/e/2");
    cache("/e/3");
    cache("/keep");
    ContentStore cs = fx.engine.forwarder().cs();
    ControlResponse r = fx.command(app, "cs", "erase", ControlParameters.builder().name(Name.parse("/e"))
        .count(2).build());
    assertCode(200, r);
    assertEquals(2, r.bodyAsControlParameters().count());
    assertEquals(Name.parse("/e"), r.bodyAsControlParameters().name());
    assertFalse(r.bodyAsControlParameters().hasCapacity());
    assertNotNull(cs.find(Interest.builder(Name.parse("/keep")).build()), "outside the prefix: kept");
    ControlResponse all = fx.command(app, "cs", "erase", ControlParameters.builder().name(Name.parse("/e")).build());
    assertEquals(1, all.bodyAsControlParameters().count());
    assertNull(cs.find(Interest.builder(Name.parse("/e/3")).build()));
    assertCode(400, fx.command(app, "cs", "erase", ControlParameters.builder().name(Name.parse("/e")).count(0)
        .build()));
  }

  @Test
  void eraseStopsAtTheLimitAndSaysSo() {
    for (int i = 0; i < CsManager.ERASE_LIMIT + 4; i++) {
      fx.engine.forwarder().cs().insert(Data.builder(Name.parse("/bulk/" + i)).freshnessPeriod(10_000)
          .signWithDigestSha256());
    }
    ControlResponse r = fx.command(app, "cs", "erase", ControlParameters.builder().name(Name.parse("/bulk")).build());
    assertEquals(CsManager.ERASE_LIMIT, r.bodyAsControlParameters().count());
    assertEquals(CsManager.ERASE_LIMIT, r.bodyAsControlParameters().capacity());
  }

  @Test
  void infoReportsTheStore() {
    cache("/i/1");
    ContentStore cs = fx.engine.forwarder().cs();
    int entries = cs.size();
    long misses = fx.engine.forwarder().counters().csMisses();
    List<CsInfo> infos = fx.dataset(app, "cs/info", CsInfo::decode);
    assertEquals(1, infos.size());
    CsInfo info = infos.get(0);
    assertEquals(cs.capacityBytes(), info.capacity());
    assertTrue(info.enableAdmit());
    assertTrue(info.enableServe());
    assertEquals(entries, info.nEntries(), "as when the cs/info Interest arrived");
    assertEquals(misses + 1, info.nMisses(), "the cs/info Interest itself missed");
    assertEquals(fx.engine.forwarder().counters().csHits(), info.nHits());
  }

  // ------------------------------------------------------------------------------------------ status

  @Test
  void generalStatusReportsVersionTimesAndCounters() {
    long start = fx.clock.epochMillis();
    fx.clock.advance(5000);
    byte[] payload = fx.fetch(app, Name.parse("/localhost/nfd/status/general"));
    ForwarderStatus st = ForwarderStatus.decode(ByteBuffer.wrap(payload));
    assertEquals("ndnj 0.1.0", st.nfdVersion());
    assertEquals(start, st.startTimestamp());
    assertEquals(start + 5000, st.currentTimestamp());
    assertEquals(fx.engine.forwarder().fib().size(), st.nFibEntries());
    assertTrue(st.nPitEntries() >= 1, "the status Interest itself is pending");
    assertTrue(st.nInInterests() >= 1);
    assertEquals(0, st.nMeasurementsEntries());
    assertNotNull(st.toString());
  }

  @Test
  void startTimestampComesFromTheConfigWhenGiven() {
    MgmtFixture f = new MgmtFixture(new ManagementConfig().startTimestampMillis(1234).version("ndnj test"), null,
        null);
    TestFace a = f.localFace();
    ForwarderStatus st = ForwarderStatus.decode(ByteBuffer.wrap(f.fetch(a,
        Name.parse("/localhost/nfd/status/general"))));
    assertEquals(1234, st.startTimestamp());
    assertEquals("ndnj test", st.nfdVersion());
  }
}
