package dev.ndnj.forwarder.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code face}, {@code route}, ...): alone, it prints its usage, exit 2. */
abstract class GroupCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("ERROR: a subcommand is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
