package dev.ndnj.forwarder.cli;

import dev.ndnj.forwarder.fwd.FwdCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ndnj} command line: the top-level command whose subcommands are the forwarder and its tools.
 *
 * <p>{@code --help} and {@code --version} are inherited by every subcommand. A new subcommand is a picocli
 * {@code @Command} class listed in {@code subcommands} below. Standard input is injected so tests can feed it.
 */
@Command(name = "ndnj", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = NdnjCli.Version.class,
    description = "ndnj: a Named Data Networking forwarder and its tools.",
    subcommands = {DissectCommand.class, FwdCommand.class, StatusCommand.class, FaceCommand.class,
        RouteCommand.class, StrategyCommand.class, CsCommand.class, PingCommand.class, PingServerCommand.class,
        PeekCommand.class, PokeCommand.class, PutCommand.class, GetCommand.class, KeyCommand.class})
public final class NdnjCli implements Runnable {
  private final InputStream stdin;

  @Spec
  CommandSpec spec;

  /** A CLI that reads standard input from {@code stdin} (borrowed; never closed). */
  public NdnjCli(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Runs {@code ndnj} with the process's standard streams and exits with the command's exit code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new NdnjCli(System.in)).execute(args));
  }

  /** Standard input as given to the constructor. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    // No subcommand: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Supplies {@code --version} from the build's version.properties. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = NdnjCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"ndnj " + p.getProperty("version", "unknown")};
    }
  }
}
