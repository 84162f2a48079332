package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the rule parser: whatever the text, {@link MembershipRule#parse} either returns a rule
 * that evaluates without error or refuses it with a {@link ValidationException}, never another
 * exception ({@code cli.md} rule 11: an invalid rule is a problem with its line, not a crash).
 */
class MembershipRulePropertyTest {
  private static final User USER = new User(UserId.of("u"), "u@contoso.com", UserType.MEMBER,
      Map.of("department", "Sales", "country", "DE", "title", "Engineer"), true, null);
  private static final List<String> TOKENS = List.of("user.", "user.department", "user.jobTitle", "user.country",
      "user.departmnet", "device.os", "-eq", "-ne", "-startsWith", "-contains", "-in", "-notIn", "-and", "-or",
      "-not", "-like", "(", ")", "[", "]", ",", "\"", "'", "\"Sales\"", "'DE'", "null", "\\", " ", "  ", "😀",
      "\uD83D", "x", "-", ".", "@");

  @Provide
  Arbitrary<String> ruleLike() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(25).map(l -> String.join("", l));
  }

  @Property(tries = 300)
  void parse_tokenSoup_parsesOrIsAValidationProblem(@ForAll("ruleLike") String text) {
    assertParsesOrRefuses(text);
  }

  @Property(tries = 300)
  void parse_anyString_parsesOrIsAValidationProblem(@ForAll String text) {
    assertParsesOrRefuses(text);
  }

  private static void assertParsesOrRefuses(String text) {
    MembershipRule rule;
    try {
      rule = MembershipRule.parse(text);
    } catch (ValidationException refused) {
      assertThat(refused.problems()).isNotEmpty();
      return;
    }
    // a rule that parses also evaluates, and prints back as written
    rule.matches(USER);
    assertThat(rule.text()).isEqualTo(text);
  }
}
