package io.tenantry.groups;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tenant's Microsoft 365 group naming policy (directory-semantics §3.5 and 9.6): a prefix/suffix
 * pattern ({@code PrefixSuffixNamingRequirement}) and custom blocked words ({@code
 * CustomBlockedWordsList}). Immutable and thread-safe.
 *
 * <h2>Pattern</h2>
 * Fixed text and the creating user's attributes {@code [Department]}, {@code [Company]}, {@code
 * [Office]}, {@code [StateOrProvince]}, {@code [CountryOrRegion]}, {@code [Title]} around exactly
 * one {@code [GroupName]}; token names are matched exactly (case-sensitively), and any other
 * bracketed text (e.g. {@code [postalCode]}) is literal. The pattern is at most 64 characters; an
 * empty pattern means no prefix or suffix.
 *
 * <h2>Applying it</h2>
 * {@link #apply} renders prefix + group name + suffix; under a prefix/suffix pattern a display name
 * over 63 characters is refused, never truncated. The 63-character limit is part of the
 * prefix/suffix requirement (§3.5 "total of prefix + suffix + group name"), so it does not apply
 * when the tenant configured no pattern (blocked words alone, or {@link #none()}) nor to exempt
 * administrators. The alias is the same rendering with the characters a {@code mailNickname}
 * cannot hold removed (non-ASCII, control characters, space and {@code @ ( ) \ [ ] " ; : < > ,}),
 * so the display name keeps them. Blocked words are compared case-insensitively with the name the
 * user typed, as a whole and as a run of whole words (words are separated by anything that is not a
 * letter or a digit), so {@code lass} blocks "lass" and "The Lass Team" but never "Class".
 *
 * <p>A name that already carries the rendered prefix and suffix is taken as already applied: its
 * middle is the group name. So applying the policy to its own result changes nothing, which is what
 * lets an edit re-apply the policy to an unchanged name.
 *
 * <p>Global and User Administrators are exempt: {@link #apply} with {@code exempt = true} only
 * derives the alias.
 */
public final class NamingPolicy {

  /** The longest stored pattern. */
  public static final int MAX_PATTERN_LENGTH = 64;
  /** The longest display name once a prefix/suffix pattern is rendered (non-exempt actors). */
  public static final int MAX_NAME_LENGTH = 63;
  /** The most blocked phrases. */
  public static final int MAX_BLOCKED_WORDS = 5000;

  private static final String GROUP_NAME = "GroupName";
  private static final Map<String, Function<UserAttributes, String>> ATTRIBUTES = Map.of(
      "Department", UserAttributes::department,
      "Company", UserAttributes::company,
      "Office", UserAttributes::office,
      "StateOrProvince", UserAttributes::stateOrProvince,
      "CountryOrRegion", UserAttributes::countryOrRegion,
      "Title", UserAttributes::title);
  private static final String ALIAS_FORBIDDEN = "@()\\[]\";:<>, ";

  private static final NamingPolicy NONE = new NamingPolicy("", List.of(), List.of(), List.of());

  private final String pattern;
  private final List<Segment> prefix;
  private final List<Segment> suffix;
  private final List<String> blockedWords;
  private final List<List<String>> blockedTokens;

  private NamingPolicy(String pattern, List<Segment> prefix, List<Segment> suffix,
      List<String> blockedWords) {
    this.pattern = pattern;
    this.prefix = List.copyOf(prefix);
    this.suffix = List.copyOf(suffix);
    this.blockedWords = List.copyOf(blockedWords);
    this.blockedTokens = blockedWords.stream().map(NamingPolicy::words).toList();
  }

  /**
   * Returns the policy of a tenant that configured none: no prefix or suffix, no blocked words.
   *
   * @return the empty policy
   */
  public static NamingPolicy none() {
    return NONE;
  }

  /**
   * Creates a policy from the tenant's two settings.
   *
   * @param pattern {@code PrefixSuffixNamingRequirement}, e.g. {@code "GRP_[Department]_[GroupName]"};
   *     empty for none
   * @param customBlockedWordsList {@code CustomBlockedWordsList}: comma-separated phrases, each
   *     trimmed; empty entries are ignored
   * @return the policy
   * @throws ValidationException listing every problem: a pattern over 64 characters, without
   *     {@code [GroupName]} or with it more than once, more than 5,000 blocked phrases
   */
  public static NamingPolicy of(String pattern, String customBlockedWordsList) {
    Objects.requireNonNull(customBlockedWordsList, "customBlockedWordsList");
    return of(pattern, Arrays.asList(customBlockedWordsList.split(",", -1)));
  }

  /**
   * Creates a policy from a pattern and a list of blocked phrases.
   *
   * @param pattern the prefix/suffix pattern; empty for none
   * @param blockedWords the blocked phrases, each trimmed; empty entries are ignored
   * @return the policy
   * @throws ValidationException listing every problem (see {@link #of(String, String)})
   */
  public static NamingPolicy of(String pattern, List<String> blockedWords) {
    Objects.requireNonNull(pattern, "pattern");
    Problems problems = new Problems();
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      problems.add("namingPolicy.pattern", "is " + pattern.length() + " characters long; at most "
          + MAX_PATTERN_LENGTH + " are allowed", pattern);
    }
    List<Segment> segments = parse(pattern);
    long names = segments.stream().filter(s -> s instanceof GroupNameToken).count();
    if (!pattern.isEmpty() && names == 0) {
      problems.add("namingPolicy.pattern", "must contain the [GroupName] token", pattern);
    } else if (names > 1) {
      problems.add("namingPolicy.pattern", "must contain [GroupName] exactly once, found " + names,
          pattern);
    }
    List<String> words = new ArrayList<>();
    for (String w : blockedWords) {
      String t = Objects.requireNonNull(w, "blocked word").strip();
      if (!t.isEmpty()) {
        words.add(t);
      }
    }
    if (words.size() > MAX_BLOCKED_WORDS) {
      problems.add("namingPolicy.blockedWords", "lists " + words.size() + " phrases; at most "
          + MAX_BLOCKED_WORDS + " are allowed", words.size());
    }
    problems.throwIfAny();
    int at = segments.indexOf(GroupNameToken.INSTANCE);
    List<Segment> pre = at < 0 ? List.of() : segments.subList(0, at);
    List<Segment> post = at < 0 ? List.of() : segments.subList(at + 1, segments.size());
    return new NamingPolicy(pattern, pre, post, words);
  }

  /**
   * Returns the stored pattern.
   *
   * @return the pattern, empty when there is none
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Returns the blocked phrases.
   *
   * @return the trimmed phrases, in order
   */
  public List<String> blockedWords() {
    return blockedWords;
  }

  /**
   * Applies the policy to the name a user asked for, on create or on edit.
   *
   * @param requestedName the name the user typed (or the group's current name on an edit)
   * @param creator the attributes of the user creating or editing the group
   * @param exempt true when the user is a Global or User Administrator (only the alias is derived)
   * @return the display name and alias
   * @throws ValidationException listing every problem: a blank name, each blocked word found, a
   *     name over 63 characters once a prefix/suffix pattern is rendered (not for exempt actors nor
   *     without a pattern), an alias left empty
   */
  public AppliedName apply(String requestedName, UserAttributes creator, boolean exempt) {
    Objects.requireNonNull(requestedName, "requestedName");
    Objects.requireNonNull(creator, "creator");
    Problems problems = new Problems();
    String name;
    if (exempt) {
      name = requestedName;
    } else {
      String pre = render(prefix, creator);
      String post = render(suffix, creator);
      String groupName = requestedName;
      if (requestedName.length() >= pre.length() + post.length() && requestedName.startsWith(pre)
          && requestedName.endsWith(post)) {
        groupName = requestedName.substring(pre.length(), requestedName.length() - post.length());
      }
      blockedWordIn(groupName).ifPresent(w -> problems.add("displayName",
          "contains the blocked word '" + w + "'", requestedName));
      name = pre + groupName + post;
    }
    if (name.isBlank()) {
      problems.add("displayName", "must not be blank", requestedName);
    }
    if (!exempt && !pattern.isEmpty() && name.length() > MAX_NAME_LENGTH) {
      problems.add("displayName", "would be " + name.length() + " characters long with the naming"
          + " policy; at most " + MAX_NAME_LENGTH + " are allowed", name);
    }
    String alias = toAlias(name);
    if (alias.isEmpty() && !name.isBlank()) {
      problems.add("mailNickname", "would be empty: the name has no character allowed in an alias",
          name);
    }
    problems.throwIfAny();
    return new AppliedName(name, alias);
  }

  /**
   * Finds the first blocked phrase that a name contains as a whole or as a run of whole words,
   * case-insensitively.
   *
   * @param groupName the name the user typed
   * @return the blocked phrase as configured, or empty when none matches
   */
  public Optional<String> blockedWordIn(String groupName) {
    String whole = groupName.strip().toLowerCase(Locale.ROOT);
    List<String> nameWords = words(groupName);
    for (int i = 0; i < blockedWords.size(); i++) {
      if (blockedWords.get(i).toLowerCase(Locale.ROOT).equals(whole)
          || containsRun(nameWords, blockedTokens.get(i))) {
        return Optional.of(blockedWords.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Removes from a name the characters a {@code mailNickname} cannot hold: anything outside
   * printable ASCII, space and {@code @ ( ) \ [ ] " ; : < > ,}.
   *
   * @param name a display name
   * @return the alias
   */
  public static String toAlias(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 32 && c < 127 && ALIAS_FORBIDDEN.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean containsRun(List<String> words, List<String> run) {
    if (run.isEmpty() || run.size() > words.size()) {
      return false;
    }
    outer:
    for (int i = 0; i + run.size() <= words.size(); i++) {
      for (int j = 0; j < run.size(); j++) {
        if (!words.get(i + j).equals(run.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        cur.appendCodePoint(cp);
      } else if (cur.length() > 0) {
        out.add(cur.toString().toLowerCase(Locale.ROOT));
        cur.setLength(0);
      }
    });
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String render(List<Segment> segments, UserAttributes user) {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (s instanceof Literal l) {
        sb.append(l.text());
      } else if (s instanceof Attribute a) {
        sb.append(ATTRIBUTES.get(a.name()).apply(user));
      }
    }
    return sb.toString();
  }

  private static List<Segment> parse(String pattern) {
    List<Segment> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 1) : -1;
      if (close < 0) {
        literal.append(c);
        i++;
        continue;
      }
      String token = pattern.substring(i + 1, close);
      if (token.equals(GROUP_NAME) || ATTRIBUTES.containsKey(token)) {
        if (literal.length() > 0) {
          out.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        out.add(token.equals(GROUP_NAME) ? GroupNameToken.INSTANCE : new Attribute(token));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      out.add(new Literal(literal.toString()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "NamingPolicy[pattern=" + pattern + ", blockedWords=" + blockedWords.size() + "]";
  }

  private sealed interface Segment permits Literal, Attribute, GroupNameToken {}

  private record Literal(String text) implements Segment {}

  private record Attribute(String name) implements Segment {}

  private enum GroupNameToken implements Segment {
    INSTANCE
  }
}
