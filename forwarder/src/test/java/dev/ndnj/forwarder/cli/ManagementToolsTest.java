package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.forwarder.rib.RibEntry;
import dev.ndnj.forwarder.rib.Route;
import dev.ndnj.tlv.Name;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, face, route, strategy and cs against a forwarder on loopback, checked in their output and its tables. */
class ManagementToolsTest {
  @TempDir
  Path dir;

  private CliFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new CliFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private <T> T onForwarder(Callable<T> task) throws Exception {
    Engine e = f.fwd.engine();
    CompletableFuture<T> r = new CompletableFuture<>();
    e.execute(() -> {
      try {
        r.complete(task.call());
      } catch (Exception ex) {
        r.completeExceptionally(ex);
      }
    });
    return r.get(5, TimeUnit.SECONDS);
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no " + regex + " in " + text);
    return m.group(1);
  }

  @Test
  void statusShowsEveryTableAndJson() {
    CliFixture.Result r = f.run("status");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("Forwarder: " + f.uri + "\nGeneral forwarder status:\n"), out);
    assertTrue(out.contains("  version=ndnj "), out);
    assertTrue(out.contains("\nChannels:\n"), out);
    for (String ch : f.fwd.channelUris()) {
      assertTrue(out.contains("\n  " + ch + "\n"), ch + " in " + out);
    }
    assertTrue(out.contains("\nFaces:\n  FACEID  REMOTE"), out);
    assertTrue(Pattern.compile("\n  1 +internal:// +internal:// +local +permanent").matcher(out).find(), out);
    assertTrue(Pattern.compile("\n  \\d+ +fd://\\d+ +" + Pattern.quote(f.uri) + " +local +on-demand").matcher(out).find(),
        out); // this tool's own Unix face
    assertTrue(out.contains("\nFIB:\n  PREFIX"), out);
    assertTrue(Pattern.compile("\n  /localhost/nfd +1:0\n").matcher(out).find(), out);
    assertTrue(Pattern.compile("\nRIB:\n  PREFIX +NEXTHOP +ORIGIN +COST +FLAGS +EXPIRES\n").matcher(out).find(), out);
    assertTrue(Pattern.compile("\n  / +/localhost/nfd/strategy/best-route/v=\\d+\n").matcher(out).find(), out);
    assertTrue(out.contains("\nCS information:\n  capacity="), out);

