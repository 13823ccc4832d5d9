package dev.ndnj.forwarder.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.Dataset;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * An engine on a {@link ManualClock} with management started, faces to talk to it from, and helpers to send signed
 * commands and fetch datasets the way NFD's clients do. Single-threaded: queued work runs on {@link #settle()}.
 */
final class MgmtFixture {
  final ManualClock clock;
  final Engine engine;
  final ManagementDispatcher mgmt;
  final CommandSigner signer;
  private final Random random = new Random(3);

  MgmtFixture() {
    this(new ManagementConfig(), null, null);
  }

  MgmtFixture(ManagementConfig config, CommandAuthorizer authorizer, FaceCreator creator) {
    this(new ManualClock(), config, authorizer, creator);
  }

  MgmtFixture(ManualClock clock, ManagementConfig config, CommandAuthorizer authorizer, FaceCreator creator) {
    this(clock, config, authorizer, creator, b -> { });
  }

  MgmtFixture(ManualClock clock, ManagementConfig config, CommandAuthorizer authorizer, FaceCreator creator,
      java.util.function.Consumer<ManagementDispatcher.Builder> more) {
    this.clock = clock;
    signer = new CommandSigner(clock);
    Random r = new Random(42);
    engine = Engine.builder().manual(clock).random(r::nextInt).contentStore(new LruContentStore(clock, 1 << 20))
        .build();
    ManagementDispatcher.Builder b = ManagementDispatcher.builder(engine).config(config);
    if (authorizer != null) {
      b.authorizer(authorizer);
    }
    if (creator != null) {
      b.faceCreator(creator);
    }
    more.accept(b);
    mgmt = b.start();
  }

  TestFace localFace() {
    return TestFace.add(engine.forwarder().faceTable(), FaceScope.LOCAL);
  }

  TestFace remoteFace() {
    return TestFace.add(engine.forwarder().faceTable(), FaceScope.NON_LOCAL);
  }

  /** Runs everything queued (and what that queues) without moving time. */
  void settle() {
    clock.runDue();
  }

  /** Sends {@code interest} from {@code face}, settles, and returns the Data it got for it (or null). */
  Data express(TestFace face, Interest interest) {
    face.clear();
    face.send(interest);
    settle();
    Data got = null;
    for (Data d : face.data) {
      if (interest.matches(d)) {
        got = d;
      }
    }
    return got;
  }

  /** The ControlResponse answering {@code interest} (fails if there is none). */
  ControlResponse response(TestFace face, Interest interest) {
    Data d = express(face, interest);
    assertNotNull(d, "no response to " + interest.name());
    assertTrue(d.verifyDigestSha256(), "response signed with DigestSha256");
    return ControlResponse.decode(d.content());
  }

  /** The name of {@code module}/{@code verb} with {@code p} under /localhost/nfd. */
  static Name commandName(String module, String verb, ControlParameters p) {
    return ControlCommand.of(module, verb, p).toName();
  }

  /** Sends module/verb as a v0.3 signed Interest from {@code face}; returns the response. */
  ControlResponse command(TestFace face, String module, String verb, ControlParameters p) {
    return response(face, signer.v03(commandName(module, verb, p)));
  }

  /** Sends module/verb as a four-component command Interest from {@code face}; returns the response. */
  ControlResponse legacyCommand(TestFace face, String module, String verb, ControlParameters p) {
    return response(face, signer.legacy(commandName(module, verb, p)));
  }

  /** Asserts {@code r} is {@code code}, showing the text otherwise. */
  static void assertCode(int code, ControlResponse r) {
    assertEquals(code, r.code(), () -> "status " + r.code() + " " + r.text());
  }

  /** Asserts {@code r} is {@code code}, with a note. */
  static void assertCode(int code, ControlResponse r, String note) {
    assertEquals(code, r.code(), () -> note + ": status " + r.code() + " " + r.text());
  }

  Interest datasetInterest(Name name) {
    return Interest.builder(name).canBePrefix(true).mustBeFresh(true).nonce(random.nextInt()).build();
  }

  /** Fetches a whole dataset under {@code prefix} as NFD's clients do; returns the payload. */
  byte[] fetch(TestFace face, Name prefix) {
    Data first = express(face, datasetInterest(prefix));
    assertNotNull(first, "no answer to " + prefix);
    assertEquals(TlvTypes.CONTENT_TYPE_BLOB, Math.max(0, first.contentType()), "dataset segment, not a Nack");
    Component seg0 = first.name().get(-1 + first.name().size());
    assertTrue(seg0.isSegment() && seg0.toNumber() == 0, "first answer is segment 0: " + first.name());
    assertTrue(first.name().get(first.name().size() - 2).isVersion(), "versioned: " + first.name());
    assertNotNull(first.finalBlockId(), "FinalBlockId");
    long last = first.finalBlockId().toNumber();
    Name versioned = first.name().getPrefix(-1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    append(out, first);
    for (long i = 1; i <= last; i++) {
      Interest si = Interest.builder(versioned.append(Component.segment(i))).nonce(random.nextInt()).build();
      Data d = express(face, si);
      assertNotNull(d, "segment " + i + " of " + versioned);
      append(out, d);
    }
    return out.toByteArray();
  }

  /** Fetches the dataset {@code /localhost/nfd/<relative>} and decodes its entries. */
  <T> List<T> dataset(TestFace face, String relative, Dataset.EntryDecoder<T> decoder) {
    return Dataset.decode(ByteBuffer.wrap(fetch(face, Name.parse("/localhost/nfd/" + relative))), decoder);
  }

  private static void append(ByteArrayOutputStream out, Data d) {
    ByteBuffer c = d.content();
    byte[] b = new byte[c.remaining()];
    c.get(b);
    out.write(b, 0, b.length);
  }
}
