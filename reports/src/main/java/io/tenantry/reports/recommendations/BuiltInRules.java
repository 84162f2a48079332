package io.tenantry.reports.recommendations;

import io.tenantry.reports.recommendations.Finding.Severity;
import io.tenantry.reports.score.ScenarioResult;
import io.tenantry.reports.score.internal.Playbook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The built-in tenant recommendation rules, each driven by {@link RuleSettings}:
 * <ul>
 *   <li>{@value #TOO_MANY_GLOBAL_ADMINS} — more Global Administrators than the maximum;</li>
 *   <li>{@value #NO_PASSWORD_EXPIRATION_POLICY} — no password expiration policy;</li>
 *   <li>{@value #GROUP_EXPIRATION_OFF} — group expiration off while more than the share of
 *       Microsoft 365 groups had no activity for the inactive days;</li>
 *   <li>{@value #INACTIVE_GUESTS} — guests without activity for the inactive days;</li>
 *   <li>{@value #LOW_MFA_REGISTRATION} — fewer active users with MFA than the minimum share;</li>
 *   <li>{@value #LOW_USAGE_SCORE} — applicable Usage Score scenarios below the minimum level.</li>
 * </ul>
 * An object is inactive when its last activity (or, never active, its creation) lies more than
 * the inactive days before the facts' day; a never-active object of unknown age is inactive.
 */
public final class BuiltInRules {
  /** Rule id. */
  public static final String TOO_MANY_GLOBAL_ADMINS = "too-many-global-admins";
  /** Rule id. */
  public static final String NO_PASSWORD_EXPIRATION_POLICY = "no-password-expiration-policy";
  /** Rule id. */
  public static final String GROUP_EXPIRATION_OFF = "group-expiration-off";
  /** Rule id. */
  public static final String INACTIVE_GUESTS = "inactive-guests";
  /** Rule id. */
  public static final String LOW_MFA_REGISTRATION = "low-mfa-registration";
  /** Rule id. */
  public static final String LOW_USAGE_SCORE = "low-usage-score";

  private static final Comparator<String> ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private BuiltInRules() {}

  /**
   * Returns the six built-in rules with the given thresholds, in the order above.
   *
   * @param s the thresholds
   * @return the rules
   */
  public static List<TenantRule> all(RuleSettings s) {
    return List.of(
        rule(TOO_MANY_GLOBAL_ADMINS, f -> {
          if (f.globalAdministrators().size() <= s.maxGlobalAdministrators()) {
            return Optional.empty();
          }
          return Optional.of(new Finding(TOO_MANY_GLOBAL_ADMINS, Severity.HIGH,
              f.globalAdministrators().size() + " Global Administrators, more than "
                  + s.maxGlobalAdministrators(),
              "Move the extra administrators to least-privileged roles (User, Groups or "
                  + "Exchange Administrator) and keep two to " + s.maxGlobalAdministrators()
                  + " Global Administrators.", sorted(f.globalAdministrators())));
        }),
        rule(NO_PASSWORD_EXPIRATION_POLICY, f -> f.passwordExpirationPolicy() ? Optional.empty()
            : Optional.of(new Finding(NO_PASSWORD_EXPIRATION_POLICY, Severity.MEDIUM,
                "No password expiration policy is configured",
                "Set the tenant's password expiration policy explicitly.",
                List.of(f.tenant().value())))),
        rule(GROUP_EXPIRATION_OFF, f -> {
          if (f.groupExpirationEnabled() || f.groups().isEmpty()) {
            return Optional.empty();
          }
          List<String> inactive = new ArrayList<>();
          for (TenantFacts.GroupFact g : f.groups()) {
            if (inactive(g.lastActivity(), g.created(), f.asOf(), s.inactiveDays())) {
              inactive.add(g.displayName());
            }
          }
          BigDecimal share = BigDecimal.valueOf(inactive.size())
              .divide(BigDecimal.valueOf(f.groups().size()), 4, RoundingMode.HALF_UP);
          if (share.compareTo(s.maxInactiveGroupShare()) <= 0) {
            return Optional.empty();
          }
          return Optional.of(new Finding(GROUP_EXPIRATION_OFF, Severity.MEDIUM,
              inactive.size() + " of " + f.groups().size() + " Microsoft 365 groups had no "
                  + "activity for " + s.inactiveDays() + " days and group expiration is off",
              "Turn on a group expiration policy so owners renew the groups they still use.",
              sorted(inactive)));
        }),
        rule(INACTIVE_GUESTS, f -> {
          List<String> inactive = new ArrayList<>();
          for (TenantFacts.GuestFact g : f.guests()) {
            if (inactive(g.lastActivity(), g.created(), f.asOf(), s.inactiveDays())) {
              inactive.add(g.userPrincipalName());
            }
          }
          return inactive.isEmpty() ? Optional.empty()
              : Optional.of(new Finding(INACTIVE_GUESTS, Severity.MEDIUM, inactive.size()
                  + " guests had no activity for " + s.inactiveDays() + " days",
                  "Review the inactive guests' access and remove the guests nobody vouches for.",
                  sorted(inactive)));
        }),
        rule(LOW_MFA_REGISTRATION, f -> {
          if (f.activeUsers().isEmpty()) {
            return Optional.empty();
          }
          List<String> without = f.activeUsers().stream().filter(u -> !u.mfaRegistered())
              .map(TenantFacts.ActiveUserFact::userPrincipalName).toList();
          BigDecimal share = BigDecimal.valueOf(f.activeUsers().size() - without.size())
              .divide(BigDecimal.valueOf(f.activeUsers().size()), 4, RoundingMode.HALF_UP);
          if (share.compareTo(s.minMfaShare()) >= 0) {
            return Optional.empty();
          }
          return Optional.of(new Finding(LOW_MFA_REGISTRATION, Severity.HIGH,
              without.size() + " of " + f.activeUsers().size()
                  + " active users have not registered for multi-factor authentication",
              "Require MFA registration for these users (a registration campaign with a "
                  + "deadline, then Conditional Access).", sorted(without)));
        }),
        rule(LOW_USAGE_SCORE, f -> {
          if (f.usageScore() == null) {
            return Optional.empty();
          }
          List<String> low = new ArrayList<>();
          StringBuilder actions = new StringBuilder();
          for (ScenarioResult line : f.usageScore().scenarios()) {
            if (line.maturity() != null && line.maturity().level() < s.minScenarioLevel()) {
              low.add(line.scenario().displayName());
              actions.append(actions.length() == 0 ? "" : " ").append(line.scenario()
                  .displayName()).append(": ").append(Playbook.action(line.scenario()));
            }
          }
          return low.isEmpty() ? Optional.empty()
              : Optional.of(new Finding(LOW_USAGE_SCORE, Severity.LOW, low.size()
                  + " Usage Score scenarios are below level " + s.minScenarioLevel(),
                  actions.toString(), low));
        }));
  }

  static boolean inactive(LocalDate lastActivity, LocalDate created, LocalDate asOf, int days) {
    LocalDate cutoff = asOf.minusDays(days);
    if (lastActivity != null) {
      return lastActivity.isBefore(cutoff);
    }
    return created == null || created.isBefore(cutoff);
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted(ORDER).toList();
  }

  private static TenantRule rule(String id,
      java.util.function.Function<TenantFacts, Optional<Finding>> body) {
    return new TenantRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Optional<Finding> evaluate(TenantFacts facts) {
        return body.apply(facts);
      }
    };
  }
}
