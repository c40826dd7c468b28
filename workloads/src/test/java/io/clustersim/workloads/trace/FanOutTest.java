package io.clustersim.workloads.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One read of a trace shared by several consumers, as a comparison does. */
class FanOutTest {
  @TempDir Path dir;

  private TraceReader open(BadRows bad) {
    TraceFormat f = TraceFormats.get("google-2011");
    return f.open(dir.toString(), f.defaultReference(), bad, new TraceStats(false));
  }

  private void machines(int n, String lastRow) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(i + "," + i + ",0,p,0.5,0.5");
    }
    if (lastRow != null) {
      rows.add(lastRow);
    }
    TraceFixtures.write(dir, "machine_events/part-00000-of-00001.csv", rows.toArray(new String[0]));
  }

  private static List<Long> drain(EventSource s, int limit) {
    List<Long> times = new ArrayList<>();
    for (TraceEvent e = s.next(); e != null && times.size() < limit; e = s.next()) {
      times.add(e.time());
    }
    return times;
  }

  @Test
  void everyBranchSeesTheSameEventsEvenWhenOneStopsEarly() throws Exception {
    machines(5000, null); // several blocks of events
    try (FanOut fan = new FanOut(open(new BadRows(false)), 3)) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<List<Long>>> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        EventSource branch = fan.branch(i);
        int limit = i == 0 ? 10 : Integer.MAX_VALUE;
        got.add(
            pool.submit(
                () -> {
                  List<Long> t = drain(branch, limit);
                  branch.close(); // branch 0 stops after 10 events; the others must not wait on it
                  return t;
                }));
      }
      List<Long> full = got.get(1).get();
      assertEquals(5000, full.size());
      assertEquals(full, got.get(2).get());
      assertEquals(full.subList(0, 10), got.get(0).get());
      pool.shutdown();
    }
  }

  @Test
  void aBadRowReachesEveryBranchWhereItWasRead() throws Exception {
    machines(10, "99,x,0,p,0.5,0.5");
    // A strict reader stops at the bad row when it reads it, a row or two ahead of the events it
    // has delivered; every branch gets the same events before the same error.
    List<Integer> reads = new ArrayList<>();
    try (FanOut fan = new FanOut(open(new BadRows(false)), 2)) {
      for (int i = 0; i < 2; i++) {
        EventSource b = fan.branch(i);
        int read = 0;
        TraceException e = null;
        try {
          while (b.next() != null) {
            read++;
          }
        } catch (TraceException ex) {
          e = ex;
        }
        reads.add(read);
        assertTrue(read > 0 && read <= 10, "read " + read);
        assertTrue(
            e != null && e.getMessage().contains(":11: column 2 (machine ID): value 'x'"),
            String.valueOf(e));
      }
    }
    assertEquals(reads.get(0), reads.get(1));
  }
}
