package dev.ndnj.forwarder.fwd;

import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.forwarder.mgmt.CommandAuthorizer;
import dev.ndnj.forwarder.mgmt.StrictCommandAuthorizer;
import dev.ndnj.security.CertificateFetcher;
import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.Validator;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.faces.websocket.WebSocketFacesConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Settings of {@code ndnj fwd}: NFD-like defaults (TCP and UDP 6363, WebSocket 9696, the Unix socket at
 * {@link NetFacesConfig#defaultUnixPath()}, wildcard addresses, 64 MiB Content Store, the browser demo on). A port
 * of 0 asks for an ephemeral port; a port of -1 disables that channel; a null Unix path disables the Unix channel.
 * Setters return {@code this}.
 */
public final class FwdConfig {
  /** Value of a port that disables the channel. */
  public static final int DISABLED = -1;

  int tcpPort = 6363;
  int udpPort = 6363;
  int wsPort = WebSocketFacesConfig.DEFAULT_PORT;
  Path unixPath = NetFacesConfig.defaultUnixPath();
  String bind;
  long csCapacityBytes = JvmEngines.DEFAULT_CS_CAPACITY_BYTES;
  boolean demo = true;
  boolean localhop;
  boolean strictManagement;
  final Map<String, List<Path>> managementAnchors = new LinkedHashMap<>();
  final List<Path> localhopAnchors = new ArrayList<>();
  boolean localhopTrustAny;
  int commandChainLength;

  /** The defaults. */
  public FwdConfig() {}

  public FwdConfig tcpPort(int port) {
    tcpPort = checkPort("tcp", port);
    return this;
  }

  public FwdConfig udpPort(int port) {
    udpPort = checkPort("udp", port);
    return this;
  }

  public FwdConfig wsPort(int port) {
    wsPort = checkPort("websocket", port);
    return this;
  }

  /** The Unix socket path, or null for no Unix channel. */
  public FwdConfig unixPath(Path path) {
    unixPath = path;
    return this;
  }

  /** The address TCP, UDP and WebSocket channels bind to, or null for {@code 0.0.0.0} and {@code [::]}. */
  public FwdConfig bind(String address) {
    bind = address == null || address.isBlank() ? null : address.trim();
    return this;
  }

  public FwdConfig csCapacityBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("cs capacity must not be negative: " + bytes);
    }
    csCapacityBytes = bytes;
    return this;
  }

  /**
   * Whether to serve the browser demo (default on): its pages over HTTP on the WebSocket port and its generated
   * files under {@code /ndnj/demo}.
   */
  public FwdConfig demo(boolean on) {
    demo = on;
    return this;
  }

  /**
   * Whether non-local faces (UDP, or TCP and WebSocket from another host) may register prefixes with
   * {@code /localhop/nfd/rib/register} (default off, as NFD without {@code localhop_security}). NDNts applications
   * over UDP register there.
   */
  public FwdConfig localhop(boolean on) {
    localhop = on;
    return this;
  }

  /** Whether {@code /localhop/nfd/rib} commands from non-local faces are served (checked by the /localhop policy). */
  public boolean localhopEnabled() {
    return localhop;
  }

  /**
   * Management authorization mode: false (default, {@code local}) accepts any well-formed signed command from local
   * faces; true ({@code strict}) verifies every command against the trust anchors of its module.
   */
  public FwdConfig strictManagement(boolean on) {
    strictManagement = on;
    return this;
  }

  /**
   * Adds a certificate file (base64 as {@code ndnsec cert-dump} prints it, or binary) whose key may sign commands of
   * {@code module} in strict mode; {@code module} null or empty: of every module without its own anchors.
   */
  public FwdConfig managementTrustAnchor(String module, Path certificate) {
    managementAnchors.computeIfAbsent(module == null ? "" : module, k -> new ArrayList<>()).add(certificate);
    return this;
  }

  /**
   * How many certificates may stand between a command's signer and a trust anchor (default 0: only the anchors' own
   * keys sign commands); above 0 the forwarder fetches the certificates over NDN.
   */
  public FwdConfig commandChainLength(int n) {
    if (n < 0 || n > 10) {
      throw new IllegalArgumentException("max_chain must be 0..10: " + n);
    }
    commandChainLength = n;
    return this;
  }

  /** Adds a certificate file whose key may sign {@code /localhop/nfd/rib} commands from non-local faces. */
  public FwdConfig localhopTrustAnchor(Path certificate) {
    localhopAnchors.add(certificate);
    return this;
  }

  /**
   * Accept {@code /localhop/nfd/rib} commands from non-local faces signed by anyone (any well-formed signed command,
   * DigestSha256 included): NFD's {@code localhop_security { trust-anchor { type any } }}. For trusted links only
   * (a lab, a test, a link where every neighbour may add routes); excludes {@link #localhopTrustAnchor}. Default off:
   * without anchors, /localhop commands from non-local faces are refused.
   */
  public FwdConfig localhopTrustAny(boolean on) {
    localhopTrustAny = on;
    return this;
  }

  /**
   * The management authorizer this configuration asks for: a {@link StrictCommandAuthorizer}, trusting local faces
   * unless strict, with the configured anchors. /localhop commands from non-local faces (when /localhop is on) are
   * always checked against the /localhop trust policy: its anchors, or anyone with {@link #localhopTrustAny}; with
   * neither configured they are refused (403).
   *
   * @throws IOException if a certificate file cannot be read
   * @throws IllegalArgumentException if one is not a certificate, or both /localhop anchors and trust-any are set
   */
  public CommandAuthorizer commandAuthorizer() throws IOException {
    return commandAuthorizer(() -> null);
  }

  /**
   * As {@link #commandAuthorizer()}, with the source of certificates between signers and anchors (asked for only
   * when {@code max_chain} is above 0).
   */
  public CommandAuthorizer commandAuthorizer(java.util.function.Supplier<CertificateFetcher> fetchers)
      throws IOException {
    CertificateFetcher fetcher = commandChainLength > 0 ? fetchers.get() : null;
    StrictCommandAuthorizer.Builder b = StrictCommandAuthorizer.builder().localFacesTrusted(!strictManagement);
    for (Map.Entry<String, List<Path>> e : managementAnchors.entrySet()) {
      Validator v = policy(readAll(e.getValue()), fetcher);
      if (e.getKey().isEmpty()) {
        b.defaultPolicy(v);
      } else {
        b.module(e.getKey(), v);
      }
    }
    if (localhopTrustAny && !localhopAnchors.isEmpty()) {
      throw new IllegalArgumentException("localhop_trust = any and localhop_trust_anchor exclude each other");
    }
    if (localhop && localhopTrustAny) {
      b.localhopAnySigner(); // NFD's localhop_security { trust-anchor { type any } }: explicit opt-in only
    } else {
      // no anchors: a null policy, so /localhop commands from non-local faces are refused
      b.localhop(localhop, localhopAnchors.isEmpty() ? null : policy(readAll(localhopAnchors), fetcher));
    }
    return b.build();
  }

  private Validator policy(List<Certificate> anchors, CertificateFetcher fetcher) {
    return fetcher == null ? StrictCommandAuthorizer.allowedKeys(anchors)
        : StrictCommandAuthorizer.trustPolicy(anchors, fetcher, commandChainLength, System::currentTimeMillis);
  }

  private static List<Certificate> readAll(List<Path> files) throws IOException {
    List<Certificate> out = new ArrayList<>();
    for (Path f : files) {
      out.add(CertificateIo.read(f));
    }
    return out;
  }

  private static int checkPort(String what, int port) {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException(what + " port must be -1 (disabled), 0 (ephemeral) or 1..65535: " + port);
    }
    return port;
  }

  /**
   * Applies a configuration file to this configuration: an INI file with NFD-like sections, or equivalently
   * properties with dotted keys ({@code face_system.tcp.port = 6363}). {@code key = value} and NFD's
   * {@code key value} are both accepted; {@code #} and {@code ;} start comments (at the start of a line, or after a
   * space or tab). Keys:
   * <pre>
   * [face_system]            bind = ADDRESS
   * [face_system.tcp]        port = N, listen = yes|no
   * [face_system.udp]        port = N, listen = yes|no
   * [face_system.unix]       path = PATH, listen = yes|no
   * [face_system.websocket]  port = N, listen = yes|no
   * [tables]                 cs_max_bytes = N
   * [demo]                   enabled = yes|no
   * [rib]                    localhop = yes|no, localhop_trust_anchor = FILE[,FILE...], localhop_trust = any|anchors
   * [authorization]          mode = local|strict, trust_anchor = FILE[,FILE...], max_chain = N,
   *                          MODULE.trust_anchor = FILE[,FILE...] (faces, fib, rib, strategy-choice, cs)
   * </pre>
   *
   * @throws IllegalArgumentException on an unknown key or a bad value, naming the line
   */
  public FwdConfig load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i)).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": unterminated section header");
        }
        section = line.substring(1, line.length() - 1).trim();
        continue;
      }
      int eq = line.indexOf('=');
      String key;
      String value;
      if (eq >= 0) {
        key = line.substring(0, eq).trim();
        value = line.substring(eq + 1).trim();
      } else {
        String[] kv = line.split("\\s+", 2);
        key = kv[0];
        value = kv.length > 1 ? kv[1].trim() : "";
      }
      String full = section.isEmpty() ? key : section + "." + key;
      try {
        set(full.toLowerCase(Locale.ROOT), value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  /** Drops a comment: a whole line starting with # or ;, or from a # or ; that follows a space or tab. */
  private static String stripComment(String line) {
    String t = line.trim();
    if (t.startsWith("#") || t.startsWith(";")) {
      return "";
    }
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      char before = line.charAt(i - 1);
      if ((c == ';' || c == '#') && (before == ' ' || before == '\t')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private void set(String key, String value) {
    switch (key) {
      case "face_system.bind" -> bind(value);
      case "face_system.tcp.port" -> tcpPort(Integer.parseInt(value));
      case "face_system.tcp.listen" -> tcpPort = yes(value) ? (tcpPort < 0 ? 6363 : tcpPort) : DISABLED;
      case "face_system.udp.port" -> udpPort(Integer.parseInt(value));
      case "face_system.udp.listen" -> udpPort = yes(value) ? (udpPort < 0 ? 6363 : udpPort) : DISABLED;
      case "face_system.websocket.port" -> wsPort(Integer.parseInt(value));
      case "face_system.websocket.listen" ->
          wsPort = yes(value) ? (wsPort < 0 ? WebSocketFacesConfig.DEFAULT_PORT : wsPort) : DISABLED;
      case "face_system.unix.path" -> unixPath(value.isEmpty() ? null : Path.of(value));
      case "face_system.unix.listen" ->
          unixPath = yes(value) ? (unixPath == null ? NetFacesConfig.defaultUnixPath() : unixPath) : null;
      case "tables.cs_max_bytes" -> csCapacityBytes(Long.parseLong(value));
      case "demo.enabled" -> demo = yes(value);
      case "rib.localhop" -> localhop = yes(value);
      case "rib.localhop_trust_anchor" -> files(value).forEach(this::localhopTrustAnchor);
      case "rib.localhop_trust" -> localhopTrustAny = switch (value.toLowerCase(Locale.ROOT)) {
        case "any" -> true;
        case "anchors" -> false;
        default -> throw new IllegalArgumentException("localhop_trust must be any or anchors: " + value);
      };
      case "authorization.mode" -> strictManagement = switch (value.toLowerCase(Locale.ROOT)) {
        case "local" -> false;
        case "strict" -> true;
        default -> throw new IllegalArgumentException("authorization mode must be local or strict: " + value);
      };
      case "authorization.trust_anchor" -> files(value).forEach(f -> managementTrustAnchor(null, f));
      case "authorization.max_chain" -> commandChainLength(Integer.parseInt(value));
      default -> {
        if (key.startsWith("authorization.") && key.endsWith(".trust_anchor")) {
          String module = key.substring("authorization.".length(), key.length() - ".trust_anchor".length());
          if (!List.of("faces", "fib", "rib", "strategy-choice", "cs").contains(module)) {
            throw new IllegalArgumentException("unknown management module " + module);
          }
          files(value).forEach(f -> managementTrustAnchor(module, f));
        } else {
          throw new IllegalArgumentException("unknown key " + key);
        }
      }
    }
  }

  private static List<Path> files(String value) {
    List<Path> out = new ArrayList<>();
    for (String f : value.split(",")) {
      if (!f.isBlank()) {
        out.add(Path.of(f.trim()));
      }
    }
    return out;
  }

  private static boolean yes(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on", "1" -> true;
      case "no", "false", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected yes or no: " + v);
    };
  }
}
