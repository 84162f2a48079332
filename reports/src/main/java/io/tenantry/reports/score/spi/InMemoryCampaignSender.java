package io.tenantry.reports.score.spi;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.CampaignMessage;
import io.tenantry.reports.score.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CampaignSender} that delivers nothing and records what it was handed, per tenant; for
 * tests, demos and hosts that deliver later from the record. Thread-safe; never fails.
 */
public final class InMemoryCampaignSender implements CampaignSender {

  /**
   * One recorded hand-over.
   *
   * @param tenant the tenant
   * @param scenario the scenario
   * @param messages the messages handed over
   */
  public record HandOver(TenantId tenant, Scenario scenario, List<CampaignMessage> messages) {

    /**
     * Validates and copies the hand-over.
     *
     * @throws NullPointerException if a component is null
     */
    public HandOver {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(scenario, "scenario");
      messages = List.copyOf(messages);
    }
  }

  private final List<HandOver> recorded = new ArrayList<>();

  /** Creates an empty recorder. */
  public InMemoryCampaignSender() {}

  @Override
  public synchronized void send(TenantId tenant, Scenario scenario,
      List<CampaignMessage> messages) {
    recorded.add(new HandOver(tenant, scenario, messages));
  }

  /**
   * Returns one tenant's hand-overs, oldest first; never another tenant's.
   *
   * @param tenant the tenant
   * @return an immutable copy
   */
  public synchronized List<HandOver> handOvers(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return recorded.stream().filter(h -> h.tenant().equals(tenant)).toList();
  }
}
