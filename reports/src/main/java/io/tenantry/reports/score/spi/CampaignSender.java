package io.tenantry.reports.score.spi;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.CampaignMessage;
import io.tenantry.reports.score.Scenario;
import java.util.List;

/**
 * The port through which the library hands rendered campaign messages to the host for delivery
 * (mail, chat, in-product nudges). The library renders and hands over; delivery, retries, opt-outs
 * and rate limits are the host's.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call carries exactly one tenant, and every message of the call
 *       is addressed to a person of that tenant's directory. An implementation never delivers a
 *       message under another tenant's identity or configuration.</li>
 *   <li><b>Threads and blocking.</b> Implementations are thread-safe; {@link #send} may block on
 *       I/O (it should queue rather than deliver synchronously).</li>
 *   <li><b>Idempotency.</b> Not required: the library calls {@code send} once per hand-over and
 *       audits each call. A host that needs exactly-once delivery de-duplicates by tenant,
 *       scenario and recipient.</li>
 *   <li><b>Failures.</b> When the messages cannot be accepted, {@code send} throws (any runtime
 *       exception); the library records the failure in the audit log and rethrows it as a {@link
 *       io.tenantry.core.error.PortFailureException}. Returning normally means every message of the
 *       call was accepted.</li>
 * </ul>
 */
public interface CampaignSender {

  /**
   * Hands over one campaign's messages.
   *
   * @param tenant the tenant the campaign belongs to
   * @param scenario the scenario the campaign promotes
   * @param messages the rendered messages, one per recipient; may be empty
   * @throws RuntimeException if the messages cannot be accepted
   */
  void send(TenantId tenant, Scenario scenario, List<CampaignMessage> messages);
}
