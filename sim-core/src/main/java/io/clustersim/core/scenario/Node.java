package io.clustersim.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers where it stood in the file and its key path, so that
 * every error can name the file, line and key.
 */
sealed interface Node {
  /** 1-based line. */
  int line();

  /** 1-based column. */
  int column();

  /** Key path such as {@code frameworks[0].tasks.count}. */
  String path();

  /** A mapping, keys in file order. */
  record MapNode(int line, int column, String path, Map<String, Node> entries) implements Node {}

  /** A sequence. */
  record ListNode(int line, int column, String path, List<Node> items) implements Node {}

  /**
   * A scalar; {@code text} is null for YAML/JSON null.
   *
   * @param quoted true for a string, false for a plain number or boolean
   */
  record ScalarNode(int line, int column, String path, String text, boolean quoted, Kind kind)
      implements Node {}

  /** The kind of a scalar as the parser saw it. */
  enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  /** A short description of the node's type, for error messages. */
  static String describe(Node n) {
    if (n instanceof MapNode) {
      return "a mapping";
    }
    if (n instanceof ListNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) n;
    return switch (s.kind()) {
      case NULL -> "null";
      case STRING -> "the string \"" + s.text() + "\"";
      default -> s.text();
    };
  }
}
