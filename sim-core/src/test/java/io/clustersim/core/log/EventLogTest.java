package io.clustersim.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Ranges;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
  @Test
  void writesCanonicalLinesAndDigestsTheirBytes() throws Exception {
    Simulation sim = new Simulation();
    EventLog log = new EventLog(sim);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    log.writeTo(out);
    Resources res =
        Resources.of(
            new Resource("cpus", "*", false, 1500, null),
            new Resource("cpus", "analytics", false, 2000, null),
            new Resource("ports", "*", false, 0, Ranges.parse("31000-31001")));
    log.emit(new LogEvent.AgentAdded("a-0", res));
    sim.schedule(2_500_000, 0, () -> log.emit(new LogEvent.OfferDeclined("o-1", "etl", 5_000_000)));
    sim.runUntilDrained();
    String digest = log.digest(); // lines reach the stream by the time the log is flushed
    String expected =
        "{\"t\":0,\"seq\":0,\"type\":\"AGENT_ADDED\",\"agent\":\"a-0\",\"resources\":"
            + "{\"cpus\":1.5,\"cpus(analytics)\":2,\"ports\":\"31000-31001\"}}\n"
            + "{\"t\":2500000,\"seq\":1,\"type\":\"OFFER_DECLINED\",\"offer\":\"o-1\","
            + "\"framework\":\"etl\",\"refuse_seconds\":5}\n";
    assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(expected.getBytes(StandardCharsets.UTF_8)));
    assertEquals(sha, digest);
  }

  @Test
  void aLongRunIsWrittenBehindTheSimulationWithTheSameBytesInOrder() throws Exception {
    Simulation sim = new Simulation();
    EventLog log = new EventLog(sim);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    log.writeTo(out);
    int n = 3 * EventLog.CHUNK + 5; // several hand-overs to the writer thread and a partial chunk
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < n; i++) {
      long t = i * 10L;
      String name = "m" + i;
      sim.schedule(t, 0, () -> log.emit(new LogEvent.MasterElected(name)));
      expected
          .append("{\"t\":")
          .append(t)
          .append(",\"seq\":")
          .append(i)
          .append(",\"type\":\"MASTER_ELECTED\",\"master\":\"m")
          .append(i)
          .append("\"}\n");
    }
    sim.runUntilDrained();
    log.flush();
    assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    log.emit(new LogEvent.MasterElected("after"));
    String tail = "{\"t\":" + (n - 1) * 10L + ",\"seq\":" + n + ",\"type\":\"MASTER_ELECTED\",";
    String digest = log.digest();
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(tail + "\"master\":\"after\"}\n"));
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
    assertEquals(sha, digest);
  }

  @Test
  void aStreamThatFailsStopsTheRunWithItsError() {
    Simulation sim = new Simulation();
    EventLog log = new EventLog(sim);
    log.writeTo(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        });
    // Reported at the next hand-over to the writer, or at the latest when the log is flushed.
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> {
              for (int i = 0; i < 3 * EventLog.CHUNK; i++) {
                log.emit(new LogEvent.MasterElected("m"));
              }
              log.flush();
            });
    assertEquals("disk full", e.getCause().getMessage());
  }

  @Test
  void aFailedRunReportsTheWritersEarlierFailureFirst() {
    Simulation sim = new Simulation();
    EventLog log = new EventLog(sim);
    log.writeTo(
        new OutputStream() {
          private int lines;

          @Override
          public void write(int b) {}

          @Override
          public void write(byte[] b, int off, int len) {
            if (++lines == 100) {
              throw new IllegalStateException("line 100 refused");
            }
          }
        });
    RuntimeException reported;
    try {
      for (int i = 0; i < 3 * EventLog.CHUNK; i++) {
        log.emit(new LogEvent.MasterElected("m"));
      }
      throw new IllegalArgumentException("a later failure of the run itself");
    } catch (RuntimeException e) {
      reported = log.failedRun(e);
    }
    // The writer trails the simulation: its failure, at event 99, came first.
    assertEquals("line 100 refused", reported.getMessage());
  }

  @Test
  void listenersSeeEveryEventWithItsSequenceNumber() {
    Simulation sim = new Simulation();
    EventLog log = new EventLog(sim);
    StringBuilder seen = new StringBuilder();
    log.addListener((t, seq, e) -> seen.append(seq).append(e.type()).append(';'));
    log.emit(new LogEvent.MasterElected("m"));
    log.emit(new LogEvent.Fault("partition", List.of(Map.entry("agents", "a"))));
    assertEquals("0MASTER_ELECTED;1FAULT;", seen.toString());
    assertEquals(2, log.size());
  }
}
