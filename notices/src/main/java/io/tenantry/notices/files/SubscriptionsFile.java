package io.tenantry.notices.files;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.yaml.YamlDocument;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.notices.Admin;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.ServiceHealth;
import io.tenantry.notices.spi.NotificationPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code subs.yaml} file: tenants with their admins (roles) and each admin's service health
 * subscription. The format is documented in the README ("subs.yaml").
 *
 * <p>A malformed file is refused as a whole, listing every problem with its line: invalid YAML,
 * unknown keys, missing fields, invalid tenant ids or UPNs, a tenant or admin listed twice, and
 * {@code advisories} given without {@code services}.
 *
 * @param subscribers the admins, in file order
 * @param definedTenants every tenant the file defines, in file order, those without admins
 *     included: the tenants an incidents file may target
 */
public record SubscriptionsFile(List<Subscriber> subscribers, Set<TenantId> definedTenants) {

  /**
   * One admin entry: the tenant, the admin and roles, and the subscription if any.
   *
   * @param tenant the tenant
   * @param admin the admin
   * @param subscription the subscription, or null when the admin subscribed to nothing
   */
  public record Subscriber(TenantId tenant, Admin admin, HealthSubscription subscription) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if the tenant or admin is null
     */
    public Subscriber {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(admin, "admin");
    }
  }

  /**
   * Copies the list and the tenants; the subscribers' tenants are always defined.
   *
   * @throws NullPointerException if either is null
   */
  public SubscriptionsFile {
    subscribers = List.copyOf(subscribers);
    Set<TenantId> all = new LinkedHashSet<>(definedTenants);
    subscribers.forEach(s -> all.add(s.tenant()));
    definedTenants = Collections.unmodifiableSet(all);
  }

  /**
   * Creates a file whose defined tenants are those of its subscribers.
   *
   * @param subscribers the admins, in file order
   * @throws NullPointerException if the list is null
   */
  public SubscriptionsFile(List<Subscriber> subscribers) {
    this(subscribers, Set.of());
  }

  /**
   * Reads and validates a file.
   *
   * @param file the file
   * @return the file's content
   * @throws IOException if the file cannot be read
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static SubscriptionsFile read(Path file) throws IOException {
    return parse(YamlDocument.parse(file));
  }

  /**
   * Reads and validates YAML text.
   *
   * @param fileName the name used in problem locations
   * @param yaml the text
   * @return the file's content
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static SubscriptionsFile read(String fileName, String yaml) {
    return parse(YamlDocument.parse(fileName, yaml));
  }

  private static SubscriptionsFile parse(YamlNode root) {
    Problems problems = new Problems();
    if (!root.expectMap(problems)) {
      problems.throwIfAny();
    }
    root.allowOnly(problems, "tenants");
    if (!root.has("tenants")) {
      root.requireString("tenants", problems);
    }
    List<Subscriber> subscribers = new ArrayList<>();
    Set<TenantId> tenants = new LinkedHashSet<>();
    for (YamlNode t : root.optList("tenants", problems)) {
      if (!t.expectMap(problems)) {
        continue;
      }
      t.allowOnly(problems, "id", "admins");
      TenantId tenant = null;
      if (t.has("id")) {
        YamlNode idNode = t.get("id").get();
        tenant = FileSupport.tenant(idNode, problems);
        if (tenant != null && !tenants.add(tenant)) {
          idNode.report(problems, "defines tenant " + tenant + " twice");
          tenant = null;
        }
      } else {
        t.requireString("id", problems);
      }
      Set<String> seen = new HashSet<>();
      for (YamlNode a : t.optList("admins", problems)) {
        if (!a.expectMap(problems)) {
          continue;
        }
        a.allowOnly(problems, "upn", "roles", "services", "advisories");
        Admin admin = FileSupport.admin(a, problems);
        List<String> services = a.optStringList("services", problems);
        Boolean advisories = a.optBoolean("advisories", problems);
        HealthSubscription sub = null;
        if (!services.isEmpty()) {
          sub = FileSupport.build(a, problems, () -> new HealthSubscription(
              new LinkedHashSet<>(services), advisories != null && advisories));
        } else if (advisories != null) {
          a.get("advisories").get().report(problems, "needs services to subscribe to");
        }
        if (tenant != null && admin != null && FileSupport.firstTime(seen, admin, a, problems)) {
          subscribers.add(new Subscriber(tenant, admin, sub));
        }
      }
    }
    problems.throwIfAny();
    return new SubscriptionsFile(subscribers, tenants);
  }

  /**
   * Returns the tenants of the file in file order.
   *
   * @return the tenant ids that have at least one admin
   */
  public List<TenantId> tenants() {
    return subscribers.stream().map(Subscriber::tenant).distinct().toList();
  }

  /**
   * Returns the admins of one tenant, in file order.
   *
   * @param tenant the tenant
   * @return the admins
   */
  public List<Admin> adminsOf(TenantId tenant) {
    return subscribers.stream().filter(s -> s.tenant().equals(tenant)).map(Subscriber::admin)
        .toList();
  }

  /**
   * Saves every subscription of this file into a service health engine.
   *
   * @param health the engine
   */
  public void subscribeAll(ServiceHealth health) {
    for (Subscriber s : subscribers) {
      health.subscribe(s.tenant(), s.admin().upn(), s.subscription());
    }
  }

  /**
   * Builds a service health engine holding the given issues and this file's subscriptions.
   *
   * @param incidents the issues
   * @param notifications where the engine sends notifications
   * @return the engine
   */
  public ServiceHealth newServiceHealth(IncidentsFile incidents, NotificationPort notifications) {
    ServiceHealth health = ServiceHealth.builder().notifications(notifications).build();
    incidents.issues().forEach(health::post);
    subscribeAll(health);
    return health;
  }
}
