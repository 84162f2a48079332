package io.tenantry.identity;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A dynamic membership rule over users ({@code directory-semantics.md} §1.2, {@code cli.md} rule 7),
 * parsed once and evaluated per user.
 *
 * <p>Grammar (operators and keywords case-insensitive):
 * <pre>
 *   rule       := or
 *   or         := and ( "-or" and )*
 *   and        := unary ( "-and" unary )*
 *   unary      := "-not" unary | "(" rule ")" | comparison
 *   comparison := "user." name op value
 *   op         := -eq | -ne | -startsWith | -contains | -in | -notIn
 *   value      := "text" | 'text' | word | "[" value ("," value)* "]"   (lists only for -in / -notIn)
 * </pre>
 * Comparisons are case-insensitive. A user without the attribute matches {@code -ne}, {@code -notIn}
 * and {@code -eq null}, and nothing else. At most {@value #MAX_LENGTH} characters.
 */
public final class MembershipRule {
  /** The documented maximum rule length. */
  public static final int MAX_LENGTH = 3072;

  private final String text;
  private final Node root;

  private MembershipRule(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses a rule.
   *
   * @param text the rule, e.g. {@code user.country -eq "DE" -and -not (user.department -in ["HR"])}
   * @return the parsed rule
   * @throws ValidationException naming the field {@code rule}, the position and the rule, if it is
   *     empty, longer than {@value #MAX_LENGTH} characters, or outside the grammar
   */
  public static MembershipRule parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new ValidationException(Problem.of("rule", "is " + text.length()
          + " characters long; a membership rule may have at most " + MAX_LENGTH, text.substring(0, 60) + "…"));
    }
    Parser p = new Parser(text);
    Node n = p.parseOr();
    p.skipSpace();
    if (!p.atEnd()) {
      throw p.error("unexpected '" + p.rest() + "'");
    }
    return new MembershipRule(text, n);
  }

  /**
   * Returns the rule as written.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Evaluates the rule for one user.
   *
   * @param user the user
   * @return true when the user matches
   */
  public boolean matches(User user) {
    return root.eval(user);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MembershipRule r && r.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private interface Node {
    boolean eval(User u);
  }

  private record Or(Node a, Node b) implements Node {
    public boolean eval(User u) {
      return a.eval(u) || b.eval(u);
    }
  }

  private record And(Node a, Node b) implements Node {
    public boolean eval(User u) {
      return a.eval(u) && b.eval(u);
    }
  }

  private record Not(Node a) implements Node {
    public boolean eval(User u) {
      return !a.eval(u);
    }
  }

  private enum Op { EQ, NE, STARTS_WITH, CONTAINS, IN, NOT_IN }

  /** A comparison; values are lower-cased once; a null value is the literal {@code null}. */
  private record Cmp(String attribute, Op op, List<String> values) implements Node {
    public boolean eval(User u) {
      String raw = u.attribute(attribute);
      String v = raw == null ? null : raw.toLowerCase(Locale.ROOT);
      String first = values.get(0);
      switch (op) {
        case EQ:
          return v == null ? first == null : v.equals(first);
        case NE:
          return v == null ? first != null : !v.equals(first);
        case STARTS_WITH:
          return v != null && first != null && v.startsWith(first);
        case CONTAINS:
          return v != null && first != null && v.contains(first);
        case IN:
          return v != null && values.contains(v);
        case NOT_IN:
          return v == null || !values.contains(v);
        default:
          throw new IllegalStateException(op.name());
      }
    }
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    ValidationException error(String message) {
      return new ValidationException(Problem.of("rule", message + " at character " + (i + 1), s));
    }

    boolean atEnd() {
      return i >= s.length();
    }

    String rest() {
      String r = s.substring(i);
      return r.length() > 30 ? r.substring(0, 30) + "…" : r;
    }

    void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    /** Consumes an operator keyword such as {@code -and} when it comes next, case-insensitively. */
    boolean keyword(String kw) {
      skipSpace();
      int end = i + kw.length();
      if (end <= s.length() && s.regionMatches(true, i, kw, 0, kw.length())
          && (end == s.length() || !isWordChar(s.charAt(end)))) {
        i = end;
        return true;
      }
      return false;
    }

    Node parseOr() {
      Node n = parseAnd();
      while (keyword("-or")) {
        n = new Or(n, parseAnd());
      }
      return n;
    }

    Node parseAnd() {
      Node n = parseUnary();
      while (keyword("-and")) {
        n = new And(n, parseUnary());
      }
      return n;
    }

    Node parseUnary() {
      if (keyword("-not")) {
        return new Not(parseUnary());
      }
      skipSpace();
      if (atEnd()) {
        throw error("the rule ends where a condition was expected");
      }
      if (s.charAt(i) == '(') {
        i++;
        Node n = parseOr();
        skipSpace();
        if (atEnd() || s.charAt(i) != ')') {
          throw error("missing ')'");
        }
        i++;
        return n;
      }
      return parseComparison();
    }

    Node parseComparison() {
      skipSpace();
      int start = i;
      while (i < s.length() && isWordChar(s.charAt(i))) {
        i++;
      }
      String property = s.substring(start, i);
      if (property.isEmpty()) {
        throw error("expected a condition such as user.department -eq \"Sales\", found '" + rest() + "'");
      }
      int dot = property.indexOf('.');
      String subject = dot < 0 ? property : property.substring(0, dot);
      if (!subject.equalsIgnoreCase("user")) {
        i = start;
        throw error("'" + property + "' is not a user property (dynamic administrative units hold users only;"
            + " write user.<attribute>)");
      }
      String attribute = property.substring(dot + 1);
      if (dot < 0 || attribute.isEmpty() || attribute.contains(".")) {
        i = start;
        throw error("'" + property + "' is not a user property (write user.<attribute>)");
      }
      skipSpace();
      Op op = parseOp();
      skipSpace();
      List<String> values = new ArrayList<>();
      if (op == Op.IN || op == Op.NOT_IN) {
        if (atEnd() || s.charAt(i) != '[') {
          throw error("-in and -notIn take a list such as [\"DE\", \"FR\"]");
        }
        i++;
        skipSpace();
        if (!atEnd() && s.charAt(i) == ']') {
          i++;
        } else {
          while (true) {
            values.add(parseValue());
            skipSpace();
            if (atEnd()) {
              throw error("missing ']'");
            }
            char c = s.charAt(i++);
            if (c == ']') {
              break;
            }
            if (c != ',') {
              i--;
              throw error("expected ',' or ']'");
            }
          }
        }
      } else {
        if (!atEnd() && s.charAt(i) == '[') {
          throw error("a list value needs -in or -notIn");
        }
        values.add(parseValue());
      }
      return new Cmp(attribute, op, values);
    }

    Op parseOp() {
      int start = i;
      if (atEnd() || s.charAt(i) != '-') {
        throw error("expected an operator (-eq, -ne, -startsWith, -contains, -in, -notIn)");
      }
      i++;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      String op = s.substring(start, i).toLowerCase(Locale.ROOT);
      switch (op) {
        case "-eq":
          return Op.EQ;
        case "-ne":
          return Op.NE;
        case "-startswith":
          return Op.STARTS_WITH;
        case "-contains":
          return Op.CONTAINS;
        case "-in":
          return Op.IN;
        case "-notin":
          return Op.NOT_IN;
        default:
          i = start;
          throw error("unsupported operator '" + s.substring(start, start + op.length())
              + "' (supported: -eq, -ne, -startsWith, -contains, -in, -notIn)");
      }
    }

    String parseValue() {
      skipSpace();
      if (atEnd()) {
        throw error("the rule ends where a value was expected");
      }
      char q = s.charAt(i);
      if (q == '"' || q == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (atEnd()) {
            throw error("unterminated string");
          }
          char c = s.charAt(i++);
          if (c == '\\' && !atEnd()) {
            sb.append(s.charAt(i++));
          } else if (c == q) {
            break;
          } else {
            sb.append(c);
          }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
      }
      int start = i;
      while (i < s.length() && (isWordChar(s.charAt(i)) || s.charAt(i) == '@')) {
        i++;
      }
      if (start == i) {
        throw error("expected a value");
      }
      String word = s.substring(start, i);
      return word.equalsIgnoreCase("null") ? null : word.toLowerCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }
  }
}
