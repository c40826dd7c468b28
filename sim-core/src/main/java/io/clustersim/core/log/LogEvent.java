package io.clustersim.core.log;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;

/**
 * One line of the event log. Each record writes its fields in a fixed order after {@code t}, {@code
 * seq} and {@code type}, which the {@link EventLog} writes; that fixed order is what makes the
 * log's SHA-256 a digest of the run.
 */
public sealed interface LogEvent {
  /** The {@code type} written in the log. */
  String type();

  /** Writes this event's own fields, in their fixed order. */
  void writeFields(JsonFields out);

  /** An agent registered with the master. */
  record AgentAdded(String agent, Resources resources) implements LogEvent {
    @Override
    public String type() {
      return "AGENT_ADDED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent).resources("resources", resources);
    }
  }

  /** The master removed an agent; its tasks are reported lost or unreachable. */
  record AgentRemoved(String agent, String reason) implements LogEvent {
    @Override
    public String type() {
      return "AGENT_REMOVED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent).string("reason", reason);
    }
  }

  /** An agent's total changed (a trace's machine update); its outstanding offers were rescinded. */
  record AgentUpdated(String agent, Resources resources) implements LogEvent {
    @Override
    public String type() {
      return "AGENT_UPDATED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent).resources("resources", resources);
    }
  }

