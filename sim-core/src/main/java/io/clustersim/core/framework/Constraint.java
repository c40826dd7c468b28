package io.clustersim.core.framework;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A placement constraint on agent attributes, as Marathon writes them ({@code [attribute, OPERATOR,
 * value]}): {@code CLUSTER v} (the attribute equals v), {@code LIKE re} / {@code UNLIKE re} (it
 * matches the regular expression, or does not; an agent without the attribute is not LIKE and is
 * UNLIKE), {@code UNIQUE} (one task of the framework per attribute value) and {@code MAX_PER n} (at
 * most n per value). The attribute {@code hostname} is the agent's id.
 *
 * @param attribute the attribute
 * @param operator CLUSTER, LIKE, UNLIKE, UNIQUE or MAX_PER
 * @param value the operand (null for UNIQUE)
 */
public record Constraint(String attribute, String operator, String value) {
  /** The operators understood. */
  public static final List<String> OPERATORS =
      List.of("CLUSTER", "LIKE", "UNLIKE", "UNIQUE", "MAX_PER");

  /** Checks the operator and its operand. */
  public Constraint {
    if (!OPERATORS.contains(operator)) {
      throw new IllegalArgumentException(
          "unknown constraint operator '"
              + operator
              + "' (known: "
              + String.join(", ", OPERATORS)
              + ")");
    }
    if (operator.equals("UNIQUE") != (value == null)) {
      throw new IllegalArgumentException(
          operator.equals("UNIQUE")
              ? "UNIQUE takes no value"
              : operator + " needs a value: [attribute, " + operator + ", value]");
    }
    if (operator.equals("MAX_PER") && !value.matches("[1-9][0-9]{0,8}")) {
      throw new IllegalArgumentException("MAX_PER needs a positive count, not '" + value + "'");
    }
    if (operator.equals("LIKE") || operator.equals("UNLIKE")) {
      Pattern.compile(value); // a bad expression is refused when read, not when placing
    }
  }

  /** The value of {@code attribute} on an agent, or null when it has none. */
  public String valueOn(String agentId, Map<String, String> attributes) {
    return attribute.equals("hostname") ? agentId : attributes.get(attribute);
  }

  /**
   * Whether one more task may go on the agent, given how many of the framework's live tasks run on
   * agents with the same value of the attribute ({@code sameValue}).
   */
  public boolean allows(String agentId, Map<String, String> attributes, int sameValue) {
    String v = valueOn(agentId, attributes);
    return switch (operator) {
      case "CLUSTER" -> value.equals(v);
      case "LIKE" -> v != null && v.matches(value);
      case "UNLIKE" -> v == null || !v.matches(value);
      case "UNIQUE" -> v != null && sameValue == 0;
      case "MAX_PER" -> v != null && sameValue < Integer.parseInt(value);
      default -> throw new IllegalStateException(operator);
    };
  }

  /** Whether {@link #allows} depends on where the framework's tasks already run. */
  public boolean counts() {
    return operator.equals("UNIQUE") || operator.equals("MAX_PER");
  }
}
