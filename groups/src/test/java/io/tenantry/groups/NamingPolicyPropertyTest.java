package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.error.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the naming policy. */
class NamingPolicyPropertyTest {

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ABCxyz_- ()[]0").ofMaxLength(6),
        Arbitraries.of("[Department]", "[Company]", "[Office]", "[StateOrProvince]",
            "[CountryOrRegion]", "[Title]", "[postalCode]"));
    return Arbitraries.strings().withChars("ABC_-").ofMaxLength(2).flatMap(seed ->
        piece.list().ofMaxSize(3).flatMap(pre -> piece.list().ofMaxSize(3).map(post ->
            String.join("", pre) + "[GroupName]" + String.join("", post))))
        .filter(p -> p.length() <= NamingPolicy.MAX_PATTERN_LENGTH
            && p.indexOf("[GroupName]") == p.lastIndexOf("[GroupName]"));
  }

  @Provide
  Arbitrary<UserAttributes> users() {
    Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ é-").ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(value, value, value, value, value, value)
        .as(UserAttributes::new);
  }

  @Property(tries = 300)
  void apply_twice_changesNothing(@ForAll("patterns") String pattern,
      @ForAll("users") UserAttributes user,
      @ForAll @StringLength(min = 1, max = 40) String name,
      @ForAll boolean exempt) {
    NamingPolicy policy = NamingPolicy.of(pattern, "blocked, bad word");
    AppliedName once;
    try {
      once = policy.apply(name, user, exempt);
    } catch (ValidationException refused) {
      Assume.that(false);
      return;
    }

    assertThat(policy.apply(once.displayName(), user, exempt)).isEqualTo(once);
  }

  @Property(tries = 300)
  void blockedWordIn_wordInsideALongerWord_neverMatches(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String word,
      @ForAll @AlphaChars @StringLength(min = 0, max = 4) String before,
      @ForAll @AlphaChars @StringLength(min = 0, max = 4) String after,
      @ForAll("separators") String separator,
      @ForAll @AlphaChars @StringLength(min = 0, max = 6) String other) {
    Assume.that(!before.isEmpty() || !after.isEmpty());
    Assume.that(!other.equalsIgnoreCase(word));
    NamingPolicy policy = NamingPolicy.of("", word);
    String name = other.isEmpty() ? before + word + after : other + separator + before + word + after;

    assertThat(policy.blockedWordIn(name)).isEmpty();
  }

  @Property(tries = 200)
  void blockedWord_asWholeWord_alwaysMatchesIgnoringCase(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String word,
      @ForAll @AlphaChars @StringLength(min = 0, max = 6) String other,
      @ForAll("separators") String separator) {
    NamingPolicy policy = NamingPolicy.of("", word.toLowerCase(java.util.Locale.ROOT));

    assertThat(policy.blockedWordIn(other + separator + word.toUpperCase(java.util.Locale.ROOT)))
        .isPresent();
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(" ", "-", "_", ".", " - ", ", ", "/");
  }
}
