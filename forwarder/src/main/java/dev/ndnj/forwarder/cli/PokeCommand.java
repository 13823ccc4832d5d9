package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.Registration;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj poke}: makes one Data of standard input named NAME, signed as {@link SigningOptions} says (the
 * keychain's default identity, {@code --identity}, {@code --key}, or DigestSha256), registers NAME with the forwarder
 * and answers the first Interest it satisfies, then exits (as ndn-tools' ndnpoke). While it runs it also serves the
 * signing key's certificate under the key name. Exit code 1 when no Interest came within {@code --timeout}.
 */
@Command(name = "poke", sortOptions = false,
    description = {"Serve standard input as one Data packet named NAME to the first Interest for it, then exit.",
        "The Data is signed with the keychain's default identity (or --identity, --key; --digest: DigestSha256);",
        "the key's certificate is served under the key name while poke runs. Status lines go to standard error."},
    footer = {"", "Example:", "  echo hello | ndnj poke --freshness 10000 /example/greeting"})
public final class PokeCommand extends ClientCommand {
  @ParentCommand
  NdnjCli parent;

  @Parameters(index = "0", paramLabel = "NAME", converter = NameConverter.class, description = "Data name")
  Name name;

  @Option(names = {"-f", "--freshness"}, paramLabel = "MILLIS", description = "FreshnessPeriod (default: none)")
  Long freshness;

  @Option(names = {"-w", "--timeout"}, paramLabel = "MILLIS", defaultValue = "0",
      description = "Give up when no Interest came in this time (default 0: wait until Ctrl-C)")
  long timeout;

  @Mixin
  SigningOptions signing;

  @Override
  void validate() {
    signing.validate();
    if (freshness != null && freshness < 0) {
      throw new IllegalArgumentException("--freshness must be >= 0");
    }
    if (timeout < 0) {
      throw new IllegalArgumentException("--timeout must be >= 0");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("NAME must have at least one component");
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    byte[] content;
    try {
      content = parent.stdin().readAllBytes();
    } catch (IOException e) {
      throw new ToolException("cannot read standard input: " + e.getMessage(), e);
    }
    Data.Builder b = Data.builder(name).content(content);
    if (freshness != null) {
      b.freshnessPeriod(freshness);
    }
    SigningOptions.Signing sig = signing.resolve(c, keychain.directory(), err(), "poke");
    Data data = sig.sign(b);
    CountDownLatch served = new CountDownLatch(1);
    AtomicBoolean once = new AtomicBoolean();
    Registration reg = c.engine().producer().produce(name, (interest, responder) -> {
      if (interest.matches(data) && once.compareAndSet(false, true)) {
        responder.data(data);
        served.countDown();
      }
    });
    Registration certReg = null;
    try {
      c.register(name);
      certReg = sig.serveCertificate(c);
      err().println("poke: serving " + name + " (" + content.length + " bytes) signed with " + sig.describe()
          + "; waiting for an Interest");
      err().flush();
      boolean ok;
      if (timeout > 0) {
        ok = served.await(timeout, TimeUnit.MILLISECONDS);
      } else {
        served.await();
        ok = true;
      }
      if (!ok) {
        throw new ToolException("no Interest for " + name + " within " + timeout + " ms");
      }
      err().println("poke: served " + name);
      return 0;
    } finally {
      reg.close();
      if (certReg != null) {
        certReg.close();
      }
    }
  }
}
