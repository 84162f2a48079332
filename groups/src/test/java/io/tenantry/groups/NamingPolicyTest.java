package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingPolicyTest {
  static final UserAttributes SALES_CREATOR =
      new UserAttributes("Sales", "Contoso", "Paris", "IDF", "FR", "Manager");

  @Test
  void apply_prefixAndSuffixWithAttributes_rendersThem() {
    NamingPolicy p = NamingPolicy.of("GRP_[Department]_[GroupName]_[CountryOrRegion]", "");

    AppliedName n = p.apply("Launch", SALES_CREATOR, false);

    assertThat(n).isEqualTo(new AppliedName("GRP_Sales_Launch_FR", "GRP_Sales_Launch_FR"));
  }

  @Test
  void apply_everyAttributeToken_isSubstituted() {
    NamingPolicy p = NamingPolicy.of("[Company][Office][StateOrProvince][Title]-[GroupName]", "");

    assertThat(p.apply("x", SALES_CREATOR, false).displayName())
        .isEqualTo("ContosoParisIDFManager-x");
  }

  @Test
  void apply_unknownToken_isLiteral() {
    NamingPolicy p = NamingPolicy.of("[postalCode] [GroupName]", "");

    AppliedName n = p.apply("Team", SALES_CREATOR, false);

    assertThat(n.displayName()).isEqualTo("[postalCode] Team");
    assertThat(n.mailNickname()).isEqualTo("postalCodeTeam");
  }

  @Test
  void apply_aliasForbiddenCharacters_strippedFromAliasOnly() {
    NamingPolicy p = NamingPolicy.of("(EU) [GroupName]", "");

    AppliedName n = p.apply("Café: Plans, 2026", UserAttributes.NONE, false);

    assertThat(n.displayName()).isEqualTo("(EU) Café: Plans, 2026");
    assertThat(n.mailNickname()).isEqualTo("EUCafPlans2026");
  }

  @Test
  void apply_renderedNameOver63_isRefusedNotTruncated() {
    NamingPolicy p = NamingPolicy.of("GRP_[Department]_[GroupName]", "");
    String name = "x".repeat(63 - "GRP_Sales_".length() + 1);

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> p.apply(name, SALES_CREATOR, false));

    assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
        .contains("64 characters", "at most 63");
  }

  @Test
  void apply_renderedNameOf63_isAccepted() {
    NamingPolicy p = NamingPolicy.of("GRP_[GroupName]", "");

    assertThat(p.apply("y".repeat(59), UserAttributes.NONE, false).displayName()).hasSize(63);
  }

  @Test
  void of_invalidPattern_listsEveryProblem() {
    String longPattern = "P".repeat(60) + "[GroupName][GroupName]";

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> NamingPolicy.of(longPattern, ""));

    assertThat(e.problems()).extracting(Problem::message).anyMatch(m -> m.contains("at most 64"))
        .anyMatch(m -> m.contains("exactly once"));
  }

  @Test
  void of_patternWithoutGroupName_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> NamingPolicy.of("GRP_[Department]", ""));

    assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
        .contains("[GroupName]");
  }

  @Test
  void blockedWordIn_wordInsideLongerWord_doesNotMatch() {
    NamingPolicy p = NamingPolicy.of("", "lass");

    assertThat(p.blockedWordIn("Class of 2026")).isEmpty();
    assertThat(p.blockedWordIn("The LASS team")).contains("lass");
    assertThat(p.blockedWordIn("lass")).contains("lass");
  }

  @Test
  void blockedWordIn_phrase_matchesAsRunOfWholeWords() {
    NamingPolicy p = NamingPolicy.of("", " top secret , CEO");

    assertThat(p.blockedWordIn("Top-Secret plans")).contains("top secret");
    assertThat(p.blockedWordIn("Top secretary")).isEmpty();
    assertThat(p.blockedWordIn("ceo office")).contains("CEO");
    assertThat(p.blockedWordIn("CEOs")).isEmpty();
  }

  @Test
  void apply_blockedWord_refusedNamingTheWord() {
    NamingPolicy p = NamingPolicy.of("GRP_[GroupName]", "payroll");

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> p.apply("Payroll 2026", UserAttributes.NONE, false));

    assertThat(e.getMessage()).contains("blocked word 'payroll'");
  }

  @Test
  void apply_exemptAdministrator_isNotSubjectToPolicy() {
    NamingPolicy p = NamingPolicy.of("GRP_[GroupName]", "payroll");

    AppliedName n = p.apply("Payroll team", UserAttributes.NONE, true);

    assertThat(n).isEqualTo(new AppliedName("Payroll team", "Payrollteam"));
  }

  @Test
  void apply_exemptAdministratorLongName_isNotCappedAt63() {
    NamingPolicy p = NamingPolicy.of("GRP_[GroupName]", "");
    String name = "z".repeat(80);

    assertThat(p.apply(name, UserAttributes.NONE, true).displayName()).isEqualTo(name);
  }

  @Test
  void apply_withoutPattern_nameOver63IsAccepted() {
    String name = "w".repeat(64);

    assertThat(NamingPolicy.none().apply(name, UserAttributes.NONE, false).displayName())
        .isEqualTo(name);
    assertThat(NamingPolicy.of("", "payroll").apply(name, UserAttributes.NONE, false)
        .displayName()).isEqualTo(name);
  }

  @Test
  void apply_alreadyAppliedName_isUnchanged() {
    NamingPolicy p = NamingPolicy.of("GRP_[Department]_[GroupName]", List.of());
    AppliedName once = p.apply("Launch", SALES_CREATOR, false);

    assertThat(p.apply(once.displayName(), SALES_CREATOR, false)).isEqualTo(once);
  }
}
