package dev.ndnj.engine.testing;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory face for forwarder tests: a {@link TestLinkService} over a {@link TestTransport}, added to a face
 * table. Tests inject packets with {@code receive*} and assert on what the forwarder sent through it.
 */
public final class TestFace {
  private final Face face;
  private final TestLinkService link;
  private final TestTransport transport;

  private TestFace(FaceScope scope, LinkType linkType) {
    link = new TestLinkService();
    transport = new TestTransport(scope, linkType);
    face = new Face(link, transport);
  }

  /** A face with {@code scope} and {@code linkType}, added to {@code table}. */
  public static TestFace add(FaceTable table, FaceScope scope, LinkType linkType) {
    TestFace f = new TestFace(scope, linkType);
    table.add(f.face);
    return f;
  }

  /** A face not added to any table (for table unit tests that need face identities only). */
  public static TestFace detached(FaceScope scope, LinkType linkType) {
    return new TestFace(scope, linkType);
  }

  /** The face. */
  public Face face() {
    return face;
  }

  /** Its id. */
  public int id() {
    return face.id();
  }

  /** Its link service. */
  public TestLinkService link() {
    return link;
  }

  /** Its transport. */
  public TestTransport transport() {
    return transport;
  }

  /** Receives {@code interest} without PitToken or NextHopFaceId. */
  public void receive(Interest interest) {
    link.receiveInterest(interest, null, -1);
  }

  /** Receives {@code interest} with a PitToken. */
  public void receive(Interest interest, ByteBuffer pitToken) {
    link.receiveInterest(interest, pitToken, -1);
  }

  /** Receives {@code data} without PitToken. */
  public void receive(Data data) {
    link.receiveData(data, null);
  }

  /** Receives a Nack of {@code interest}. */
  public void receiveNack(Interest interest, int reason) {
    link.receiveNack(interest, reason, null);
  }

  /** The Interests sent on this face. */
  public List<Interest> sentInterests() {
    List<Interest> out = new ArrayList<>();
    for (TestLinkService.SentInterest s : link.sentInterests()) {
      out.add(s.interest());
    }
    return out;
  }

  /** The names of the Interests sent on this face. */
  public List<Name> sentInterestNames() {
    List<Name> out = new ArrayList<>();
    for (Interest i : sentInterests()) {
      out.add(i.name());
    }
    return out;
  }

  /** The Data sent on this face. */
  public List<Data> sentData() {
    List<Data> out = new ArrayList<>();
    for (TestLinkService.SentData s : link.sentData()) {
      out.add(s.data());
    }
    return out;
  }

  /** The Nacks sent on this face. */
  public List<TestLinkService.SentNack> sentNacks() {
    return link.sentNacks();
  }

  /** Forgets what was sent so far. */
  public void clearSent() {
    link.clearSent();
  }

  /** Closes the face (it leaves its table). */
  public void close() {
    face.close();
  }

  @Override
  public String toString() {
    return "TestFace(" + face.id() + " " + face.scope() + " " + face.linkType() + ")";
  }
}
