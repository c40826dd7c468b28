package io.clustersim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clustersim trace}: look at and make traces. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Inspect real traces, list the formats, or generate synthetic ones.",
    subcommands = {
      TraceInspectCommand.class,
      TraceGenerateCommand.class,
      TraceFormatsCommand.class,
      TracePlacementsCommand.class,
      CommandLine.HelpCommand.class
    })
final class TraceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command (inspect, generate, formats)");
  }
}
