package io.tenantry.notices.files;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.notices.Admin;
import io.tenantry.notices.Targeting;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Reading helpers shared by the file readers; package-private. */
final class FileSupport {
  private FileSupport() {}

  /**
   * Runs a value constructor and turns its validation problems into problems located in the file:
   * the field path is prefixed with the node's path and the line is the named child's line when it
   * exists.
   *
   * @return the value, or null when it was refused
   */
  static <T> T build(YamlNode node, Problems problems, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        problems.add(relocate(node, p));
      }
      return null;
    }
  }

  /**
   * Locates a problem found in a value read from {@code node}: its path is walked down the node
   * tree (keys and list indexes) as far as it goes, and the deepest node found gives the line.
   */
  static Problem relocate(YamlNode node, Problem p) {
    YamlNode at = node;
    for (String segment : p.path().split("\\.")) {
      String key = segment;
      List<Integer> indexes = new ArrayList<>();
      int bracket = segment.indexOf('[');
      if (bracket >= 0) {
        key = segment.substring(0, bracket);
        for (String ix : segment.substring(bracket + 1).split("\\]\\[?")) {
          if (ix.matches("[0-9]+")) {
            indexes.add(Integer.valueOf(ix));
          }
        }
      }
      YamlNode next = at.get(key).orElse(null);
      for (int ix : indexes) {
        next = next != null && ix < next.elements().size() ? next.elements().get(ix) : null;
      }
      if (next == null) {
        break;
      }
      at = next;
    }
    String path = node.path().equals("(root)") ? p.path() : node.path() + "." + p.path();
    return new Problem(path, p.message(), p.value(), at.location());
  }

  /** Reads a tenant id, recording a located problem when it is invalid. */
  static TenantId tenant(YamlNode node, Problems problems) {
    String text = node.scalarText(problems);
    if (text == null) {
      return null;
    }
    try {
      return TenantId.of(text);
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        problems.add(new Problem(node.path(), p.message(), text, node.location()));
      }
      return null;
    }
  }

  /**
   * Reads an optional {@code tenants} list of a message or issue into a targeting: absent means
   * every tenant. When {@code known} is not null, tenants it does not hold are refused.
   */
  static Targeting targeting(YamlNode item, Problems problems, Set<TenantId> known) {
    return targeting(item, problems, known, "this file");
  }

  /**
   * As {@link #targeting(YamlNode, Problems, Set)}, naming in problems the file that defines the
   * tenants ({@code definedIn}, e.g. "the subscriptions file").
   */
  static Targeting targeting(YamlNode item, Problems problems, Set<TenantId> known,
      String definedIn) {
    if (!item.has("tenants")) {
      if (item.get("tenants").isPresent()) {
        item.get("tenants").get().report(problems,
            "must list at least one tenant (omit the key for all tenants)");
      }
      return Targeting.allTenants();
    }
    Set<TenantId> ids = new LinkedHashSet<>();
    List<YamlNode> listed = item.optList("tenants", problems);
    if (listed.isEmpty() && item.get("tenants").get().isList()) {
      item.get("tenants").get().report(problems,
          "must list at least one tenant (omit the key for all tenants)");
    }
    for (YamlNode t : listed) {
      TenantId id = tenant(t, problems);
      if (id == null) {
        continue;
      }
      if (known != null && !known.contains(id)) {
        t.report(problems, "names a tenant " + definedIn + " does not define");
      } else {
        ids.add(id);
      }
    }
    return ids.isEmpty() ? null : Targeting.tenants(ids);
  }

  /**
   * Returns the {@code id} of a list item as written, without recording problems (the item's own
   * reading reports a missing or ill-typed id), so that a reused id is found even when an item
   * has other problems.
   *
   * @return the id text, or null when the item is not a map or its id is not a scalar
   */
  static String idText(YamlNode item) {
    if (!item.isMap()) {
      return null;
    }
    YamlNode id = item.get("id").orElse(null);
    return id == null || !id.isScalar() || id.isNull() ? null : id.text();
  }

  /** Reads the {@code upn} and {@code roles} of an admin entry. */
  static Admin admin(YamlNode a, Problems problems) {
    String upn = a.requireString("upn", problems);
    List<String> roles = a.optStringList("roles", problems);
    if (upn == null) {
      return null;
    }
    return build(a, problems, () -> new Admin(upn, Set.copyOf(new LinkedHashSet<>(roles))));
  }

  /** Records a problem when a UPN was already seen in the tenant (ignoring case). */
  static boolean firstTime(Set<String> seen, Admin admin, YamlNode a, Problems problems) {
    if (!seen.add(admin.upn().toLowerCase(Locale.ROOT))) {
      a.get("upn").orElse(a).report(problems, "lists admin " + admin.upn() + " twice in this tenant");
      return false;
    }
    return true;
  }
}
