package io.tenantry.notices.spi;

import io.tenantry.core.TenantId;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.MessageState;
import io.tenantry.notices.RolloutStage;
import io.tenantry.notices.StatusUpdate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link NoticeStateStore}: every key starts with the tenant. Thread-safe; state
 * lives as long as the instance.
 */
public final class InMemoryNoticeStateStore implements NoticeStateStore {
  private record AdminKey(TenantId tenant, String upn) {}

  private record MessageKey(TenantId tenant, String upn, String messageId) {}

  private record LedgerKey(TenantId tenant, String kind, String id, String entry) {}

  private final Map<AdminKey, AdminPreferences> preferences = new ConcurrentHashMap<>();
  private final Map<MessageKey, MessageState> states = new ConcurrentHashMap<>();
  private final Map<AdminKey, HealthSubscription> subscriptions = new ConcurrentHashMap<>();
  private final Set<LedgerKey> ledger = ConcurrentHashMap.newKeySet();

  /** Creates an empty store. */
  public InMemoryNoticeStateStore() {}

  private static AdminKey admin(TenantId tenant, String upn) {
    return new AdminKey(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(upn, "upn").toLowerCase(Locale.ROOT));
  }

  @Override
  public AdminPreferences preferences(TenantId tenant, String upn) {
    return preferences.getOrDefault(admin(tenant, upn), AdminPreferences.NONE);
  }

  @Override
  public void savePreferences(TenantId tenant, String upn, AdminPreferences value) {
    preferences.put(admin(tenant, upn), Objects.requireNonNull(value, "preferences"));
  }

  @Override
  public MessageState messageState(TenantId tenant, String upn, String messageId) {
    AdminKey a = admin(tenant, upn);
    return states.getOrDefault(new MessageKey(a.tenant(), a.upn(),
        Objects.requireNonNull(messageId, "messageId")), MessageState.NEW);
  }

  @Override
  public void saveMessageState(TenantId tenant, String upn, String messageId, MessageState state) {
    AdminKey a = admin(tenant, upn);
    states.put(new MessageKey(a.tenant(), a.upn(), Objects.requireNonNull(messageId, "messageId")),
        Objects.requireNonNull(state, "state"));
  }

  @Override
  public Optional<HealthSubscription> subscription(TenantId tenant, String upn) {
    return Optional.ofNullable(subscriptions.get(admin(tenant, upn)));
  }

  @Override
  public void saveSubscription(TenantId tenant, String upn, HealthSubscription subscription) {
    if (subscription == null) {
      subscriptions.remove(admin(tenant, upn));
    } else {
      subscriptions.put(admin(tenant, upn), subscription);
    }
  }

  @Override
  public boolean markStageNotified(TenantId tenant, String messageId, RolloutStage stage) {
    return ledger.add(new LedgerKey(Objects.requireNonNull(tenant, "tenant"), "stage",
        Objects.requireNonNull(messageId, "messageId"), Objects.requireNonNull(stage, "stage")
        .name()));
  }

  @Override
  public boolean markHealthUpdateNotified(TenantId tenant, String issueId, StatusUpdate update) {
    return ledger.add(new LedgerKey(Objects.requireNonNull(tenant, "tenant"), "health-update",
        Objects.requireNonNull(issueId, "issueId"),
        NoticeStateStore.healthUpdateKey(Objects.requireNonNull(update, "update"))));
  }
}
