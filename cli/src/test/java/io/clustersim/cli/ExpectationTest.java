package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code expect:} section: each kind met and broken on scenarios whose outcome follows from
 * first principles, a failed expectation failing the run by name, and bad expectations refused.
 */
class ExpectationTest {
  // The DRF paper's example with A and B in roles of their own: tasks launch at 0..4 s, and from
  // then on A holds 3 x <1, 4 GB> (share 12/18) and B 2 x <3, 1 GB> (share 6/9). Offers count in
  // shares: the <0, 4 GB> left can be offered to either, lifting A to at most 16/18 = 0.89.
  private static final String DRF =
      """
      seed: 1
      duration: 60s
      agents:
        - {id: s, resources: {cpus: 9, mem: 18432}}
      frameworks:
        - {id: A, role: a, behaviour: batch, refuse_seconds: 0,
           tasks: {count: 100, resources: {cpus: 1, mem: 4096}, duration: 1h, max_per_offer: 1}}
        - {id: B, role: b, behaviour: batch, refuse_seconds: 0,
           tasks: {count: 100, resources: {cpus: 3, mem: 1024}, duration: 1h, max_per_offer: 1}}
      expect:
      """;

  @TempDir Path dir;

  private Cli.Outcome run(String yaml) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, yaml);
    return Cli.exec("run", "--scenario", f.toString());
  }

  @Test
  void theDrfExampleMeetsWhatThePaperSays() throws IOException {
    Cli.Outcome r =
        run(
            DRF
                + """
                  - {name: A runs three, at: 30s, framework: A, tasks: {running: 3, launched: 3}}
                  - {name: B runs two, at: 30s, framework: B, tasks: {running: 2}}
                  - {name: B keeps its share, role: b, dominant_share: {min: 0.6}, from: 5s}
                  - {name: A within bounds, role: a, dominant_share: {max: 0.9}, from: 5s}
                """);
    assertEquals(0, r.status(), r.out() + r.err());
    for (String name : new String[] {"A runs three", "B runs two", "B keeps", "A within"}) {
      assertTrue(r.out().contains("expectation met: " + name), r.out());
    }
  }

  @Test
  void aBrokenExpectationFailsTheRunByName() throws IOException {
    Cli.Outcome r =
        run(
            DRF
                + """
                  - {name: A runs four, at: 30s, framework: A, tasks: {running: 4}}
                  - {name: A stays small, role: a, dominant_share: {max: 0.5}, until: 10s}
                  - {at: 2s, framework: B, tasks: {running: 1}}
                """);
    assertEquals(1, r.status());
    assertTrue(
        r.err()
            .contains(
                "expectation failed: A runs four: framework A at 30s: [running 3 (expected 4)]"),
        r.err());
    // A reaches 8/18 at 2 s and 12/18 at 4 s: above 0.5 before 10 s.
    assertTrue(
        r.err().contains("expectation failed: A stays small: role a held a dominant share"),
        r.err());
    // At 2 s, B-0 (launched at 1 s) runs: met, under the name made from its fields.
    assertTrue(r.out().contains("expectation met: B tasks {running=1} at 2s"), r.out());
  }

  @Test
  void starvationAndFinishing() throws IOException {
    // h holds the only agent from 0 s; b registers at 10 s and never gets an offer. h itself waits
    // from its one offer at 0 s to the end: the longest wait is the whole 60 s.
    String hold =
        """
        duration: 60s
        agents:
          - {id: x, resources: {cpus: 4, mem: 4096}}
        frameworks:
          - {id: h, behaviour: hold}
          - {id: b, behaviour: batch, start: 10s, tasks: {count: 1, resources: {cpus: 1, mem: 1}, duration: 1s}}
        expect:
        """;
    assertEquals(0, run(hold + "  - {no_starvation_longer_than: 60s}\n").status());
    Cli.Outcome starved = run(hold + "  - {no_starvation_longer_than: 30s}\n");
    assertEquals(1, starved.status());
    assertTrue(starved.err().contains("a framework waited 60s for an offer"), starved.err());

    // Four tasks of 10 s launched at 0 s end at 10 s.
    String batch =
        """
        duration: 30s
        agents:
          - {id: x, resources: {cpus: 4, mem: 4096}}
        frameworks:
          - {id: b, behaviour: batch, tasks: {count: 4, resources: {cpus: 1, mem: 1024}, duration: 10s}}
        expect:
        """;
    assertEquals(0, run(batch + "  - {all_tasks_finished_by: 10s}\n").status());
    Cli.Outcome early = run(batch + "  - {all_tasks_finished_by: 9s}\n");
    assertEquals(1, early.status());
    assertTrue(early.err().contains("4 tasks still live"), early.err());
    Cli.Outcome late = run(batch + "  - {all_tasks_finished_by: 40s}\n");
    assertEquals(1, late.status());
    assertTrue(late.err().contains("the run ended at 30s, before 40s"), late.err());
  }

  @Test
  void badExpectationsAreRefusedWithTheirLine() throws IOException {
    Cli.Outcome state = run(DRF + "  - {at: 1s, framework: A, tasks: {sleeping: 1}}\n");
    assertEquals(2, state.status());
    assertTrue(state.err().contains(":11:"), state.err());
    assertTrue(state.err().contains("unknown task state 'sleeping'"), state.err());
    Cli.Outcome role = run(DRF + "  - {role: c, dominant_share: {max: 0.5}}\n");
    assertEquals(2, role.status());
    assertTrue(role.err().contains("no framework is in role 'c' (roles: a, b)"), role.err());
    Cli.Outcome fw = run(DRF + "  - {at: 1s, framework: Z, tasks: {running: 1}}\n");
    assertEquals(2, fw.status());
    assertTrue(fw.err().contains("no framework 'Z' is declared"), fw.err());
    Cli.Outcome kind = run(DRF + "  - {at: 1s}\n");
    assertEquals(2, kind.status());
    assertTrue(kind.err().contains("an expectation needs one of"), kind.err());
  }
}
