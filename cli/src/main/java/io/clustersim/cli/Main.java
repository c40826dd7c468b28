package io.clustersim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clustersim} command. Exit status: 0 success, 1 invariant violated, 2 bad input. */
@Command(
    name = "clustersim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Deterministic discrete-event simulator of a Mesos-style cluster.",
      "A scenario file plus a seed gives the same event log, byte for byte, every time."
    },
    subcommands = {
      RunCommand.class,
      ReplayCommand.class,
      StateCommand.class,
      ExploreCommand.class,
      ShrinkCommand.class,
      CompareCommand.class,
      TraceCommand.class,
      PoliciesCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the run failed (an invariant was violated, or out of memory)",
      "2:bad usage or input"
    })
public final class Main implements Runnable {
  /** Exit status when an invariant is violated. */
  public static final int INVARIANT = 1;

  /** Exit status for bad usage or input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int status;
    try {
      status = execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "clustersim: out of memory: give Java more heap (e.g. JAVA_TOOL_OPTIONS=-Xmx8g) or"
              + " replay a smaller part of the trace (--window, --sample-machines, --max-tasks)");
      status = INVARIANT;
    }
    System.exit(status);
  }

  /** Runs the command line and returns the exit status (for tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("clustersim: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println(
                  "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return BAD_INPUT;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command (run, replay, state, explore, shrink, compare, trace, policies, help)");
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/clustersim-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"clustersim " + p.getProperty("version", "unknown")};
    }
  }
}
