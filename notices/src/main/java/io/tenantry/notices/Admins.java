package io.tenantry.notices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Admin list handling shared by the engines; package-private. */
final class Admins {
  private Admins() {}

  /** Orders admins by UPN ignoring case, then exactly: the recipient order of every notification. */
  static final Comparator<Admin> ORDER = Comparator
      .comparing((Admin a) -> a.upn().toLowerCase(Locale.ROOT)).thenComparing(Admin::upn);

  /**
   * Copies and sorts the admins, refusing a UPN listed twice.
   *
   * @throws IllegalArgumentException if two admins share a UPN (ignoring case)
   */
  static List<Admin> sorted(Collection<Admin> admins) {
    Objects.requireNonNull(admins, "admins");
    Set<String> seen = new HashSet<>();
    List<Admin> list = new ArrayList<>(admins.size());
    for (Admin a : admins) {
      if (!seen.add(Objects.requireNonNull(a, "admin").upn().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("admin " + a.upn() + " is listed twice");
      }
      list.add(a);
    }
    list.sort(ORDER);
    return list;
  }
}
