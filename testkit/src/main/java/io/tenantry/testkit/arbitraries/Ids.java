package io.tenantry.testkit.arbitraries;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for Tenantry's ids. Tenant ids are drawn from a small alphabet so that
 * properties often see two tenants whose ids differ by one character.
 */
public final class Ids {
  private Ids() {}

  /**
   * Valid tenant ids: 1–12 characters of lower-case letters, digits, {@code -} and {@code .}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<TenantId> tenants() {
    return Arbitraries.strings().withChars("abcxyz019-.").ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.equals(".") && !s.equals(".."))
        .map(TenantId::of);
  }

  /**
   * Valid user ids, mixing short names, UPN-like and GUID-like values.
   *
   * @return the arbitrary
   */
  public static Arbitrary<UserId> users() {
    return opaque().map(UserId::of);
  }

  /**
   * Valid group ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GroupId> groups() {
    return opaque().map(GroupId::of);
  }

  /**
   * Valid administrative unit ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<AdminUnitId> adminUnits() {
    return opaque().map(AdminUnitId::of);
  }

  /**
   * Valid role ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<RoleId> roles() {
    return opaque().map(RoleId::of);
  }

  /**
   * Valid object keys, with slashes, spaces and non-ASCII letters.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ObjectKey> objectKeys() {
    return Arbitraries.strings().withChars("abz/ .-_é0").ofMinLength(1).ofMaxLength(40)
        .map(ObjectKey::of);
  }

  private static Arbitrary<String> opaque() {
    Arbitrary<String> names = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> upns = names.map(n -> n + "@contoso.com");
    Arbitrary<String> guids = Arbitraries.longs().map(l -> new java.util.UUID(l, ~l).toString());
    return Arbitraries.oneOf(names, upns, guids);
  }
}
