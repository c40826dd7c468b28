package io.clustersim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.resources.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

class FifoSorterTest {
  @Test
  void registrationOrderWhateverIsHeld() {
    FifoSorter s = new FifoSorter();
    s.add("late-name-but-first");
    s.add("a");
    s.add("b");
    s.allocated("late-name-but-first", Resources.scalar("cpus", 100));
    assertEquals(List.of("late-name-but-first", "a", "b"), s.sort());
    s.deactivate("a");
    assertEquals(List.of("late-name-but-first", "b"), s.sort());
    s.activate("a");
    // Reactivation keeps the original place in line.
    assertEquals(List.of("late-name-but-first", "a", "b"), s.sort());
    s.remove("late-name-but-first");
    assertEquals(List.of("a", "b"), s.sort());
  }
}
