package io.clustersim.workloads.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON Lines rows (Google's 2019 export), flattened to the fields a table needs: each name is a
 * dotted path into the record ({@code resource_request.cpus}). A missing or null field reads as
 * empty. BigQuery writes 64-bit integers as strings; both forms read the same.
 */
final class JsonRowSource implements RowSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final String[] names;
  private final String[] pointers;
  private final BufferedReader in;
  private long line;

  JsonRowSource(Path path, String[] names) throws IOException {
    this.file = path.toString();
    this.names = names;
    this.pointers = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      pointers[i] = "/" + names[i].replace('.', '/');
    }
    this.in = new BufferedReader(TraceFiles.reader(path), 1 << 16);
  }

  @Override
  public Row next() throws IOException {
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    line++;
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw TraceException.row(
          "malformed JSON", file, line, "malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw TraceException.row("malformed JSON", file, line, "expected one JSON object per line");
    }
    String[] fields = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      JsonNode v = node.at(pointers[i]);
      fields[i] = v.isMissingNode() || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }
    return Row.of(file, line, names, fields, true);
  }

  @Override
  public long rows() {
    return line;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
