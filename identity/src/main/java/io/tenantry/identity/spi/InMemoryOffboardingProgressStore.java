package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.offboarding.OffboardingStep;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link OffboardingProgressStore} held in memory, keyed by (tenant, user). */
public final class InMemoryOffboardingProgressStore implements OffboardingProgressStore {
  private record Key(TenantId tenant, UserId user) {}

  private final Map<Key, Set<OffboardingStep>> done = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryOffboardingProgressStore() {}

  @Override
  public Set<OffboardingStep> completed(TenantId tenant, UserId user) {
    Set<OffboardingStep> s = done.get(new Key(Objects.requireNonNull(tenant), Objects.requireNonNull(user)));
    if (s == null) {
      return Set.of();
    }
    synchronized (s) {
      return s.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(s));
    }
  }

  @Override
  public void markCompleted(TenantId tenant, UserId user, OffboardingStep step) {
    Set<OffboardingStep> s = done.computeIfAbsent(new Key(Objects.requireNonNull(tenant),
        Objects.requireNonNull(user)), k -> EnumSet.noneOf(OffboardingStep.class));
    synchronized (s) {
      s.add(Objects.requireNonNull(step, "step"));
    }
  }
}
