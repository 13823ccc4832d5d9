package dev.ndnj.forwarder.cli;

import dev.ndnj.security.KeyChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --keychain DIR} option of the tools that talk to a running forwarder: where their signing keys (for
 * management commands, and the Data of {@code poke} and {@code put}) and trust anchors ({@code --verify}) are. Default:
 * {@code $NDNJ_KEYCHAIN}, else {@code ~/.ndnj/keychain}, as {@code ndnj key} uses.
 */
public final class KeychainOption {
  @Option(names = "--keychain", paramLabel = "DIR",
      description = "keychain directory (default $NDNJ_KEYCHAIN or ~/.ndnj/keychain)")
  Path dir;

  /** The keychain directory: the option, else {@link KeyChain#defaultDirectory()}. */
  public Path directory() {
    return dir != null ? dir : KeyChain.defaultDirectory();
  }

  /**
   * The keychain, or null when its directory does not exist (a tool never creates a keychain: without one it signs
   * with DigestSha256).
   *
   * @throws ToolException if the directory exists but cannot be read as a keychain
   */
  public KeyChain openIfExists() throws ToolException {
    Path d = directory();
    if (!Files.isDirectory(d)) {
      return null;
    }
    try {
      return KeyChain.open(d);
    } catch (IOException e) {
      throw new ToolException("cannot open the keychain in " + d + ": " + e.getMessage(), e);
    }
  }
}
