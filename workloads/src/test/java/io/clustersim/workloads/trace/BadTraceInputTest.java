package io.clustersim.workloads.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad row stops a strict read with a message naming file, line, column, field and
 * value, and is counted (with the good rows still read) under --skip-bad-rows.
 */
class BadTraceInputTest {
  @TempDir Path dir;

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            "machine_events/part-00000-of-00001.csv",
            "0,3,0,p,abc,0.5",
            "not a number",
            ":3: column 5 (CPUs): value 'abc': not a number"),
        Arguments.of(
            "task_events/part-00000-of-00001.csv",
            "10,,7,0,,0,u,0,9,0.1,0.1,0",
            "column count",
            ":3: expected 13 columns, found 12"),
        Arguments.of(
            "task_events/part-00000-of-00001.csv",
            "10,,7,0,,9,u,0,9,0.1,0.1,0,0",
            "unknown event code",
            ":3: column 6 (event type): value '9': unknown event code 9 (known: 0=SUBMIT"),
        Arguments.of(
            "task_events/part-00000-of-00001.csv",
            "10,,7,0,99,1,u,0,9,,,,",
            "unknown machine",
            ":3: machine ID '99': no machine with this ID was added"),
        Arguments.of(
            "task_events/part-00000-of-00001.csv",
            "10,,7,0,,0,u,0,12,0.1,0.1,0,0",
            "out of range",
            ":3: column 9 (priority): value '12': priorities are 0 to 11"));
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void aBadRowIsAnErrorOrACount(String file, String row, String kind, String message)
      throws Exception {
    TraceFixtures.write(dir, "machine_events/part-00000-of-00001.csv", TraceFixtures.TWO_MACHINES);
    if (file.startsWith("machine_events")) {
      TraceFixtures.write(
          dir, file, TraceFixtures.TWO_MACHINES[0], TraceFixtures.TWO_MACHINES[1], row);
    } else {
      // A good task (submitted, scheduled on machine 1), then the bad row.
      TraceFixtures.write(
          dir, file, "5,,7,1,,0,u,0,9,0.1,0.1,0,0", "6,,7,1,1,1,u,0,9,0.1,0.1,0,0", row);
    }
    TraceException e =
        assertThrows(
            TraceException.class, () -> TraceFixtures.read("google-2011", dir, new BadRows(false)));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.toString()), "names the file: " + e.getMessage());
    assertEquals(kind, e.kind());

    BadRows skip = new BadRows(true);
    List<TraceEvent> events = TraceFixtures.read("google-2011", dir, skip);
    assertEquals(Map.of(kind, 1L), skip.skipped());
    assertTrue(skip.examples().get(0).contains(message));
    // Two machines, and in the task files the good task's submit and schedule, are still read.
    assertEquals(file.startsWith("machine_events") ? 2 : 4, events.size(), events.toString());
  }

  @org.junit.jupiter.api.Test
  void timeGoingBackwardsInsideAPartIsBadInput() throws Exception {
    TraceFixtures.write(dir, "machine_events/part-00000-of-00001.csv", TraceFixtures.TWO_MACHINES);
    TraceFixtures.write(
        dir,
        "task_events/part-00000-of-00001.csv",
        "200,,7,0,,0,u,0,9,0.1,0.1,0,0",
        "100,,7,1,,0,u,0,9,0.1,0.1,0,0");
    TraceException e =
        assertThrows(
            TraceException.class, () -> TraceFixtures.read("google-2011", dir, new BadRows(false)));
    assertTrue(
        e.getMessage().contains(":2: column 1 (time): value '100': time goes backwards"),
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void orphansAreCountedNotSilentlyDropped() throws Exception {
    TraceFixtures.write(dir, "machine_events/part-00000-of-00001.csv", TraceFixtures.TWO_MACHINES);
    TraceFixtures.write(dir, "job_events/part-00000-of-00001.csv", "5,,7,0,u,0,n,l");
    TraceFixtures.write(
        dir,
        "task_events/part-00000-of-00001.csv",
        "5,,7,0,,0,u,0,9,0.1,0.1,0,0", // job 7 was submitted
        "6,,8,0,,0,u,0,9,0.1,0.1,0,0", // job 8 never was: an orphan, still replayed
        "7,,9,0,1,4,u,0,9,,,,"); // a FINISH for a task never submitted: an orphan, left out
    TraceFixtures.write(
        dir,
        "task_usage/part-00000-of-00001.csv",
        "8,300,9,5,1,0.01,0.01,,,,,,,,,,,,0,"); // usage of an unknown task
    BadRows bad = new BadRows(false);
    List<TraceEvent> events = TraceFixtures.read("google-2011", dir, bad);
    assertEquals(
        Map.of(
            "task event before its job", 1L,
            "task ended but never submitted", 1L,
            "usage for an unknown task", 1L),
        bad.orphans());
    assertEquals(2, events.stream().filter(e -> e instanceof TraceEvent.TaskSubmitted).count());
  }
}
