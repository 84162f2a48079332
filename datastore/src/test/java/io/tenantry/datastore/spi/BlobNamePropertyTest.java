package io.tenantry.datastore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BlobNamePropertyTest {
  /** The rule of the class javadoc, as a pattern: the oracle for the hand-written check. */
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09._-/ é\0").ofMinLength(0).ofMaxLength(6),
        // the neighbours of every allowed range, and characters whose low bits alias allowed ones
        Arbitraries.strings().withChars("09azAZ-_./:@[`{\u007f\u0080\u00c1\u0130\u2d2d\uff10")
            .ofMinLength(1).ofMaxLength(8),
        Arbitraries.strings().withChars("ab.").ofMinLength(126).ofMaxLength(130));
  }

  @Property(tries = 300)
  void isValidId_agreesWithTheDocumentedRule(@ForAll("candidates") String id) {
    assertThat(BlobName.isValidId(id)).isEqualTo(RULE.matcher(id).matches());
  }
}
