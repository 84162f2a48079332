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

  @ParameterizedTest
  @ValueSource(strings = {"user.country -in []", "user.country -notIn [ ]", "-not (user.department -in [])"})
  void parse_emptyList_isRefusedInsteadOfFailingAtEvaluation(String rule) {
    assertThatThrownBy(() -> MembershipRule.parse(rule)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one value");
  }

  @Test
  void parse_nestingBeyondTheLimit_isRefused() {
    String deep = "(".repeat(MembershipRule.MAX_NESTING + 1) + "user.country -eq \"DE\""
        + ")".repeat(MembershipRule.MAX_NESTING + 1);
    assertThatThrownBy(() -> MembershipRule.parse(deep)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("nests");
    String nots = "-not ".repeat(MembershipRule.MAX_LENGTH / 5 - 5) + "user.country -eq \"DE\"";
    assertThatThrownBy(() -> MembershipRule.parse(nots)).isInstanceOf(ValidationException.class);
  }

  @Test
  void graphAttributeNames_readTheUsersCsvColumnsToo() {
    User u = new User(UserId.of("eng"), "eng@contoso.com", UserType.MEMBER,
        Map.of("title", "Engineer", "company", "Contoso", "office", "B1", "name", "Eng One"), true, null);
    assertThat(MembershipRule.parse("user.jobTitle -eq \"engineer\"").matches(u)).isTrue();
    assertThat(MembershipRule.parse("user.companyName -eq \"Contoso\"").matches(u)).isTrue();
    assertThat(MembershipRule.parse("user.physicalDeliveryOfficeName -eq \"B1\"").matches(u)).isTrue();
    assertThat(MembershipRule.parse("user.displayName -startsWith \"Eng\"").matches(u)).isTrue();
    assertThat(MembershipRule.parse("user.title -eq \"Engineer\"").matches(u)).isTrue();
    assertThat(MembershipRule.parse("user.extensionAttribute7 -eq null").matches(u)).isTrue();
    User graph = new User(UserId.of("g"), "g@contoso.com", UserType.MEMBER, Map.of("jobTitle", "Lead"), true, null);
    assertThat(MembershipRule.parse("user.jobTitle -eq \"Lead\"").matches(graph)).isTrue();
    assertThat(MembershipRule.parse("user.title -eq \"Lead\"").matches(graph)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user.departmnet -eq \"Sales\"", "user.foo -ne \"x\"", "user.extension_ -eq \"x\""})
  void parse_unknownAttribute_isRefusedNamingIt(String rule) {
    assertThatThrownBy(() -> MembershipRule.parse(rule)).isInstanceOf(ValidationException.class)
        .hasMessageContaining(rule.substring(0, rule.indexOf(' ')))
        .hasMessageContaining("not a user attribute");
  }
}
