package io.clustersim.core.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML or JSON with Jackson's streaming parser into {@link Node}s that keep their lines. */
final class SourceParser {
  private final String file;

  SourceParser(String file) {
    this.file = file;
  }

  Node parse(Reader reader, boolean json) {
    JsonFactory factory = json ? new JsonFactory() : yaml();
    try (JsonParser p = factory.createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ScenarioException(file + ": the file is empty");
      }
      Node root = read(p, t, "");
      if (p.nextToken() != null) {
        throw error(p.currentLocation(), "", "more than one document in the file");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      // SnakeYAML's messages quote the source under indented lines; keep the unindented ones.
      String msg =
          String.join(
              ": ",
              e.getOriginalMessage()
                  .lines()
                  .filter(text -> !text.isBlank() && !Character.isWhitespace(text.charAt(0)))
                  .toList());
      throw new ScenarioException(
          file + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr()) + ": " + msg);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read: " + e.getMessage());
    }
  }

  private Node read(JsonParser p, JsonToken t, String path) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation keyAt = p.currentTokenLocation();
          String childPath = path.isEmpty() ? key : path + "." + key;
          if (entries.containsKey(key)) {
            throw error(keyAt, childPath, "duplicate key '" + key + "'");
          }
          entries.put(key, read(p, p.nextToken(), childPath));
        }
        return new Node.MapNode(line, col, path, Collections.unmodifiableMap(entries));
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, v, path + "[" + items.size() + "]"));
        }
        return new Node.ListNode(line, col, path, List.copyOf(items));
      }
      case VALUE_STRING -> {
        return new Node.ScalarNode(line, col, path, p.getText(), true, Node.Kind.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new Node.ScalarNode(line, col, path, p.getText(), false, Node.Kind.INTEGER);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.ScalarNode(line, col, path, p.getText(), false, Node.Kind.DECIMAL);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.ScalarNode(line, col, path, p.getText(), false, Node.Kind.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new Node.ScalarNode(line, col, path, null, false, Node.Kind.NULL);
      }
      default -> throw error(at, path, "unexpected " + t);
    }
  }

  private ScenarioException error(JsonLocation at, String path, String message) {
    return new ScenarioException(
        file
            + ":"
            + at.getLineNr()
            + ":"
            + at.getColumnNr()
            + ": "
            + (path.isEmpty() ? "" : path + ": ")
            + message);
  }

  /**
   * YAML without SnakeYAML's 3 MB document limit: a scenario saved from a trace replay carries its
   * trace events inline and can be larger than that.
   */
  private static YAMLFactory yaml() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return YAMLFactory.builder().loaderOptions(options).build();
  }
}
