package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.named_data.jndn.encoding.EncodingException;
import net.named_data.jndn.encoding.TlvWireFormat;

/**
 * The inputs of the codec benchmarks: {@link #SIZE} packets with distinct, realistic names, made from a fixed seed
 * so every run and every fork sees the same bytes. A benchmark walks the array in order, so the JIT never sees the
 * same input twice in a row and cannot specialise on one name.
 *
 * <p>Names look like testbed traffic: {@code /ndn/<domain>/<site>/<application>/<item>}, where the item is a
 * user or host, a file or frame name, a hex token or a millisecond timestamp (5 to 19 octets). Data names add a
 * version and a segment ({@code .../v=1718000123456/seg=17}). Every array returned is owned by the caller.
 */
public final class CodecCorpus {
  /** Number of distinct packets in each array; a power of two so the benchmarks can mask the index. */
  public static final int SIZE = 1024;
  /** Mask for a rotating index into the arrays. */
  public static final int MASK = SIZE - 1;
  /** InterestLifetime of the corpus Interests, in milliseconds. */
  public static final long LIFETIME = 2000;
  /** FreshnessPeriod of the corpus Data, in milliseconds. */
  public static final long FRESHNESS = 10_000;
  /** Content length of the corpus Data. */
  public static final int CONTENT_LENGTH = 1024;

  private static final String[][] SITES = {
    {"edu", "ucla"}, {"edu", "arizona"}, {"edu", "memphis"}, {"edu", "wustl"}, {"edu", "neu"}, {"edu", "uiuc"},
    {"edu", "colostate"}, {"org", "caida"}, {"jp", "waseda"}, {"fr", "lip6"}, {"cn", "bupt"}, {"kr", "anyang"},
    {"de", "unibas"}, {"nl", "surf"}, {"edu", "byu"}, {"pt", "uminho"},
  };
  private static final String[] APPS = {
    "ping", "video", "chat", "sync", "repo", "nlsr", "file", "sensor", "conference", "keys", "iot", "web",
  };
  private static final String[] WORDS = {
    "alice", "bob", "laptop", "pi4", "camera", "gateway", "thermostat", "router", "phone", "lab", "lecture",
    "frame", "report", "index", "photo", "slides",
  };
  private static final String[] EXTENSIONS = {".mp4", ".txt", ".json", ".jpg", ".pdf", ".html"};

  private final String[] interestUris = new String[SIZE];
  private final byte[][] interestWires = new byte[SIZE][];
  private final int[] nonces = new int[SIZE];
  private final String[] dataUris = new String[SIZE];
  private final byte[][] dataWires = new byte[SIZE][];
  private final byte[][] contents = new byte[SIZE][];
  private final String[] parseUris = new String[SIZE];

