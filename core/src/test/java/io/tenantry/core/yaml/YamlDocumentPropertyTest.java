package io.tenantry.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.error.ValidationException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the YAML reader: any text is either read or refused with a {@link ValidationException}
 * naming the file, never another exception (a crash would be exit 70 on user input).
 */
class YamlDocumentPropertyTest {
  private static final List<String> TOKENS = List.of("a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "'",
      "\"", "&x ", "*x", "!!str ", "? ", "#", "|", ">", "\t", "---\n", "...\n", "\\", "%YAML 1.2\n",
      "\uD83D\uDE00", "\uD83D", "\u0000", "\uFEFF", "ä", "null", "~");

  @Provide
  Arbitrary<String> yamlLike() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 300)
  void parse_tokenSoup_isReadOrRefusedAsAProblem(@ForAll("yamlLike") String text) {
    assertReadOrRefused(text);
  }

  @Property(tries = 200)
  void parse_anyString_isReadOrRefusedAsAProblem(@ForAll String text) {
    assertReadOrRefused(text);
  }

  private static void assertReadOrRefused(String text) {
    try {
      assertThat(YamlDocument.parse("f.yaml", text)).isNotNull();
    } catch (ValidationException refused) {
      assertThat(refused.problems()).isNotEmpty()
          .allSatisfy(p -> assertThat(p.location().file()).isEqualTo("f.yaml"));
    }
  }
}
