package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The DRF paper's example (Ghodsi et al., NSDI 2011, §4.1), run through the whole cluster: master,
 * hierarchical DRF allocator, agents and batch frameworks.
 */
class DrfPaperExampleTest {
  @Test
  void aEndsWithThreeTasksAndBWithTwo() throws IOException {
    // One agent <9 CPU, 18 GB>. A's tasks <1, 4 GB>, B's <3, 1 GB>; one task per offer, the rest
    // declined with refuse_seconds 0 (no filter), so every tick offers the leftover to the
    // framework
    // with the lowest dominant share:
    //   t=0 A (0 = 0, name)   → A <1,4>   share A = max(1/9, 4/18) = 2/9
    //   t=1 B (0 < 2/9)        → B <3,1>   share B = max(3/9, 1/18) = 1/3
    //   t=2 A (2/9 < 1/3)      → A <2,8>   share A = 4/9
    //   t=3 B (1/3 < 4/9)      → B <6,2>   share B = 2/3
    //   t=4 A (4/9 < 2/3)      → A <3,12>  share A = 2/3; left <0 CPU, 4 GB>: nobody fits.
    Runs r = Runs.run(Files.readString(Path.of("../examples/drf-paper.yaml")));
    assertEquals(3, r.run.metrics().tasksLaunched("A"));
    assertEquals(2, r.run.metrics().tasksLaunched("B"));
    assertEquals(2.0 / 3, r.run.metrics().frameworkShareFinal("A"), 1e-9);
    assertEquals(2.0 / 3, r.run.metrics().frameworkShareFinal("B"), 1e-9);
    // The launches alternate A, B, A, B, A on consecutive allocation ticks.
    var launches = r.ofType("TASK_LAUNCHED");
    String order = "";
    for (var l : launches) {
      order += l.get("framework").asText() + "@" + (int) Runs.seconds(l) + " ";
    }
    assertEquals("A@0 B@1 A@2 B@3 A@4 ", order);
  }
}