  /** Builds the corpus from {@code seed}; the same seed gives the same bytes. */
  public CodecCorpus(long seed) {
    Random rnd = new Random(seed);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < SIZE; i++) {
      String uri;
      do {
        uri = genericName(rnd);
      } while (!seen.add(uri));
      interestUris[i] = uri;
      nonces[i] = rnd.nextInt();
      Interest interest = Interest.builder(Name.parse(uri)).canBePrefix(true).mustBeFresh(true).nonce(nonces[i])
          .lifetime(LIFETIME).build();
      interestWires[i] = bytes(interest.wire());

      long version = 1_718_000_000_000L + rnd.nextInt(1_000_000_000);
      int segment = rnd.nextInt(64);
      dataUris[i] = uri + "/v=" + version + "/seg=" + segment;
      contents[i] = new byte[CONTENT_LENGTH];
      rnd.nextBytes(contents[i]);
      Data data = Data.builder(Name.parse(dataUris[i])).freshnessPeriod(FRESHNESS).content(contents[i])
          .signWithDigestSha256();
      dataWires[i] = bytes(data.wire());
    }
    Set<String> seenParse = new HashSet<>();
    for (int i = 0; i < SIZE; i++) {
      String uri;
      do {
        uri = parseName(rnd);
      } while (!seenParse.add(uri));
      parseUris[i] = uri;
    }
  }

  /** The corpus every benchmark uses. */
  public static CodecCorpus standard() {
    return new CodecCorpus(20_240_611L);
  }

  /** Five generic components, e.g. {@code /ndn/edu/ucla/video/lecture-07.mp4}. */
  private static String genericName(Random rnd) {
    String[] site = SITES[rnd.nextInt(SITES.length)];
    return "/ndn/" + site[0] + "/" + site[1] + "/" + APPS[rnd.nextInt(APPS.length)] + "/" + item(rnd);
  }

  private static String item(Random rnd) {
    String word = WORDS[rnd.nextInt(WORDS.length)];
    switch (rnd.nextInt(4)) {
      case 0:
        return word + "-" + rnd.nextInt(100);
      case 1:
        return word + "-" + String.format(Locale.ROOT, "%03d", rnd.nextInt(1000))
            + EXTENSIONS[rnd.nextInt(EXTENSIONS.length)];
      case 2:
        return Long.toHexString(rnd.nextLong() | 1L << 63).substring(0, 8 + rnd.nextInt(9));
      default:
        return Long.toString(1_718_000_000_000L + rnd.nextInt(1_000_000_000));
    }
  }

  /**
   * The URI-parsing mix: 40% {@code .../seg=N}, 20% {@code .../v=V/seg=N}, 20% five plain components, 10% a
   * numeric ping-like last component, 10% a percent-escaped item.
   */
  private static String parseName(Random rnd) {
    String base = genericName(rnd);
    int kind = rnd.nextInt(10);
    if (kind < 4) {
      return base + "/seg=" + rnd.nextInt(5000);
    } else if (kind < 6) {
      return base + "/v=" + (1_718_000_000_000L + rnd.nextInt(1_000_000_000)) + "/seg=" + rnd.nextInt(64);
    } else if (kind < 8) {
      return base;
    } else if (kind < 9) {
      return base.substring(0, base.lastIndexOf('/')) + "/" + Integer.toUnsignedString(rnd.nextInt());
    }
    return base.substring(0, base.lastIndexOf('/')) + "/" + WORDS[rnd.nextInt(WORDS.length)]
        + "%20%C3%A9t%C3%A9%20" + rnd.nextInt(1000);
  }

  private static byte[] bytes(ByteBuffer view) {
    return Tlv.copy(view, view.position(), view.remaining());
  }

  private static ByteBuffer[] wrapEach(byte[][] wires) {
    ByteBuffer[] out = new ByteBuffer[wires.length];
    for (int i = 0; i < wires.length; i++) {
      out[i] = ByteBuffer.wrap(wires[i].clone());
    }
    return out;
  }

  /**
   * The Interests, each in its own heap buffer (as a face hands them over): 5 generic components, CanBePrefix,
   * MustBeFresh, Nonce, InterestLifetime.
   */
  public ByteBuffer[] interestWires() {
    return wrapEach(interestWires);
  }

  /** The Data, each in its own heap buffer: 7-component name, FreshnessPeriod, 1 KB Content, DigestSha256. */
  public ByteBuffer[] dataWires() {
    return wrapEach(dataWires);
  }

  /** The Name elements of the Interests, each in its own heap buffer. */
  public ByteBuffer[] interestNameWires() {
    ByteBuffer[] out = new ByteBuffer[SIZE];
    for (int i = 0; i < SIZE; i++) {
      out[i] = bytesOf(Interest.decode(ByteBuffer.wrap(interestWires[i])).name().wire());
    }
    return out;
  }

  /** The Name elements of the Data, each in its own heap buffer. */
  public ByteBuffer[] dataNameWires() {
    ByteBuffer[] out = new ByteBuffer[SIZE];
    for (int i = 0; i < SIZE; i++) {
      out[i] = bytesOf(Data.decode(ByteBuffer.wrap(dataWires[i])).name().wire());
    }
    return out;
  }

  private static ByteBuffer bytesOf(ByteBuffer view) {
    return ByteBuffer.wrap(bytes(view));
  }

  /** The Interests' nonces. */
  public int[] nonces() {
    return nonces.clone();
  }

  /** The Data contents (1 KB each). */
  public byte[][] contents() {
    byte[][] out = new byte[SIZE][];
    for (int i = 0; i < SIZE; i++) {
      out[i] = contents[i].clone();
    }
    return out;
  }

  /** The Interest names as NDN URIs. */
  public String[] interestUris() {
    return interestUris.clone();
  }

  /** URIs to parse, in ndnj's syntax ({@code seg=}, {@code v=}). */
  public String[] parseUris() {
    return parseUris.clone();
  }

  /**
   * The same names as {@link #parseUris()} in the syntax jNDN 0.24 reads: it does not know the typed-component
   * keywords, so {@code seg=42} is written {@code 50=%2A} (same TLV-TYPE and value). Produced by jNDN's own
   * {@code toUri} of the name, so each one parses to the same octets as its ndnj twin.
   */
  public String[] parseUrisForJndn() {
    String[] out = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      out[i] = jndnName(Name.parse(parseUris[i]).wire()).toUri();
    }
    return out;
  }

  /** jNDN's decoding of a Name element (the view's remaining octets). */
  public static net.named_data.jndn.Name jndnName(ByteBuffer nameWire) {
    net.named_data.jndn.Name n = new net.named_data.jndn.Name();
    try {
      n.wireDecode(nameWire.duplicate(), TlvWireFormat.get());
    } catch (EncodingException e) {
      throw new IllegalStateException("jNDN cannot decode a corpus name", e);
    }
    return n;
  }

  /** ndnj Names decoded from each buffer (views over them). */
  public static Name[] ndnjNames(ByteBuffer[] nameWires) {
    Name[] out = new Name[nameWires.length];
    for (int i = 0; i < nameWires.length; i++) {
      out[i] = Name.decode(nameWires[i]);
    }
    return out;
  }

  /** jNDN Names decoded from each buffer. */
  public static net.named_data.jndn.Name[] jndnNames(ByteBuffer[] nameWires) {
    net.named_data.jndn.Name[] out = new net.named_data.jndn.Name[nameWires.length];
    for (int i = 0; i < nameWires.length; i++) {
      out[i] = jndnName(nameWires[i]);
    }
    return out;
  }

  /** A few corpus URIs, for documentation and sanity checks. */
  public List<String> sample(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(interestUris[i] + "   " + parseUris[i] + "   " + dataUris[i]);
    }
    return out;
  }
}
