package io.clustersim.core.scenario;

import java.util.Map;

/**
 * One entry of a scenario's {@code expect:} section: something the run must show, checked as it
 * runs. A failed expectation fails the run (exit status 1) and is named in the message. Each has a
 * {@code name}, given in the file or made from its fields.
 */
public sealed interface Expectation {
  /** How the expectation is named in messages. */
  String name();

  /**
   * At the end of instant {@code atMicros}, framework {@code framework} has exactly {@code counts}
   * tasks in each named state ({@code staging}, {@code starting}, {@code running}, {@code
   * finished}, {@code failed}, {@code killed}, {@code lost}, {@code error}, {@code gone}), and
   * {@code launched} counts every task launched so far.
   */
  record TaskCounts(String name, long atMicros, String framework, Map<String, Long> counts)
      implements Expectation {}

  /**
   * Role {@code role}'s dominant share stays within [{@code min}, {@code max}] whenever it holds
   * for a while (values within one instant do not count) between {@code fromMicros} and {@code
   * untilMicros} (-1: the end of the run).
   */
  record ShareBounds(
      String name, String role, double min, double max, long fromMicros, long untilMicros)
      implements Expectation {}

  /** No framework waits longer than {@code maxMicros} for an offer while it wants one. */
  record NoStarvation(String name, long maxMicros) implements Expectation {}

  /**
   * By the end of instant {@code byMicros} every launched task has finished ({@code
   * TASK_FINISHED}), and every batch framework has finished all its tasks.
   */
  record AllFinished(String name, long byMicros) implements Expectation {}
}
