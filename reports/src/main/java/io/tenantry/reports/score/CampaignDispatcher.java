package io.tenantry.reports.score;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.reports.score.spi.CampaignSender;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Renders a recommendation's campaign for its target people, hands the messages to the host's
 * {@link CampaignSender} and records every hand-over in the {@link AuditLog}: activity {@value
 * #ACTIVITY}, target the scenario's name, details {@code recipients} (count) and {@code subject}
 * (the unrendered subject), result {@code Success}, or {@code Failure} with the {@code reason}
 * when the sender threw.
 *
 * <p>Thread-safe when its ports are. Time and record ids come from the injected {@link
 * InstantSource} and {@link IdGenerator}.
 */
public final class CampaignDispatcher {
  /** The audit activity of a hand-over. */
  public static final String ACTIVITY = "CampaignHandedOver";

  private final CampaignSender sender;
  private final AuditLog audit;
  private final InstantSource clock;
  private final IdGenerator ids;

  /**
   * Creates a dispatcher.
   *
   * @param sender the host's sender
   * @param audit where hand-overs are recorded
   * @param clock the source of audit times
   * @param ids the source of audit record ids
   * @throws NullPointerException if an argument is null
   */
  public CampaignDispatcher(CampaignSender sender, AuditLog audit, InstantSource clock,
      IdGenerator ids) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Hands over the campaign of one scenario's recommendation.
   *
   * @param tenant the tenant
   * @param score the tenant's score holding the recommendation
   * @param scenario the scenario whose campaign to hand over
   * @param actor who started the campaign (an admin's principal name or a system name)
   * @return the messages handed over
   * @throws AccessDeniedException if the score belongs to another tenant
   * @throws NoSuchElementException if the score has no recommendation for the scenario
   * @throws PortFailureException if the sender failed (the failure is audited first)
   * @throws io.tenantry.core.error.PortFailureException if the audit log failed
   */
  public List<CampaignMessage> handOver(TenantId tenant, UsageScore score, Scenario scenario,
      String actor) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(actor, "actor");
    if (!score.tenant().equals(tenant)) {
      throw new AccessDeniedException("a score of tenant " + score.tenant()
          + " cannot start a campaign in tenant " + tenant);
    }
    Recommendation r = score.recommendation(scenario).orElseThrow(() ->
        new NoSuchElementException("the score has no recommendation for "
            + scenario.displayName()));
    List<CampaignMessage> messages = r.renderCampaign();
    Map<String, String> details = Map.of("recipients", Integer.toString(messages.size()),
        "subject", r.campaign().subject());
    try {
      sender.send(tenant, scenario, messages);
    } catch (RuntimeException e) {
      audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), actor, ACTIVITY,
          scenario.displayName(), AuditResult.FAILURE,
          Map.of("recipients", Integer.toString(messages.size()), "subject",
              r.campaign().subject(), "reason", String.valueOf(e.getMessage()))));
      throw new PortFailureException("the campaign sender refused the " + scenario.displayName()
          + " campaign of tenant " + tenant, e);
    }
    audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), actor, ACTIVITY,
        scenario.displayName(), AuditResult.SUCCESS, details));
    return messages;
  }
}