  /** An agent started pulling an image it did not have; containers needing it wait for it. */
  record ImagePulled(String agent, String containerizer, String image, long micros)
      implements LogEvent {
    @Override
    public String type() {
      return "IMAGE_PULL";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent)
          .string("containerizer", containerizer)
          .string("image", image)
          .seconds("seconds", micros);
    }
  }

  /** A task wants more CPU than its limit: it is throttled and runs longer by {@code micros}. */
  record TaskThrottled(String task, String framework, String agent, long micros)
      implements LogEvent {
    @Override
    public String type() {
      return "TASK_THROTTLED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("task", task)
          .string("framework", framework)
          .string("agent", agent)
          .seconds("extra_seconds", micros);
    }
  }

  /** The master's view of an agent from its resource monitor: used against allocated. */
  record AgentUsage(String agent, Resources used, Resources allocated) implements LogEvent {
    @Override
    public String type() {
      return "AGENT_USAGE";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent).resources("used", used).resources("allocated", allocated);
    }
  }

  /** A framework registered. */
  record FrameworkAdded(String framework, String role) implements LogEvent {
    @Override
    public String type() {
      return "FRAMEWORK_ADDED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("framework", framework).string("role", role);
    }
  }

  /** A framework was removed; its tasks are killed and its resources recovered. */
  record FrameworkRemoved(String framework, String reason) implements LogEvent {
    @Override
    public String type() {
      return "FRAMEWORK_REMOVED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("framework", framework).string("reason", reason);
    }
  }

  /** A framework was deactivated (no offers, filters cleared) or activated again. */
  record FrameworkActivation(String framework, boolean active) implements LogEvent {
    @Override
    public String type() {
      return active ? "FRAMEWORK_ACTIVATED" : "FRAMEWORK_DEACTIVATED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("framework", framework);
    }
  }

  /** A framework suppressed offers, or revived them. */
  record OfferSuppression(String framework, boolean suppressed) implements LogEvent {
    @Override
    public String type() {
      return suppressed ? "OFFERS_SUPPRESSED" : "OFFERS_REVIVED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("framework", framework);
    }
  }

  /** An offer of one agent's resources to one framework, for one role. */
  record Offer(String offer, String framework, String role, String agent, Resources resources)
      implements LogEvent {
    @Override
    public String type() {
      return "OFFER";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("offer", offer)
          .string("framework", framework)
          .string("agent", agent)
          .string("role", role)
          .resources("resources", resources);
    }
  }

  /** A framework accepted an offer; what it did not use goes back with a filter. */
  record OfferAccepted(String offer, String framework, long refuseMicros) implements LogEvent {
    @Override
    public String type() {
      return "OFFER_ACCEPTED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("offer", offer)
          .string("framework", framework)
          .seconds("refuse_seconds", refuseMicros);
    }
  }

  /** A framework declined an offer, filtering it for {@code refuseMicros}. */
  record OfferDeclined(String offer, String framework, long refuseMicros) implements LogEvent {
    @Override
    public String type() {
      return "OFFER_DECLINED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("offer", offer)
          .string("framework", framework)
          .seconds("refuse_seconds", refuseMicros);
    }
  }

  /** The master took an offer back. */
  record OfferRescinded(String offer, String framework, String reason) implements LogEvent {
    @Override
    public String type() {
      return "OFFER_RESCINDED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("offer", offer).string("framework", framework).string("reason", reason);
    }
  }

  /** The master launched a task on an agent. {@code submitted} is when the task became pending. */
  record TaskLaunched(
      String task,
      String framework,
      String agent,
      String executor,
      Resources resources,
      long submitted)
      implements LogEvent {
    @Override
    public String type() {
      return "TASK_LAUNCHED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("task", task)
          .string("framework", framework)
          .string("agent", agent)
          .string("executor", executor)
          .resources("resources", resources)
          .number("submitted", submitted);
    }
  }

  /** A task changed state, as the master saw it. */
  record TaskStatus(String task, String framework, String agent, String state, String reason)
      implements LogEvent {
    @Override
    public String type() {
      return "TASK_STATUS";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("task", task)
          .string("framework", framework)
          .string("agent", agent)
          .string("state", state)
          .string("reason", reason);
    }
  }

  /** An executor exited on an agent, with its exit status. */
  record ExecutorExited(String executor, String framework, String agent, int status)
      implements LogEvent {
    @Override
    public String type() {
      return "EXECUTOR_EXITED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("executor", executor)
          .string("framework", framework)
          .string("agent", agent)
          .number("status", status);
    }
  }

  /** A master became the leader. */
  /** An agent the previous leading master had admitted registers with the new leader. */
  record AgentReregistered(String agent) implements LogEvent {
    @Override
    public String type() {
      return "AGENT_REREGISTERED";
    }

    @Override
    public void writeFields(JsonFields f) {
      f.string("agent", agent);
    }
  }

  record MasterElected(String master) implements LogEvent {
    @Override
    public String type() {
      return "MASTER_ELECTED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("master", master);
    }
  }

  /** An injected fault, with its parameters in the order the scenario names them. */
  record Fault(String kind, List<Map.Entry<String, String>> parameters) implements LogEvent {
    @Override
    public String type() {
      return "FAULT";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("kind", kind);
      for (Map.Entry<String, String> p : parameters) {
        out.string(p.getKey(), p.getValue());
      }
    }
  }

  /** Resources were reserved to a role, or unreserved, by a framework or an operator (null). */
  record Reservation(
      String agent, String framework, String role, Resources resources, boolean reserve)
      implements LogEvent {
    @Override
    public String type() {
      return reserve ? "RESERVED" : "UNRESERVED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent)
          .string("framework", framework)
          .string("role", role)
          .resources("resources", resources);
    }
  }

  /** An offer operation or operator request was refused. */
  record OperationFailed(String agent, String framework, String operation, String reason)
      implements LogEvent {
    @Override
    public String type() {
      return "OPERATION_FAILED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent)
          .string("framework", framework)
          .string("operation", operation)
          .string("reason", reason);
    }
  }

  /** The master asked a framework to give an agent back for maintenance. */
  record InverseOfferMade(
      String inverseOffer, String framework, String agent, long start, long durationMicros)
      implements LogEvent {
    @Override
    public String type() {
      return "INVERSE_OFFER";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("inverse_offer", inverseOffer)
          .string("framework", framework)
          .string("agent", agent)
          .number("start", start)
          .seconds("duration", durationMicros);
    }
  }

  /** A framework answered an inverse offer. */
  record InverseOfferAnswered(String inverseOffer, String framework, boolean accepted)
      implements LogEvent {
    @Override
    public String type() {
      return accepted ? "INVERSE_OFFER_ACCEPTED" : "INVERSE_OFFER_DECLINED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("inverse_offer", inverseOffer).string("framework", framework);
    }
  }

  /** An operator scheduled maintenance for an agent. */
  record MaintenanceScheduled(String agent, long start, long durationMicros) implements LogEvent {
    @Override
    public String type() {
      return "MAINTENANCE_SCHEDULED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("agent", agent).number("start", start).seconds("duration", durationMicros);
    }
  }

  /** The master refused a framework's registration. */
  record RegistrationRefused(String framework, String reason) implements LogEvent {
    @Override
    public String type() {
      return "REGISTRATION_REFUSED";
    }

    @Override
    public void writeFields(JsonFields out) {
      out.string("framework", framework).string("reason", reason);
    }
  }
}
