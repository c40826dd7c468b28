package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alibaba's machine usage tables, read into the replay summary's {@code trace.machine_usage}, on
 * hand-written rows whose figures are worked out here. Two machines, m_1 of 96 cores and m_2 of 64,
 * each with half of 100 normalised memory units (262,144 MB of the 524,288 MB reference):
 *
 * <ul>
 *   <li>at 0 s m_1 uses 50% and m_2 25% of their CPU: 48 + 16 = 64 cores;
 *   <li>at 10 s m_1 uses 100%: 96 + 16 = 112 cores;
 *   <li>at 20 s m_2 uses 0% (its memory value is invalid, 101): 96 cores, last record.
 * </ul>
 *
 * Held until the next record, the cluster used 64 cores for 10 s and 112 for 10 s: a mean of 88
 * cores over the 20 s the records span. Memory: m_1 at 10% then 20%, m_2 at 40% (its 101 keeps it):
 * 0.5 of 524,288 MB is 262,144 MB per machine, so (0.1 + 0.4) × 262,144 for 10 s and (0.2 + 0.4) ×
 * 262,144 for 10 s: a mean of 0.55 × 262,144 = 144,179.2 MB.
 */
class MachineUsageTest {
  @TempDir Path dir;

  private void writeTrace(String... usageRows) throws Exception {
    Files.writeString(
        dir.resolve("machine_meta.csv"), "m_1,0,1,a,96,50,USING\nm_2,0,1,a,64,50,USING\n");
    Files.writeString(dir.resolve("batch_task.csv"), "M1,1,j_1,1,Terminated,0,30,100,1\n");
    Files.writeString(
        dir.resolve("batch_instance.csv"),
        "ins_1,M1,j_1,1,Terminated,0,30,m_1,1,1,50,60,0.5,0.8\n");
    Files.writeString(dir.resolve("machine_usage.csv"), String.join("\n", usageRows) + "\n");
  }

  private JsonNode machineUsage(String mode) throws Exception {
    Path summary = dir.resolve("summary-" + mode + ".json");
    Cli.Outcome o =
        Cli.exec(
            "run",
            "--trace",
            "alibaba-2018:" + dir,
            "--mode",
            mode,
            "--summary",
            summary.toString());
    assertEquals(0, o.status(), o.err());
    return new ObjectMapper().readTree(summary.toFile()).get("trace").get("machine_usage");
  }

  @Test
  void theRecordsAreHeldPerMachineAndAveragedOverTheirSpan() throws Exception {
    writeTrace(
        "m_1,0,50,10,1,1,1,1,1",
        "m_2,0,25,40,1,1,1,1,1",
        "m_1,10,100,20,1,1,1,1,1",
        "m_2,20,0,101,1,1,1,1,1");
    for (String mode : new String[] {"as-recorded", "simulated"}) {
      JsonNode u = machineUsage(mode);
      assertEquals(4, u.get("records").asLong(), mode);
      assertEquals(1, u.get("invalid_values").asLong(), mode);
      assertEquals(0.0, u.get("from_s").asDouble(), mode);
      assertEquals(20.0, u.get("to_s").asDouble(), mode);
      assertEquals(88.0, u.get("cpus_used_mean").asDouble(), 1e-9, mode);
      assertEquals(144_179.2, u.get("mem_used_mean_mb").asDouble(), 1e-6, mode);
      // The plain mean of the four CPU percentages, as awk would take it from column 3.
      assertEquals((50 + 25 + 100 + 0) / 4.0, u.get("cpu_util_mean_pct").asDouble(), 1e-9, mode);
    }
  }

  @Test
  void aSavedScenarioCarriesTheRecords() throws Exception {
    writeTrace("m_1,0,50,10,1,1,1,1,1", "m_2,0,25,40,1,1,1,1,1", "m_2,20,0,101,1,1,1,1,1");
    Path saved = dir.resolve("saved.yaml");
    Path summary = dir.resolve("from-saved.json");
    Cli.Outcome o =
        Cli.exec(
            "run",
            "--trace",
            "alibaba-2018:" + dir,
            "--mode",
            "as-recorded",
            "--save-scenario",
            saved.toString());
    assertEquals(0, o.status(), o.err());
    o = Cli.exec("run", "--scenario", saved.toString(), "--summary", summary.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode u = new ObjectMapper().readTree(summary.toFile()).get("trace").get("machine_usage");
    // 48 + 16 cores for 20 s; the invalid memory value is still counted after the round trip.
    assertEquals(64.0, u.get("cpus_used_mean").asDouble(), 1e-9);
    assertEquals(1, u.get("invalid_values").asLong());
  }

  @Test
  void aPercentageOutOfRangeIsAnErrorNamingItsRowAndColumn() throws Exception {
    writeTrace("m_1,0,50,10,1,1,1,1,1", "m_2,0,150,40,1,1,1,1,1");
    Cli.Outcome o = Cli.exec("run", "--trace", "alibaba-2018:" + dir, "--mode", "as-recorded");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.err().contains("machine_usage.csv:2"), o.err());
    assertTrue(o.err().contains("cpu_util_percent"), o.err());
    assertTrue(o.err().contains("150"), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
  }

  @Test
  void usageOfAMachineNeverAddedIsAnErrorAsForAnyEvent() throws Exception {
    writeTrace("m_1,0,50,10,1,1,1,1,1", "m_7,5,10,10,1,1,1,1,1");
    Cli.Outcome o = Cli.exec("run", "--trace", "alibaba-2018:" + dir, "--mode", "as-recorded");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.err().contains("m_7"), o.err());
  }

  @Test
  void inspectCountsTheTablesRows() throws Exception {
    writeTrace("m_1,0,50,10,1,1,1,1,1", "m_2,0,25,40,1,1,1,1,1", "m_1,10,100,20,1,1,1,1,1");
    Path json = dir.resolve("inspect.json");
    Cli.Outcome o = Cli.exec("trace", "inspect", "alibaba-2018:" + dir, "--json", json.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode counts = new ObjectMapper().readTree(json.toFile());
    JsonNode rows = counts.get("rows_by_file");
    assertEquals(
        3, rows.get(dir.resolve("machine_usage.csv").toString()).asLong(), rows.toString());
    assertEquals(3, counts.get("rows_by_type").get("machine_usage/usage").asLong());
  }
}