    CliFixture.Result j = f.run("status", "--json");
    assertEquals(0, j.exit(), j.toString());
    String json = j.out();
    assertTrue(json.startsWith("{\n  \"forwarder\": \"" + f.uri + "\",\n  \"general\": {\n    \"version\": \"ndnj "),
        json);
    assertTrue(json.contains("\"channels\": [\n    \"" + f.fwd.channelUris().get(0) + "\""), json);
    for (String key : new String[] {"\"faces\": [", "\"fib\": [", "\"rib\": [", "\"strategyChoices\": [",
        "\"cs\": {", "\"nInInterests\": ", "\"remoteUri\": \"internal://\""}) {
      assertTrue(json.contains(key), key + " in " + json);
    }
    assertTrue(json.trim().endsWith("}"), json);
  }

  @Test
  void faceCreateRouteAddListRemoveDestroy() throws Exception {
    String remote = "udp4://127.0.0.1:9";
    CliFixture.Result c = f.run("face", "create", remote);
    assertEquals(0, c.exit(), c.toString());
    assertTrue(c.out().startsWith("face-created id="), c.out());
    assertTrue(c.out().contains(" remote=" + remote + " persistency=persistent"), c.out());
    int faceId = Integer.parseInt(group(c.out(), "id=(\\d+)"));
    assertNotNull(onForwarder(() -> f.fwd.engine().forwarder().faceTable().get(faceId)));

    CliFixture.Result again = f.run("face", "create", remote);
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().startsWith("face-exists id=" + faceId + " "), again.out());

    CliFixture.Result list = f.run("face", "list");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(Pattern.compile("\n" + faceId + " +" + Pattern.quote(remote) + " +udp4://").matcher(list.out()).find(),
        list.out());
    CliFixture.Result listJson = f.run("face", "list", "--json");
    assertTrue(listJson.out().contains("\"remoteUri\": \"" + remote + "\""), listJson.out());

    // a route by face URI, with cost; it reaches the RIB and the FIB
    CliFixture.Result add = f.run("route", "add", "/tools/a", remote, "--cost", "7");
    assertEquals(0, add.exit(), add.toString());
    assertEquals("route-add-accepted prefix=/tools/a nexthop=" + faceId
        + " origin=static cost=7 flags=child-inherit expires=never\n", add.out());
    RibEntry entry = onForwarder(() -> f.fwd.management().rib().find(Name.parse("/tools/a")));
    Route route = entry.route(faceId, 255);
    assertNotNull(route, entry.toString());
    assertEquals(7, route.cost());
    long fibCost = onForwarder(() -> f.fwd.engine().forwarder().fib().findExactMatch(Name.parse("/tools/a"))
        .nextHops().get(0).cost());
    assertEquals(7, fibCost);

    CliFixture.Result add2 = f.run("route", "add", "/tools/b", Integer.toString(faceId), "--no-inherit",
        "--capture", "--origin", "nlsr", "--expires", "60000");
    assertEquals(0, add2.exit(), add2.toString());
    assertEquals("route-add-accepted prefix=/tools/b nexthop=" + faceId
        + " origin=nlsr cost=0 flags=capture expires=60s\n", add2.out());

    CliFixture.Result routes = f.run("route", "list", "--nexthop", Integer.toString(faceId));
    assertEquals(0, routes.exit(), routes.toString());
    assertTrue(Pattern.compile("\n/tools/a +" + faceId + " +static +7 +child-inherit +never\n")
        .matcher(routes.out()).find(), routes.out());
    assertTrue(Pattern.compile("\n/tools/b +" + faceId + " +nlsr +0 +capture +\\d+s\n").matcher(routes.out()).find(),
        routes.out());
    assertFalse(routes.out().contains("/localhost"), routes.out());

    CliFixture.Result rm = f.run("route", "remove", "/tools/a", Integer.toString(faceId));
    assertEquals(0, rm.exit(), rm.toString());
    assertEquals("route-removed prefix=/tools/a nexthop=" + faceId + " origin=static\n", rm.out());
    assertNull(onForwarder(() -> f.fwd.management().rib().find(Name.parse("/tools/a"))));

    CliFixture.Result d = f.run("face", "destroy", remote);
    assertEquals(0, d.exit(), d.toString());
    assertTrue(d.out().startsWith("face-destroyed id=" + faceId + " "), d.out());
    assertNull(onForwarder(() -> f.fwd.engine().forwarder().faceTable().get(faceId)));
    // the face took its routes with it
    assertNull(onForwarder(() -> f.fwd.management().rib().find(Name.parse("/tools/b"))));

    CliFixture.Result gone = f.run("face", "destroy", "udp4://127.0.0.1:10");
    assertEquals(1, gone.exit(), gone.toString());
    assertEquals("ERROR: face not found: udp4://127.0.0.1:10\n", gone.err());
  }

  @Test
  void aFaceMissingFromACachedListIsLookedUpAgain() {
    assertEquals(0, f.run("face", "list").exit()); // the forwarder now caches a list without the new face
    String remote = "udp4://127.0.0.1:11";
    assertEquals(0, f.run("face", "create", remote).exit());
    CliFixture.Result add = f.run("route", "add", "/tools/fresh", remote);
    assertEquals(0, add.exit(), add.toString());
    assertTrue(add.out().startsWith("route-add-accepted prefix=/tools/fresh nexthop="), add.out());
  }

  @Test
  void strategySetListUnset() throws Exception {
    CliFixture.Result set = f.run("strategy", "set", "/tools/s", "multicast");
    assertEquals(0, set.exit(), set.toString());
    assertTrue(set.out().matches("strategy-set prefix=/tools/s strategy=/localhost/nfd/strategy/multicast/v=\\d+\n"),
        set.out());
    String chosen = onForwarder(() -> f.fwd.engine().forwarder().strategyChoice().entries()
        .get(Name.parse("/tools/s")));
    assertTrue(chosen.startsWith("/localhost/nfd/strategy/multicast"), chosen);

    CliFixture.Result list = f.run("strategy", "list");
    assertTrue(Pattern.compile("\n/tools/s +/localhost/nfd/strategy/multicast/v=\\d+\n").matcher(list.out()).find(),
        list.out());

    CliFixture.Result unknown = f.run("strategy", "set", "/tools/s", "no-such-strategy");
    assertEquals(1, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().startsWith("ERROR: strategy-choice/set refused: 404 "), unknown.err());

    CliFixture.Result unset = f.run("strategy", "unset", "/tools/s");
    assertEquals(0, unset.exit(), unset.toString());
    assertEquals("strategy-unset prefix=/tools/s\n", unset.out());
    assertNull(onForwarder(() -> f.fwd.engine().forwarder().strategyChoice().entries().get(Name.parse("/tools/s"))));

    assertEquals(2, f.run("strategy", "unset", "/").exit());
  }

  @Test
  void csInfoAndErase() throws Exception {
    // the datasets a status run fetched are cached by the forwarder
    assertEquals(0, f.run("status").exit());
    int before = onForwarder(() -> f.fwd.engine().forwarder().cs().size());
    assertTrue(before > 0);

    CliFixture.Result info = f.run("cs", "info");
    assertEquals(0, info.exit(), info.toString());
    assertTrue(info.out().matches("(?s)CS information:\n  capacity=\\d+ bytes\n     admit=on\n     serve=on\n"
        + "  nEntries=\\d+\n     nHits=\\d+\n   nMisses=\\d+\n"), info.out());
    CliFixture.Result json = f.run("cs", "info", "--json");
    assertTrue(json.out().contains("\"admit\": true"), json.out());

    CliFixture.Result erase = f.run("cs", "erase", "/localhost/nfd/status");
    assertEquals(0, erase.exit(), erase.toString());
    int erased = Integer.parseInt(group(erase.out(), "^Erased (\\d+) entr"));
    assertTrue(erased >= 1, erase.out());
    boolean statusLeft = onForwarder(() -> f.fwd.engine().forwarder().cs().find(
        dev.ndnj.tlv.Interest.builder(Name.parse("/localhost/nfd/status/general")).canBePrefix(true).build()) != null);
    assertFalse(statusLeft);
  }

  @Test
  void toolsReachTheForwarderOverTcpWebSocketAndUdp() {
    for (String scheme : new String[] {"tcp4://", "ws://"}) {
      String uri = f.channel(scheme);
      CliFixture.Result r = CliFixture.runRaw(new byte[0], "cs", "info", "--json", "--forwarder", uri);
      assertEquals(0, r.exit(), uri + ": " + r);
      assertTrue(r.out().contains("\"capacityBytes\": "), r.out());
    }
    // UDP faces are not local: management is out of reach, and the tool says why
    String udp = f.channel("udp4://");
    CliFixture.Result r = CliFixture.runRaw(new byte[0], "face", "list", "--forwarder", udp);
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR: faces/list: Nack NoRoute (management under /localhost/nfd needs a local "
        + "face"), r.err());
  }

  @Test
  void errorsAndUsage() {
    String missing = "unix://" + dir.resolve("nobody.sock");
    CliFixture.Result down = CliFixture.runRaw(new byte[0], "status", "--forwarder", missing);
    assertEquals(1, down.exit(), down.toString());
    assertTrue(down.err().startsWith("ERROR: cannot connect to the forwarder at " + missing + ": "), down.err());
    assertTrue(down.err().contains("is 'ndnj fwd' running?"), down.err());

    CliFixture.Result refused = CliFixture.runRaw(new byte[0], "face", "list", "--forwarder", "tcp4://127.0.0.1:1");
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.err().startsWith("ERROR: cannot connect to the forwarder at tcp4://127.0.0.1:1: "),
        refused.err());

    assertEquals(2, CliFixture.runRaw(new byte[0], "status", "--forwarder", "gopher://x").exit());
    assertEquals(2, f.run("route", "add", "/only-prefix").exit());
    CliFixture.Result badName = f.run("route", "add", "no-slash", "1");
    assertEquals(2, badName.exit(), badName.toString());
    assertTrue(badName.err().contains("is not an NDN name"), badName.err());
    assertEquals(2, f.run("route", "add", "/a", "1", "--origin", "bogus").exit());
    assertEquals(2, f.run("face", "create", "udp4://127.0.0.1:9", "--persistency", "on-demand").exit());
    CliFixture.Result group = CliFixture.runRaw(new byte[0], "face");
    assertEquals(2, group.exit(), group.toString());
    assertTrue(group.err().contains("Usage: ndnj face"), group.err());

    CliFixture.Result refusedCreate = f.run("face", "create", "gopher://127.0.0.1:9");
    assertEquals(1, refusedCreate.exit(), refusedCreate.toString());
    assertTrue(refusedCreate.err().startsWith("ERROR: faces/create gopher://127.0.0.1:9 refused: "),
        refusedCreate.err());

    for (String[] cmd : new String[][] {{"status"}, {"face", "create"}, {"face", "destroy"}, {"face", "list"},
        {"route", "add"}, {"route", "remove"}, {"route", "list"}, {"strategy", "set"}, {"strategy", "unset"},
        {"strategy", "list"}, {"cs", "info"}, {"cs", "erase"}}) {
      String[] help = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      help[cmd.length] = "--help";
      CliFixture.Result h = CliFixture.runRaw(new byte[0], help);
      assertEquals(0, h.exit(), String.join(" ", help) + ": " + h);
      assertTrue(h.out().startsWith("Usage: ndnj " + String.join(" ", cmd)), h.out());
      assertTrue(h.out().contains("--forwarder=FACE-URI"), h.out());
    }
  }
}
