package io.tenantry.datastore;

import java.util.List;

/**
 * The result of a scrub of every replica.
 *
 * @param findings every problem, repair and shredded leftover, in the order found
 * @param objects how many object ids were examined
 * @param chunks how many chunk copies were authenticated
 */
public record VerifyReport(List<VerifyFinding> findings, long objects, long chunks) {

  /** Copies the findings. */
  public VerifyReport {
    findings = List.copyOf(findings);
  }

  /**
   * Tells whether no damage remains (repairs, shredded leftovers and orphans are not damage).
   *
   * @return true when no finding is {@link VerifyFinding.Status#DAMAGED}
   */
  public boolean intact() {
    return count(VerifyFinding.Status.DAMAGED) == 0;
  }

  /**
   * Counts the findings of one status.
   *
   * @param status the status
   * @return how many
   */
  public long count(VerifyFinding.Status status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }
}
