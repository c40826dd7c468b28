package io.clustersim.workloads.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds a trace's files: {@code PATH} is one file, a directory (searched two levels deep, so both
 * {@code DIR/task_events/part-00000-of-00500.csv.gz} and {@code DIR/batch_task.csv} are found), or
 * a glob. A file belongs to table {@code T} when its name or its directory's name starts with
 * {@code T}. Parts of a table are listed in name order. {@code .gz} files are decompressed.
 */
public final class TraceFiles {
  private TraceFiles() {}

  /** The files of each table, in the tables' order; tables with no file are absent. */
  public static Map<String, List<Path>> resolve(String path, List<String> tables) {
    List<Path> candidates = candidates(path);
    Map<String, List<Path>> byTable = new LinkedHashMap<>();
    for (String table : tables) {
      for (Path p : candidates) {
        if (belongs(p, table)) {
          byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(p);
        }
      }
    }
    return byTable;
  }

  private static boolean belongs(Path p, String table) {
    String name = p.getFileName().toString();
    Path parent = p.getParent();
    return name.startsWith(table)
        || (parent != null
            && parent.getFileName() != null
            && parent.getFileName().toString().startsWith(table));
  }

  private static List<Path> candidates(String path) {
    boolean glob =
        path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{");
    List<Path> found = new ArrayList<>();
    try {
      if (!glob) {
        Path p = Path.of(path);
        if (Files.isRegularFile(p)) {
          return List.of(p);
        }
        if (!Files.isDirectory(p)) {
          throw new TraceException("missing file", path + ": no such file or directory");
        }
        try (Stream<Path> s = Files.walk(p, 2)) {
          s.filter(Files::isRegularFile).filter(TraceFiles::isData).forEach(found::add);
        }
      } else {
        int cut = firstWildcard(path);
        int slash = path.lastIndexOf('/', cut);
        Path root = slash < 0 ? Path.of(".") : Path.of(path.substring(0, slash + 1));
        String pattern = slash < 0 ? "./" + path : path;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (Files.isDirectory(root)) {
          try (Stream<Path> s = Files.walk(root, 8)) {
            s.filter(Files::isRegularFile).filter(m::matches).forEach(found::add);
          }
        }
        if (found.isEmpty()) {
          throw new TraceException("missing file", path + ": no file matches this pattern");
        }
      }
    } catch (IOException e) {
      throw new TraceException("unreadable", path + ": cannot read: " + e.getMessage());
    }
    found.sort(null);
    return found;
  }

  private static boolean isData(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".json") || n.endsWith(".gz");
  }

  private static int firstWildcard(String s) {
    int i = s.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int k = s.indexOf(c);
      if (k >= 0) {
        i = Math.min(i, k);
      }
    }
    return i;
  }

  /** The file's bytes, gunzipped when its name ends in {@code .gz}. */
  public static InputStream open(Path path) throws IOException {
    InputStream raw = Files.newInputStream(path);
    if (path.getFileName().toString().endsWith(".gz")) {
      return new InflateAhead(new GZIPInputStream(raw, 1 << 16));
    }
    return new BufferedInputStream(raw, 1 << 16);
  }

  /** The file as UTF-8 text. */
  static Reader reader(Path path) throws IOException {
    return new InputStreamReader(open(path), StandardCharsets.UTF_8);
  }
}
