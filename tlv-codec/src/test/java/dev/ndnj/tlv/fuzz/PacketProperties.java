package dev.ndnj.tlv.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The properties the fuzz targets check on every input, shared so that a packet found inside another (an Interest
 * in an LpPacket's Fragment, a Data in a PrefixAnnouncement) gets the same checks as one decoded directly.
 *
 * <p>Every check throws {@link AssertionError} (or lets an unexpected exception escape), which Jazzer reports as a
 * finding. Inputs are borrowed: nothing here changes them.
 */
final class PacketProperties {
  /** Bytes placed before and after the input in the shifted variants; they look like TLV headers on purpose. */
  private static final byte[] PREFIX = {0x05, (byte) 0xfd, 0x07, 0x01, 0x08};
  private static final byte[] SUFFIX = {0x08, 0x03, (byte) 0xff};

  private PacketProperties() {}

  /**
   * Decodes {@code input} from three buffers (a plain heap buffer; a heap buffer with other bytes before the
   * position and after the limit; a read-only direct buffer with the same) and checks that the decoder throws
   * nothing but {@link TlvException}, that all three agree (same result or same error message, since error offsets
   * count from the buffer's position), that position and limit are untouched and that error offsets lie within the
   * input. On success checks that {@code wire} of the result equals the input.
   *
   * @return the value decoded from the plain buffer, or null if the input is rejected
   */
  static <T> T decodeEverywhere(byte[] input, Function<ByteBuffer, T> decoder, Function<T, ByteBuffer> wire) {
    T first = null;
    String firstError = null;
    ByteBuffer[] variants = variants(input);
    for (int v = 0; v < variants.length; v++) {
      ByteBuffer buf = variants[v];
      int position = buf.position();
      int limit = buf.limit();
      T value = null;
      String error = null;
      try {
        value = decoder.apply(buf);
      } catch (TlvException e) {
        error = e.getMessage();
        assertTrue(e.offset() >= -1 && e.offset() <= input.length,
            "error offset " + e.offset() + " outside an input of " + input.length + " octets: " + error);
      }
      assertEquals(position, buf.position(), "decoder moved the position");
      assertEquals(limit, buf.limit(), "decoder moved the limit");
      if (value != null) {
        assertEquals(ByteBuffer.wrap(input), wire.apply(value), "wire() differs from the decoded input");
      }
      if (v == 0) {
        first = value;
        firstError = error;
      } else {
        assertEquals(firstError, error, "buffer variant " + v + " decodes differently from a plain heap buffer");
      }
    }
    return first;
  }

  private static ByteBuffer[] variants(byte[] input) {
    byte[] framed = new byte[PREFIX.length + input.length + SUFFIX.length];
    System.arraycopy(PREFIX, 0, framed, 0, PREFIX.length);
    System.arraycopy(input, 0, framed, PREFIX.length, input.length);
    System.arraycopy(SUFFIX, 0, framed, PREFIX.length + input.length, SUFFIX.length);
    ByteBuffer heap = ByteBuffer.wrap(framed);
    heap.limit(PREFIX.length + input.length).position(PREFIX.length);
    ByteBuffer direct = ByteBuffer.allocateDirect(framed.length);
    direct.put(framed).clear();
    direct.limit(PREFIX.length + input.length).position(PREFIX.length);
    return new ByteBuffer[] {ByteBuffer.wrap(input.clone()), heap, direct.asReadOnlyBuffer()};
  }

  /** Runs {@code decode}; returns null if it throws {@link TlvException} (any other exception escapes). */
  static <T> T orNull(Supplier<T> decode) {
    try {
      return decode.get();
    } catch (TlvException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------- Interest

  /** Every accessor of a decoded Interest, its with-methods, and a rebuild through the builder. */
  static void checkInterest(Interest i) {
    Name name = i.name();
    assertFalse(name.isEmpty(), "Interest with an empty name");
    checkName(name);
    assertTrue(i.toString().startsWith(name.toString()), "toString does not start with the name");
    assertEquals(i.wireLength(), i.wire().remaining());
    assertTrue(i.lifetime() >= 0, "negative lifetime");
    assertTrue(i.hopLimit() >= -1 && i.hopLimit() <= 255, "HopLimit out of range");
    assertEquals(i.hasHopLimit(), i.hopLimit() >= 0);
    i.forwardingHint().forEach(PacketProperties::checkName);
    assertEquals(i.hasApplicationParameters(), i.applicationParameters() != null);
    assertTrue(i.isParametersDigestValid(), "decoded an Interest whose parameters digest is wrong");
    SignatureInfo si = i.signatureInfo();
    if (si != null) {
      assertTrue(i.hasApplicationParameters(), "InterestSignatureInfo without ApplicationParameters");
      checkSignatureInfo(si);
      ByteBuffer[] portions = i.signedPortions();
      assertEquals(2, portions.length);
    } else {
      assertNull(i.signatureValue(), "InterestSignatureValue without InterestSignatureInfo");
    }

    InterestFields before = InterestFields.of(i);
    for (int h : new int[] {0, 255, (i.hopLimit() + 1) & 0xff}) {
      Interest j = i.withHopLimit(h);
      assertEquals(h, j.hopLimit(), "withHopLimit");
      assertEquals(before.withHopLimit(h), InterestFields.of(j), "withHopLimit changed another field");
      assertEquals(name, j.name(), "withHopLimit changed the name");
      assertEquals(j.wire(), Interest.decode(j.wire()).wire());
    }
    int newNonce = ~i.nonce();
    Interest k = i.withNonce(newNonce);
    assertTrue(k.hasNonce(), "withNonce");
    assertEquals(before.withNonce(newNonce), InterestFields.of(k), "withNonce changed another field");
    assertEquals(name, k.name(), "withNonce changed the name");

    Interest rebuilt = rebuild(i);
    assertEquals(before, InterestFields.of(rebuilt), "builder-rebuilt Interest decodes to other fields");
    assertEquals(name.size(), rebuilt.name().size());
    assertEquals(rebuilt.wire(), rebuild(rebuilt).wire(), "rebuilding a rebuilt Interest changes its encoding");
  }

  /** The Interest re-encoded by {@link Interest.Builder} from its decoded fields. */
  static Interest rebuild(Interest i) {
    Interest.Builder b = Interest.builder(i.name())
        .canBePrefix(i.canBePrefix())
        .mustBeFresh(i.mustBeFresh())
        .forwardingHint(i.forwardingHint());
    if (i.hasNonce()) {
      b.nonce(i.nonce());
    }
    if (i.lifetime() != Interest.DEFAULT_LIFETIME) {
      b.lifetime(i.lifetime());
    }
    if (i.hasHopLimit()) {
      b.hopLimit(i.hopLimit());
    }
    if (i.hasApplicationParameters()) {
      b.applicationParameters(bytes(i.applicationParameters()));
    }
    if (i.signatureInfo() != null) {
      b.signatureInfo(rebuild(i.signatureInfo()));
    }
    if (i.signatureValue() != null) {
      b.signatureValue(bytes(i.signatureValue()));
    }
    return b.build();
  }

  /**
   * What a decoded Interest means, for comparing two of them. The name leaves out its
   * ParametersSha256DigestComponent: the builder recomputes it over the re-encoded parameters, which need not be
   * the original octets (unknown elements are dropped, integers re-encoded in shortest form).
   */
  record InterestFields(Name nameWithoutDigest, boolean canBePrefix, boolean mustBeFresh, List<Name> forwardingHint,
      boolean hasNonce, int nonce, long lifetime, int hopLimit, ByteBuffer applicationParameters,
      String signatureInfo, ByteBuffer signatureValue) {
    static InterestFields of(Interest i) {
      List<Component> comps = new ArrayList<>();
      for (Component c : i.name().components()) {
        if (!c.isParametersDigest()) {
          comps.add(c);
        }
      }
      return new InterestFields(Name.of(comps), i.canBePrefix(), i.mustBeFresh(), i.forwardingHint(), i.hasNonce(),
          i.nonce(), i.lifetime(), i.hopLimit(), i.applicationParameters(), describe(i.signatureInfo()),
          i.signatureValue());
    }

    InterestFields withHopLimit(int h) {
      return new InterestFields(nameWithoutDigest, canBePrefix, mustBeFresh, forwardingHint, hasNonce, nonce,
          lifetime, h, applicationParameters, signatureInfo, signatureValue);
    }

    InterestFields withNonce(int n) {
      return new InterestFields(nameWithoutDigest, canBePrefix, mustBeFresh, forwardingHint, true, n, lifetime,
          hopLimit, applicationParameters, signatureInfo, signatureValue);
    }
  }

  // -------------------------------------------------------------------------------------------------- Data

  /** Every accessor of a decoded Data, its digests, and a rebuild through the builder. */
  static void checkData(Data d) {
    Name name = d.name();
    checkName(name);
    assertNotNull(d.toString());
    assertEquals(d.wireLength(), d.wire().remaining());
    assertTrue(d.contentType() >= 0, "negative ContentType");
    assertTrue(d.freshnessPeriod() >= 0, "negative FreshnessPeriod");
    Component fb = d.finalBlockId();
    if (fb != null) {
      checkComponent(fb);
    }
    assertEquals(d.contentLength(), d.content().remaining());
    if (!d.hasContent()) {
      assertEquals(0, d.contentLength());
    }
    SignatureInfo si = d.signatureInfo();
    assertNotNull(si, "Data without SignatureInfo");
    checkSignatureInfo(si);
    assertNotNull(d.signatureValue());
    ByteBuffer signed = d.signedPortion();
    ByteBuffer nameWire = name.wire();
    assertTrue(signed.remaining() >= nameWire.remaining() && signed.remaining() < d.wireLength(),
        "signed portion of " + signed.remaining() + " octets");
    assertEquals(nameWire, signed.duplicate().limit(nameWire.remaining()), "signed portion does not start at Name");
    d.verifyDigestSha256();

    byte[] digest = d.implicitDigest();
    assertArrayEquals(sha256(d.wire()), digest, "implicit digest is not the SHA-256 of the wire");
    digest[0] ^= 1;
    assertArrayEquals(sha256(d.wire()), d.implicitDigest(), "implicitDigest() handed out its own array");
    Name full = d.fullName();
    assertEquals(name.size() + 1, full.size());
    assertTrue(name.isPrefixOf(full));
    assertTrue(full.get(-1).isImplicitDigest());
    checkName(full);

    Data rebuilt = rebuild(d);
    DataFields before = DataFields.of(d);
    assertEquals(before, DataFields.of(rebuilt), "builder-rebuilt Data decodes to other fields");
    assertEquals(rebuilt.wire(), rebuild(rebuilt).wire(), "rebuilding a rebuilt Data changes its encoding");
  }

  /** The Data re-encoded by {@link Data.Builder} from its decoded fields, with the same signature value. */
  static Data rebuild(Data d) {
    Data.Builder b = Data.builder(d.name());
    if (d.contentType() != 0) {
      b.contentType(d.contentType());
    }
    if (d.freshnessPeriod() != 0) {
      b.freshnessPeriod(d.freshnessPeriod());
    }
    if (d.finalBlockId() != null) {
      b.finalBlockId(d.finalBlockId());
    }
    if (d.hasContent()) {
      b.content(d.content());
    }
    return b.build(rebuild(d.signatureInfo()), bytes(d.signatureValue()));
  }

  /** What a decoded Data means, for comparing two of them. */
  record DataFields(Name name, int contentType, long freshnessPeriod, Component finalBlockId, boolean hasContent,
      ByteBuffer content, String signatureInfo, ByteBuffer signatureValue) {
    static DataFields of(Data d) {
      return new DataFields(d.name(), d.contentType(), d.freshnessPeriod(), d.finalBlockId(), d.hasContent(),
          d.content(), describe(d.signatureInfo()), d.signatureValue());
    }
  }

  // --------------------------------------------------------------------------------------------- Signature

  static void checkSignatureInfo(SignatureInfo si) {
    assertNotNull(si.toString());
    assertTrue(si.type() >= 0, "negative SignatureType");
    KeyLocator kl = si.keyLocator();
    if (kl != null) {
      assertNotNull(kl.toString());
      assertTrue(kl.name() != null ^ kl.digest() != null, "KeyLocator must be a name or a digest");
      if (kl.name() != null) {
        checkName(kl.name());
      }
    }
    assertEquals(si.notBefore() == null, si.notAfter() == null, "half a ValidityPeriod");
    if (si.notBefore() != null) {
      assertEquals(15, si.notBefore().length());
      assertEquals(15, si.notAfter().length());
    }
    si.nonce();
    if (!si.hasSeqNum()) {
      assertEquals(0, si.seqNum());
    }
  }

  /** The SignatureInfo rebuilt by its builder from its accessors. */
  static SignatureInfo rebuild(SignatureInfo si) {
    SignatureInfo.Builder b = SignatureInfo.builder(si.type()).keyLocator(si.keyLocator()).nonce(si.nonce());
    if (si.notBefore() != null) {
      b.validity(si.notBefore(), si.notAfter());
    }
    if (si.time() >= 0) {
      b.time(si.time());
    }
    if (si.hasSeqNum()) {
      b.seqNum(si.seqNum());
    }
    return b.build();
  }

  /**
   * Everything a SignatureInfo holds, as text. A SignatureTime of 2^63 or more reads as a negative number, which
   * the API uses for "absent" and the builder refuses, so every negative time counts as absent here.
   */
  static String describe(SignatureInfo si) {
    if (si == null) {
      return "none";
    }
    byte[] nonce = si.nonce();
    return "type=" + si.type() + " keyLocator=" + si.keyLocator() + " validity=" + si.notBefore() + ".."
        + si.notAfter() + " nonce=" + (nonce == null ? "none" : Hex.encode(nonce)) + " time="
        + (si.time() < 0 ? "none" : Long.toUnsignedString(si.time())) + " seq="
        + (si.hasSeqNum() ? Long.toUnsignedString(si.seqNum()) : "none");
  }

  // ---------------------------------------------------------------------------------------------- LpPacket

  /** Every accessor of a decoded LpPacket, the packets inside it, and a rebuild through the builder. */
  static void checkLpPacket(LpPacket p) {
    ByteBuffer wire = p.wire();
    p.acks();
    NackReason.name(p.nackReason());
    assertEquals(p.isNack(), p.nackReason() >= 0);
    assertTrue(p.fragIndex() >= 0 && p.fragIndex() < p.fragCount(), "FragIndex not below FragCount");
    if (p.pitToken() != null) {
      int n = p.pitToken().remaining();
      assertTrue(n >= 1 && n <= 32, "PitToken of " + n + " octets");
    }
    if (p.isBare()) {
      assertEquals(wire, p.fragment(), "a bare packet's fragment is the packet");
      assertFalse(p.isNack() || p.hasSequence() || p.hasTxSequence() || p.nonDiscovery(), "bare with headers");
    }
    if (p.hasFragment()) {
      ByteBuffer fragment = p.fragment();
      int type = p.fragmentType();
      Interest interest = orNull(p::fragmentAsInterest);
      if (interest != null) {
        assertEquals(fragment, interest.wire());
        assertTrue(p.fragIndex() != 0 || type == 5, "fragmentType " + type + " for an Interest");
        checkInterest(interest);
      }
      Data data = orNull(p::fragmentAsData);
      if (data != null) {
        assertEquals(fragment, data.wire());
        assertTrue(p.fragIndex() != 0 || type == 6, "fragmentType " + type + " for a Data");
        checkData(data);
      }
    } else {
      assertNull(p.fragment());
      assertEquals(-1, p.fragmentType());
    }
    ByteBuffer pa = p.prefixAnnouncement();
    if (pa != null) {
      Data announcement = orNull(() -> Data.decode(pa));
      if (announcement != null) {
        checkData(announcement);
      }
    }
    if (!p.isBare()) {
      LpPacket rebuilt = rebuild(p);
      assertEquals(LpFields.of(p), LpFields.of(rebuilt), "builder-rebuilt LpPacket decodes to other fields");
      assertEquals(rebuilt.wire(), rebuild(rebuilt).wire(), "rebuilding a rebuilt LpPacket changes its encoding");
    }
  }

  /** The LpPacket re-encoded by {@link LpPacket.Builder} from its decoded fields. */
  static LpPacket rebuild(LpPacket p) {
    LpPacket.Builder b = LpPacket.builder();
    if (p.hasSequence()) {
      b.sequence(p.sequence());
    }
    if (p.fragCount() > 1) {
      b.fragIndexCount(p.fragIndex(), p.fragCount());
    }
    b.pitToken(p.pitToken());
    if (p.isNack()) {
      b.nack(p.nackReason());
    }
    b.nextHopFaceId(p.nextHopFaceId());
    b.incomingFaceId(p.incomingFaceId());
    b.cachePolicyType(p.cachePolicyType());
    b.congestionMark(p.congestionMark());
    b.acks(p.acks());
    if (p.hasTxSequence()) {
      b.txSequence(p.txSequence());
    }
    b.nonDiscovery(p.nonDiscovery());
    if (p.prefixAnnouncement() != null) {
      b.prefixAnnouncement(bytes(p.prefixAnnouncement()));
    }
    b.fragment(p.fragment());
    return b.build();
  }

  /**
   * What a decoded LpPacket means. Face ids of 2^63 or more read as negative numbers, which the API uses for
   * "absent" and the builder skips, so every negative face id counts as absent here.
   */
  record LpFields(boolean hasSequence, long sequence, long fragIndex, long fragCount, ByteBuffer pitToken,
      int nackReason, long nextHopFaceId, long incomingFaceId, int cachePolicyType, long congestionMark,
      List<Long> acks, boolean hasTxSequence, long txSequence, boolean nonDiscovery, ByteBuffer prefixAnnouncement,
      ByteBuffer fragment) {
    static LpFields of(LpPacket p) {
      List<Long> acks = new ArrayList<>();
      for (long a : p.acks()) {
        acks.add(a);
      }
      return new LpFields(p.hasSequence(), p.sequence(), p.fragIndex(), p.fragCount(), p.pitToken(),
          p.nackReason(), Math.max(-1, p.nextHopFaceId()), Math.max(-1, p.incomingFaceId()), p.cachePolicyType(),
          p.congestionMark(), acks, p.hasTxSequence(), p.txSequence(), p.nonDiscovery(), p.prefixAnnouncement(),
          p.fragment());
    }
  }

  // ------------------------------------------------------------------------------------ Name and Component

  /**
   * A name's URI parses back to an equal name with identical wire octets, equal hash and order (or, when a typed
   * number is not in shortest form, to the same URI: ndn-cxx and NDNts print such numbers as numbers, and parsing
   * writes the shortest form); every component and every prefix is consistent.
   */
  static void checkName(Name n) {
    String uri = n.toString();
    Name parsed = Name.parse(uri);
    assertEquals(uri, parsed.toString());
    if (hasNonShortestNumber(n)) {
      assertEquals(n.size(), parsed.size(), "component count changed through the URI " + uri);
    } else {
      assertEquals(n, parsed, "Name.parse(toString()) differs for " + uri);
      assertEquals(n.wire(), parsed.wire(), "Name.parse(toString()) has other wire octets for " + uri);
      assertEquals(n.hashCode(), parsed.hashCode(), "equal names with different hashes: " + uri);
      assertEquals(0, n.compareTo(parsed));
    }
    assertEquals(n.wireLength(), n.wire().remaining());
    assertEquals(n, Name.decode(n.wire()));
    for (int i = 0; i < n.size(); i++) {
      Component c = n.get(i);
      assertEquals(c.type(), n.componentType(i));
      assertEquals(c, n.get(i - n.size()));
      checkComponent(c);
    }
    // every prefix of a short name; of a long one (a URI can hold thousands of components) about ten, to stay linear
    int step = n.size() <= 16 ? 1 : n.size() / 8;
    for (int k = 0; k < n.size(); k += step) {
      checkPrefix(n, k, uri);
    }
    checkPrefix(n, n.size(), uri);
  }

  private static void checkPrefix(Name n, int k, String uri) {
    Name prefix = n.getPrefix(k);
    assertEquals(k, prefix.size());
    assertTrue(prefix.isPrefixOf(n));
    Name copy = Name.decode(prefix.wire());
    assertEquals(prefix, copy, "prefix " + k + " of " + uri);
    assertEquals(prefix.hashCode(), copy.hashCode(), "prefix " + k + " of " + uri + " hashes differently");
    assertEquals(n.prefixHash(k), copy.hashCode(), "prefixHash(" + k + ") of " + uri);
    assertTrue(k == n.size() ? prefix.compareTo(n) == 0 : prefix.compareTo(n) < 0, "prefix does not sort first");
  }

  /** Whether a component printed as {@code seg=}/{@code v=}/... holds a number longer than its shortest form. */
  static boolean hasNonShortestNumber(Name n) {
    for (int i = 0; i < n.size(); i++) {
      if (isNonShortestNumber(n.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNonShortestNumber(Component c) {
    int t = c.type();
    boolean typed = t == 50 || t == 52 || t == 54 || t == 56 || t == 58;
    if (!typed || !c.isNumber()) {
      return false;
    }
    long v = c.toNumber();
    int shortest = v >= 0 && v <= 0xff ? 1 : v >= 0 && v <= 0xffff ? 2 : v >= 0 && v <= 0xffffffffL ? 4 : 8;
    return c.valueLength() != shortest;
  }

  /** A component's URI parses back to an equal component (or the same URI, see above); its accessors work. */
  static void checkComponent(Component c) {
    String uri = c.toString();
    Component parsed = Component.parse(uri);
    assertEquals(uri, parsed.toString());
    if (!isNonShortestNumber(c)) {
      assertEquals(c, parsed, "Component.parse(toString()) differs for " + uri);
      assertEquals(c.hashCode(), parsed.hashCode());
      assertEquals(0, c.compareTo(parsed));
    }
    assertTrue(c.type() >= 1 && c.type() <= 0xffff, "component type " + c.type());
    assertEquals(c.valueLength(), c.value().remaining());
    assertEquals(c.wireLength(), c.wire().remaining());
    assertArrayEquals(bytes(c.value()), c.valueBytes());
    if (c.isNumber()) {
      c.toNumber();
    }
    if (c.isImplicitDigest() || c.isParametersDigest()) {
      assertEquals(32, c.valueLength());
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** A copy of the remaining octets (position unchanged). */
  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  static byte[] sha256(ByteBuffer b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(b.duplicate());
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
