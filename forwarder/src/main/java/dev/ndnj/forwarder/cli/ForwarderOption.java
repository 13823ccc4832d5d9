package dev.ndnj.forwarder.cli;

import dev.ndnj.faces.net.NetFacesConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --forwarder <face-uri>} option every tool that talks to a running forwarder takes: where to connect.
 * Default: the Unix socket {@code ndnj fwd} listens on by default ({@link NetFacesConfig#defaultUnixPath()}).
 */
public final class ForwarderOption {
  @Option(names = "--forwarder", paramLabel = "FACE-URI",
      description = "Forwarder to connect to: unix:///path, tcp4://host:port, ws://host:port "
          + "(default: the Unix socket of ndnj fwd, $XDG_RUNTIME_DIR/ndnj.sock or <tmpdir>/ndnj-<user>.sock)")
  String uri;

  /** The face URI to connect to: the option, or the default Unix socket. */
  public String uri() {
    if (uri == null || uri.isEmpty()) {
      return defaultUri();
    }
    return uri;
  }

  /** {@code unix://} + the default socket path of {@code ndnj fwd}. */
  public static String defaultUri() {
    return "unix://" + NetFacesConfig.defaultUnixPath();
  }
}
