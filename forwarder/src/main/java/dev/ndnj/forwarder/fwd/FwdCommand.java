package dev.ndnj.forwarder.fwd;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ndnj fwd}: runs the forwarder until SIGINT or SIGTERM. Defaults are built in; {@code --config} reads a file
 * (see {@link FwdConfig#load}) and the other options override it.
 */
@Command(name = "fwd", description = {
    "Run the forwarder: TCP and UDP 6363, WebSocket 9696, a Unix socket, NFD management on /localhost/nfd,",
    "and the browser demo on http://localhost:9696/ (the WebSocket port).",
    "A port of 0 listens on an ephemeral port, -1 disables the channel; --unix-path none disables the Unix socket.",
    "Options override --config. Stops on SIGINT/SIGTERM."})
public final class FwdCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "INI configuration file (NFD-like sections)")
  Path configFile;

  @Option(names = "--tcp-port", paramLabel = "PORT", description = "TCP port (default 6363)")
  Integer tcpPort;

  @Option(names = "--udp-port", paramLabel = "PORT", description = "UDP port (default 6363)")
  Integer udpPort;

  @Option(names = "--ws-port", paramLabel = "PORT", description = "WebSocket port (default 9696)")
  Integer wsPort;

  @Option(names = "--unix-path", paramLabel = "PATH",
      description = "Unix socket path (default $XDG_RUNTIME_DIR/ndnj.sock or <tmpdir>/ndnj-<user>.sock; none: off)")
  String unixPath;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "address of the TCP, UDP and WebSocket channels (default 0.0.0.0 and [::])")
  String bind;

  @Option(names = "--cs-capacity-bytes", paramLabel = "BYTES", description = "Content Store capacity (default 64 MiB)")
  Long csCapacityBytes;

  @Option(names = "--no-demo",
      description = "do not serve the browser demo (pages on the WebSocket port, files under /ndnj/demo)")
  boolean noDemo;

  @Option(names = "--mgmt-auth", paramLabel = "MODE",
      description = "management authorization: local (default: any signed command from a local face) or strict")
  String mgmtAuth;

  @Option(names = "--mgmt-trust-anchor", paramLabel = "CERT",
      description = "certificate file whose key may sign management commands in strict mode (repeatable)")
  java.util.List<Path> mgmtTrustAnchors = new java.util.ArrayList<>();

  @Option(names = "--localhop-trust-anchor", paramLabel = "CERT",
      description = "certificate file whose key may sign /localhop/nfd/rib commands from non-local faces (repeatable)")
  java.util.List<Path> localhopTrustAnchors = new java.util.ArrayList<>();

  @Option(names = "--localhop",
      description = "serve /localhop/nfd/rib/register from non-local faces, checked against the /localhop trust policy")
  boolean localhop;

  @Option(names = "--localhop-trust-any",
      description = "/localhop trust policy that accepts any signed command (NFD's trust-anchor any): trusted links only")
  boolean localhopTrustAny;

  /** The configuration from the file (if any) and the options. */
  FwdConfig config() throws Exception {
    FwdConfig c = new FwdConfig();
    if (configFile != null) {
      c.load(configFile);
    }
    if (tcpPort != null) {
      c.tcpPort(tcpPort);
    }
    if (udpPort != null) {
      c.udpPort(udpPort);
    }
    if (wsPort != null) {
      c.wsPort(wsPort);
    }
    if (unixPath != null) {
      c.unixPath(unixPath.isEmpty() || unixPath.equals("none") ? null : Path.of(unixPath));
    }
    if (bind != null) {
      c.bind(bind);
    }
    if (csCapacityBytes != null) {
      c.csCapacityBytes(csCapacityBytes);
    }
    if (noDemo) {
      c.demo(false);
    }
    if (mgmtAuth != null) {
      switch (mgmtAuth) {
        case "local" -> c.strictManagement(false);
        case "strict" -> c.strictManagement(true);
        default -> throw new IllegalArgumentException("--mgmt-auth must be local or strict: " + mgmtAuth);
      }
    }
    mgmtTrustAnchors.forEach(f -> c.managementTrustAnchor(null, f));
    localhopTrustAnchors.forEach(c::localhopTrustAnchor);
    if (localhop) {
      c.localhop(true);
    }
    if (localhopTrustAny) {
      c.localhopTrustAny(true);
    }
    return c;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    FwdConfig c;
    try {
      c = config();
    } catch (IllegalArgumentException | java.io.IOException e) {
      err.println("ndnj fwd: " + e.getMessage());
      err.flush();
      return 2;
    }
    ForwarderProcess fwd = new ForwarderProcess(c, FwdLog.to(System.out));
    try {
      fwd.start();
    } catch (RuntimeException e) {
      err.println("ndnj fwd: " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      fwd.close();
      stopped.countDown();
    }, "ndnj-fwd-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }
}
