package io.tenantry.core.yaml;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML file into a {@link YamlNode} tree that knows the line of every node.
 *
 * <p>Files are read as YAML 1.2 and nothing is converted implicitly: {@code on}, {@code yes} and
 * dates stay text. A file that is not well-formed YAML, holds more than one document, or repeats a
 * key in a mapping is refused with a {@link ValidationException} naming the file and line (every
 * repeated key is listed). All of Tenantry's YAML inputs go through this class.
 *
 * <p>Whatever the parser throws on a file becomes a problem naming the file and the line it had
 * reached, never another exception: collections nested more than {@value #MAX_NESTING} deep are
 * refused before the parser's recursion could overflow the stack, and the parser reads the whole
 * text in one buffer (snakeyaml-engine 2.10 fails with an {@code IndexOutOfBoundsException} when a
 * surrogate pair, e.g. an emoji, straddles the end of its 1,024-character read buffer) with no
 * code-point limit beyond the text already in memory.
 */
public final class YamlDocument {
  /** The deepest nesting of sequences and mappings a file may have. */
  public static final int MAX_NESTING = 256;

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
    return parse(file.toString(), readText(file));
  }

  /**
   * Reads a file's text as UTF-8, refusing bytes that are not UTF-8 as bad input (not as an
   * unreadable file).
   *
   * @param file the file; its name as given is used in the problem's location
   * @return the text
   * @throws IOException if the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
   * @throws ValidationException if the bytes are not valid UTF-8, naming the line of the first bad byte
   */
  public static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int k = 0; k < at; k++) {
        line += bytes[k] == '\n' ? 1 : 0;
      }
      throw new ValidationException(new Problem("(file)", "is not UTF-8 text: byte " + (at + 1)
          + " cannot be decoded", null, new SourceLocation(file.toString(), line)));
    }
    return out.flip().toString();
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
        .setUseMarks(true).setBufferSize(content.length() + 1).setCodePointLimit(Integer.MAX_VALUE).build();
    List<Node> docs = new ArrayList<>();
    StreamReader reader = new StreamReader(settings, content);
    try {
      Iterator<Node> it = new Composer(settings, new NestingLimit(new ParserImpl(settings, reader)));
      while (it.hasNext()) {
        docs.add(it.next());
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      throw new ValidationException(new Problem("(yaml)", "is not valid YAML: "
          + e.getProblem(), null, new SourceLocation(fileName, line)));
    } catch (TooDeep e) {
      throw new ValidationException(new Problem("(yaml)", "nests sequences and mappings more than "
          + MAX_NESTING + " deep", null, new SourceLocation(fileName, e.line)));
    } catch (YamlEngineException e) {
      throw new ValidationException(new Problem("(yaml)", "is not valid YAML: " + e.getMessage(),
          null, new SourceLocation(fileName, reader.getLine() + 1)));
    } catch (RuntimeException | StackOverflowError e) {
      // A parser failure that is not a YAML error of the file: still the file's problem, with its line.
      throw new ValidationException(new Problem("(yaml)", "could not be read by the YAML parser ("
          + e + ")", null, new SourceLocation(fileName, reader.getLine() + 1)));
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

  /** Thrown by {@link NestingLimit} when a collection opens beyond {@link #MAX_NESTING}. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    TooDeep(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  /**
   * The parser the composer reads, refusing a collection that opens more than
   * {@link #MAX_NESTING} deep (the composer builds nodes recursively).
   */
  private static final class NestingLimit implements Parser {
    private final Parser inner;
    private int depth;

    NestingLimit(Parser inner) {
      this.inner = inner;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return inner.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return inner.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return inner.hasNext();
    }

    @Override
    public Event next() {
      Event e = inner.next();
      switch (e.getEventId()) {
        case SequenceStart, MappingStart -> {
          if (++depth > MAX_NESTING) {
            throw new TooDeep(e.getStartMark().map(m -> m.getLine() + 1).orElse(0));
          }
        }
        case SequenceEnd, MappingEnd -> depth--;
        default -> { }
      }
      return e;
    }
  }
}
