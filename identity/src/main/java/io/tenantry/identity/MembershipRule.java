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
 * and {@code -eq null}, and nothing else. At most {@value #MAX_LENGTH} characters, at most
 * {@value #MAX_NESTING} nested parentheses or {@code -not}s, and a list holds at least one value.
 *
 * <p>Attributes ({@code §1.2}: "the same rule language and attributes as dynamic groups") are the
 * Microsoft Graph user properties that dynamic membership rules accept ({@code user.jobTitle},
 * {@code user.companyName}, {@code user.physicalDeliveryOfficeName}, {@code user.department},
 * {@code user.userPrincipalName}, {@code user.extensionAttribute1}…{@code 15},
 * {@code user.extension_<app>_<name>}, …) and the camelCase {@code users.csv} columns
 * ({@code activity-events.md} §1: {@code title}, {@code company}, {@code office}, …), names
 * compared case-insensitively. A Graph name and its {@code users.csv} column read the same value
 * ({@code user.jobTitle} reads a user's {@code jobTitle}, else its {@code title}; likewise
 * {@code companyName}/{@code company}, {@code physicalDeliveryOfficeName}/{@code officeLocation}/{@code
 * office}, {@code displayName}/{@code name}). Any other name is refused when the rule is parsed
 * (a misspelt attribute would otherwise silently match nobody).
 */
public final class MembershipRule {
  /** The documented maximum rule length. */
  public static final int MAX_LENGTH = 3072;
  /** The deepest nesting of parentheses and {@code -not} a rule may have. */
  public static final int MAX_NESTING = 100;

  /** The names each accepted attribute is read from, in order, by its lower-case name. */
  private static final java.util.Map<String, List<String>> ATTRIBUTES = attributes();

  private static java.util.Map<String, List<String>> attributes() {
    java.util.Map<String, List<String>> m = new java.util.HashMap<>();
    List<List<String>> aliases = List.of(
        List.of("jobTitle", "title"),
        List.of("companyName", "company"),
        List.of("physicalDeliveryOfficeName", "officeLocation", "office"),
        List.of("displayName", "name"));
    for (List<String> names : aliases) {
      for (String n : names) {
        m.put(n.toLowerCase(Locale.ROOT), names);
      }
    }
    // Graph user properties of dynamic membership rules, and the users.csv columns (camelCase).
    for (String n : List.of("accountEnabled", "city", "country", "department", "dirSyncEnabled", "employeeHireDate",
        "employeeId", "employeeType", "facsimileTelephoneNumber", "givenName", "mail", "mailNickname", "mobile",
        "objectId", "id", "onPremisesDistinguishedName", "onPremisesSamAccountName",
        "onPremisesSecurityIdentifier", "onPremisesUserPrincipalName", "passwordPolicies", "postalCode",
        "preferredDataLocation", "preferredLanguage", "sipProxyAddress", "state", "streetAddress", "surname",
        "telephoneNumber", "usageLocation", "userPrincipalName", "upn", "userType", "assignedProducts",
        "createdDate", "mfaRegistered", "exchangeLicenseAssignDate", "oneDriveLicenseAssignDate",
        "sharePointLicenseAssignDate", "skypeForBusinessLicenseAssignDate", "yammerLicenseAssignDate",
        "teamsLicenseAssignDate", "microsoft365AppsLicenseAssignDate")) {
      m.putIfAbsent(n.toLowerCase(Locale.ROOT), List.of(n));
    }
    for (int k = 1; k <= 15; k++) {
      m.put("extensionattribute" + k, List.of("extensionAttribute" + k));
    }
    return java.util.Map.copyOf(m);
  }

  /** The names an attribute of a rule is read from, or null when it is not a rule attribute. */
  private static List<String> attributeNames(String attribute) {
    String key = attribute.toLowerCase(Locale.ROOT);
    List<String> names = ATTRIBUTES.get(key);
    if (names == null && key.startsWith("extension_") && key.length() > "extension_".length()) {
      return List.of(attribute);
    }
    return names;
  }

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

  /**
   * A comparison; values are lower-cased once; a null value is the literal {@code null}. The
   * attribute is read from the first of its names the user has.
   */
  private record Cmp(List<String> names, Op op, List<String> values) implements Node {
    public boolean eval(User u) {
      String raw = null;
      for (int k = 0; raw == null && k < names.size(); k++) {
        raw = u.attribute(names.get(k));
      }
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
    private int depth;

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
      if (++depth > MAX_NESTING) {
        throw error("the rule nests parentheses and -not more than " + MAX_NESTING + " deep");
      }
      try {
        return parseUnaryAtDepth();
      } finally {
        depth--;
      }
    }

    private Node parseUnaryAtDepth() {
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
      List<String> names = attributeNames(attribute);
      if (names == null) {
        i = start;
        throw error("'" + property + "' is not a user attribute of membership rules (e.g. user.department,"
            + " user.jobTitle, user.companyName, user.physicalDeliveryOfficeName, user.country,"
            + " user.userPrincipalName, user.extensionAttribute1)");
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
          throw error("-in and -notIn need at least one value in their list, such as [\"DE\"]");
        }
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
      } else {
        if (!atEnd() && s.charAt(i) == '[') {
          throw error("a list value needs -in or -notIn");
        }
        values.add(parseValue());
      }
      return new Cmp(names, op, values);
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
