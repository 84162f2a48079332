package io.tenantry.identity.domains;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.time.Duration;
import java.util.Objects;

/**
 * The configurable rules of domain management (9.10, 9.11).
 *
 * @param codeLifetime how long an e-mailed verification code is valid (24 hours)
 * @param maxCodeAttempts wrong codes allowed before the code is void (5)
 * @param automatedRemovalMaxReferences the most referencing objects an automated removal renames
 *     (100, at most Microsoft's 1,000)
 */
public record DomainPolicy(Duration codeLifetime, int maxCodeAttempts, int automatedRemovalMaxReferences) {
  /** The defaults: 24 hours, 5 attempts, 100 references. */
  public static final DomainPolicy DEFAULT = new DomainPolicy(Duration.ofHours(24), 5, 100);

  /**
   * Validates the policy.
   *
   * @throws ValidationException if a value is out of range
   */
  public DomainPolicy {
    Objects.requireNonNull(codeLifetime, "codeLifetime");
    if (codeLifetime.isNegative() || codeLifetime.isZero()) {
      throw new ValidationException(Problem.of("codeLifetime", "must be positive", codeLifetime));
    }
    if (maxCodeAttempts < 1) {
      throw new ValidationException(Problem.of("maxCodeAttempts", "must be at least 1", maxCodeAttempts));
    }
    if (automatedRemovalMaxReferences < 0 || automatedRemovalMaxReferences > 1000) {
      throw new ValidationException(Problem.of("automatedRemovalMaxReferences",
          "must be between 0 and 1,000 (Microsoft's ForceDelete limit)", automatedRemovalMaxReferences));
    }
  }
}
