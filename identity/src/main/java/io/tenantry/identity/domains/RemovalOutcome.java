package io.tenantry.identity.domains;

import java.util.List;
import java.util.Objects;

/**
 * The result of asking to remove a domain (§6.3, 9.11).
 */
public sealed interface RemovalOutcome permits RemovalOutcome.Removed, RemovalOutcome.RemovedWithRenames,
    RemovalOutcome.Refused {

  /**
   * No object referenced the domain; it is gone.
   *
   * @param domain the removed domain
   */
  record Removed(DomainName domain) implements RemovalOutcome {
    /**
     * Validates the outcome.
     *
     * @throws NullPointerException if {@code domain} is null
     */
    public Removed {
      Objects.requireNonNull(domain, "domain");
    }
  }

  /**
   * Automated removal: at most the configured number of objects referenced the domain; each
   * reference is to be renamed onto the initial domain, then the domain is gone.
   *
   * @param domain the removed domain
   * @param renames each reference with its new value on the initial domain
   */
  record RemovedWithRenames(DomainName domain, List<Rename> renames) implements RemovalOutcome {
    /**
     * Copies the renames.
     *
     * @throws NullPointerException if a component is null
     */
    public RemovedWithRenames {
      Objects.requireNonNull(domain, "domain");
      renames = List.copyOf(renames);
    }
  }

  /**
   * The domain stays: the reason, and the references that block removal (empty when the reason
   * is not references, e.g. the initial or primary domain).
   *
   * @param domain the domain
   * @param reason why it cannot be removed
   * @param blockers the references that block it
   */
  record Refused(DomainName domain, String reason, List<DomainReference> blockers) implements RemovalOutcome {
    /**
     * Copies the blockers.
     *
     * @throws NullPointerException if a component is null
     */
    public Refused {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(reason, "reason");
      blockers = List.copyOf(blockers);
    }
  }

  /**
   * One rename done by an automated removal.
   *
   * @param reference the reference
   * @param newValue its value on the initial domain
   */
  record Rename(DomainReference reference, String newValue) {
    /**
     * Validates the rename.
     *
     * @throws NullPointerException if a component is null
     */
    public Rename {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(newValue, "newValue");
    }
  }
}
