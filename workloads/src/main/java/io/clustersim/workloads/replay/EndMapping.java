package io.clustersim.workloads.replay;

import io.clustersim.core.framework.TaskState;
import io.clustersim.workloads.trace.TraceEvent.Ending;
import java.util.EnumMap;
import java.util.Locale;

/**
 * What a recorded end means in a replay: the terminal state a task reaches when its recorded
 * runtime is over. Defaults: FINISH → TASK_FINISHED, FAIL → TASK_FAILED, KILL → TASK_KILLED, EVICT
 * → TASK_KILLED (the production scheduler preempted it; our policy might not have, but the task did
 * stop then), LOST → TASK_FAILED. A trace's own resubmissions (a new SUBMIT after EVICT or FAIL)
 * are replayed as new attempts, so no state here retries anything. Override with {@code --end-map
 * EVICT=finished,FAIL=finished}.
 */
public final class EndMapping {
  private final EnumMap<Ending, TaskState> map = new EnumMap<>(Ending.class);

  /** The defaults. */
  public EndMapping() {
    map.put(Ending.FINISH, TaskState.TASK_FINISHED);
    map.put(Ending.FAIL, TaskState.TASK_FAILED);
    map.put(Ending.KILL, TaskState.TASK_KILLED);
    map.put(Ending.EVICT, TaskState.TASK_KILLED);
    map.put(Ending.LOST, TaskState.TASK_FAILED);
  }

  /** The defaults overridden by {@code KIND=state,...} (states: finished, failed, killed). */
  public static EndMapping parse(String text) {
    EndMapping m = new EndMapping();
    if (text == null || text.isBlank()) {
      return m;
    }
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not KIND=STATE");
      }
      Ending kind;
      try {
        kind = Ending.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown recorded end '" + kv[0].trim() + "' (known: FINISH, FAIL, KILL, EVICT, LOST)");
      }
      TaskState state =
          switch (kv[1].trim().toLowerCase(Locale.ROOT)) {
            case "finished" -> TaskState.TASK_FINISHED;
            case "failed" -> TaskState.TASK_FAILED;
            case "killed" -> TaskState.TASK_KILLED;
            default ->
                throw new IllegalArgumentException(
                    "unknown state '" + kv[1].trim() + "' (known: finished, failed, killed)");
          };
      m.map.put(kind, state);
    }
    return m;
  }

  /** The state for a recorded end. */
  public TaskState state(Ending ending) {
    return map.get(ending);
  }
}
