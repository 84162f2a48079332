package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipRuleTest {
  private static final User ANNA = new User(UserId.of("anna"), "anna@contoso.com", UserType.MEMBER,
      Map.of("department", "Sales", "country", "DE", "city", "Berlin"), true, null);
  private static final User GUS = new User(UserId.of("gus"), "gus@partner.com", UserType.GUEST,
      Map.of("country", "FR"), true, null);

  @Test
  void eq_isCaseInsensitive() {
    assertThat(MembershipRule.parse("user.country -eq \"de\"").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("USER.Country -EQ 'DE'").matches(ANNA)).isTrue();
  }

  @Test
  void operators_evaluateAsDocumented() {
    assertThat(MembershipRule.parse("user.department -ne \"HR\"").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("user.city -startsWith \"ber\"").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("user.userPrincipalName -contains \"@CONTOSO\"").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("user.country -in [\"FR\", \"de\"]").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("user.country -notIn [\"FR\", \"de\"]").matches(ANNA)).isFalse();
    assertThat(MembershipRule.parse("user.userType -eq \"Guest\"").matches(GUS)).isTrue();
  }

  @Test
  void missingAttribute_matchesOnlyNegations() {
    assertThat(MembershipRule.parse("user.department -eq \"Sales\"").matches(GUS)).isFalse();
    assertThat(MembershipRule.parse("user.department -ne \"Sales\"").matches(GUS)).isTrue();
    assertThat(MembershipRule.parse("user.department -notIn [\"Sales\"]").matches(GUS)).isTrue();
    assertThat(MembershipRule.parse("user.department -startsWith \"S\"").matches(GUS)).isFalse();
  }

  @Test
  void booleanOperators_respectPrecedenceAndParentheses() {
    // -and binds tighter than -or.
    assertThat(MembershipRule.parse("user.country -eq \"FR\" -or user.country -eq \"DE\" -and user.city -eq \"X\"")
        .matches(ANNA)).isFalse();
    assertThat(MembershipRule.parse("(user.country -eq \"FR\" -or user.country -eq \"DE\") -and user.city -eq"
        + " \"Berlin\"").matches(ANNA)).isTrue();
    assertThat(MembershipRule.parse("-not (user.country -eq \"DE\")").matches(ANNA)).isFalse();
    assertThat(MembershipRule.parse("-not user.country -eq \"FR\"").matches(ANNA)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "user.country", "user.country -eq", "user.country -like \"x\"",
      "device.os -eq \"x\"", "(user.country -eq \"DE\"", "user.country -eq \"DE\")", "user.country -in \"DE\"",
      "user.country -eq [\"DE\"]", "user.country -eq \"DE", "user.country -eq \"DE\" -and", "country -eq \"DE\""})
  void parse_invalidRule_isRefusedWithPosition(String rule) {
    assertThatThrownBy(() -> MembershipRule.parse(rule)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("rule");
  }

  @Test
  void parse_overMaximumLength_isRefused() {
    String rule = "user.country -eq \"" + "x".repeat(MembershipRule.MAX_LENGTH) + "\"";
    assertThatThrownBy(() -> MembershipRule.parse(rule)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("3072");
  }
}
