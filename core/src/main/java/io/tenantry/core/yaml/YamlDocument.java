package io.tenantry.core.yaml;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML file into a {@link YamlNode} tree that knows the line of every node.
 *
 * <p>Files are read as YAML 1.2 and nothing is converted implicitly: {@code on}, {@code yes} and
 * dates stay text. A file that is not well-formed YAML, holds more than one document, or repeats a
 * key in a mapping is refused with a {@link ValidationException} naming the file and line (every
 * repeated key is listed). All of Tenantry's YAML inputs go through this class.
 */
public final class YamlDocument {
  private YamlDocument() {}

  /**
   * Parses a file.
   *
   * @param file the file; its name as given is used in problem locations
   * @return the root node ({@link YamlNode.Kind#NULL} for an empty file)
   * @throws IOException if the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
   * @throws ValidationException if the file is not valid YAML, listing every problem with its line
   */
  public static YamlNode parse(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses YAML text.
   *
   * @param fileName the name to use in problem locations
   * @param content the YAML text (a leading byte-order mark is ignored)
   * @return the root node ({@link YamlNode.Kind#NULL} for an empty document)
   * @throws ValidationException if the text is not valid YAML, listing every problem with its line
   */
  public static YamlNode parse(String fileName, String content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    LoadSettings settings = LoadSettings.builder().setLabel(fileName).setAllowDuplicateKeys(true)
        .setUseMarks(true).build();
    List<Node> docs = new ArrayList<>();
    try {
      Iterator<Node> it = new Compose(settings).composeAllFromString(content).iterator();
      while (it.hasNext()) {
        docs.add(it.next());
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      throw new ValidationException(new Problem("(yaml)", "is not valid YAML: "
          + e.getProblem(), null, new SourceLocation(fileName, line)));
    } catch (YamlEngineException e) {
      throw new ValidationException(new Problem("(yaml)", "is not valid YAML: " + e.getMessage(),
          null, new SourceLocation(fileName, 0)));
    }
    if (docs.size() > 1) {
      throw new ValidationException(new Problem("(yaml)", "holds " + docs.size()
          + " documents; exactly one is expected", null,
          new SourceLocation(fileName, line(docs.get(1))))) ;
    }
    if (docs.isEmpty()) {
      return new YamlNode(YamlNode.Kind.NULL, "", new SourceLocation(fileName, 1), null, null, null);
    }
    Problems problems = new Problems();
    YamlNode root = convert(docs.get(0), "", fileName, problems);
    problems.throwIfAny();
    return root;
  }

  private static YamlNode convert(Node node, String path, String file, Problems problems) {
    SourceLocation at = new SourceLocation(file, line(node));
    if (node instanceof ScalarNode s) {
      boolean isNull = s.isPlain()
          && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null")
              || s.getValue().equals("Null") || s.getValue().equals("NULL"));
      return isNull
          ? new YamlNode(YamlNode.Kind.NULL, path, at, null, null, null)
          : new YamlNode(YamlNode.Kind.SCALAR, path, at, s.getValue(), null, null);
    }
    if (node instanceof SequenceNode seq) {
      List<YamlNode> elements = new ArrayList<>();
      int i = 0;
      for (Node child : seq.getValue()) {
        elements.add(convert(child, path + "[" + i++ + "]", file, problems));
      }
      return new YamlNode(YamlNode.Kind.LIST, path, at, null, null, elements);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks)) {
        problems.add(new Problem(path.isEmpty() ? "(root)" : path, "has a key that is not a"
            + " plain value", null, new SourceLocation(file, line(k))));
        continue;
      }
      String key = ks.getValue();
      String childPath = YamlNode.child(path, key);
      if (entries.containsKey(key)) {
        problems.add(new Problem(childPath, "is given twice (first on line "
            + entries.get(key).line() + ")", key, new SourceLocation(file, line(k))));
        continue;
      }
      entries.put(key, convert(t.getValueNode(), childPath, file, problems));
    }
    return new YamlNode(YamlNode.Kind.MAP, path, at, null, entries, null);
  }

  private static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).orElse(-1) + 1;
  }
}
