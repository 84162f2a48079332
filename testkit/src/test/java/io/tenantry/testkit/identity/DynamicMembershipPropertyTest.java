package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.MembershipRule;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.identity.UserType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Dynamic AU membership equals the rule evaluated user by user: random rule trees are rendered to
 * text, parsed, and compared with a direct evaluation of the tree; the Authorizer's view of an
 * AU-scoped admin equals the users the tree selects; and once the AU's rule processing is paused,
 * that view stays the users selected at the pause, whatever attributes they get afterwards, until
 * processing resumes.
 */
class DynamicMembershipPropertyTest {
  private static final TenantId T = TenantId.of("t");
  private static final List<String> ATTRS = List.of("country", "department", "city", "userType");
  private static final List<String> VALUES = List.of("DE", "de", "Sales", "Berlin", "Guest", "Member", "x y");

  /** A rule tree evaluated directly (independent of the parser). */
  private interface Rule {
    boolean eval(User u);

    String text();
  }

  private static Rule random(Random r, int depth) {
    int k = depth > 2 ? 0 : r.nextInt(5);
    switch (k) {
      case 1: {
        Rule a = random(r, depth + 1);
        Rule b = random(r, depth + 1);
        return rule(u -> a.eval(u) && b.eval(u), "(" + a.text() + " -and " + b.text() + ")");
      }
      case 2: {
        Rule a = random(r, depth + 1);
        Rule b = random(r, depth + 1);
        return rule(u -> a.eval(u) || b.eval(u), "(" + a.text() + " -OR " + b.text() + ")");
      }
      case 3: {
        Rule a = random(r, depth + 1);
        return rule(u -> !a.eval(u), "-not (" + a.text() + ")");
      }
      default:
        return comparison(r);
    }
  }

  private static Rule comparison(Random r) {
    String attr = ATTRS.get(r.nextInt(ATTRS.size()));
    String v = VALUES.get(r.nextInt(VALUES.size()));
    String w = VALUES.get(r.nextInt(VALUES.size()));
    String lv = v.toLowerCase(Locale.ROOT);
    String lw = w.toLowerCase(Locale.ROOT);
    String prop = "user." + attr;
    switch (r.nextInt(6)) {
      case 0:
        return rule(u -> lv.equals(low(u.attribute(attr))), prop + " -eq \"" + v + "\"");
      case 1:
        return rule(u -> !lv.equals(low(u.attribute(attr))), prop + " -ne \"" + v + "\"");
      case 2: {
        String pre = lv.substring(0, 1);
        return rule(u -> u.attribute(attr) != null && low(u.attribute(attr)).startsWith(pre),
            prop + " -startsWith \"" + v.substring(0, 1) + "\"");
      }
      case 3:
        return rule(u -> u.attribute(attr) != null && low(u.attribute(attr)).contains(lv),
            prop + " -contains '" + v + "'");
      case 4:
        return rule(u -> u.attribute(attr) != null && (lv.equals(low(u.attribute(attr)))
            || lw.equals(low(u.attribute(attr)))), prop + " -in [\"" + v + "\", \"" + w + "\"]");
      default:
        return rule(u -> u.attribute(attr) == null || !(lv.equals(low(u.attribute(attr)))
            || lw.equals(low(u.attribute(attr)))), prop + " -notIn [\"" + v + "\",\"" + w + "\"]");
    }
  }

  private static String low(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static Rule rule(java.util.function.Predicate<User> p, String text) {
    return new Rule() {
      public boolean eval(User u) {
        return p.test(u);
      }

      public String text() {
        return text;
      }
    };
  }

  private static List<User> users(Random r) {
    List<User> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, String> attrs = new java.util.HashMap<>();
      for (String a : List.of("country", "department", "city")) {
        if (r.nextInt(4) > 0) {
          attrs.put(a, VALUES.get(r.nextInt(VALUES.size())));
        }
      }
      out.add(new User(UserId.of("u" + i), "u" + i + "@t.example", r.nextBoolean() ? UserType.GUEST : UserType.MEMBER,
          attrs, true, r.nextInt(6) == 0 ? LocalDate.of(2026, 2, 1) : null));
    }
    return out;
  }

  @Property(tries = 300)
  void parsedRule_matchesTheRuleTreeUserByUser(@ForAll long seed) {
    Random r = new Random(seed);
    Rule tree = random(r, 0);
    MembershipRule parsed = MembershipRule.parse(tree.text());
    for (User u : users(r)) {
      assertThat(parsed.matches(u)).as("%s for %s", tree.text(), u).isEqualTo(tree.eval(u));
    }
  }

  @Property(tries = 200)
  void dynamicAu_membersSeenByScopedAdmin_equalRuleEvaluatedPerUser(@ForAll long seed) {
    Random r = new Random(seed);
    Rule tree = random(r, 0);
    List<User> users = users(r);
    Directory.Builder b = Directory.builder(T);
    users.forEach(b::user);
    b.user(User.member("admin", "admin@t.example"));
    b.adminUnit(new AdministrativeUnit(AdminUnitId.of("dyn"), "Dynamic", Set.of(), Set.of(),
        MembershipRule.parse(tree.text()), false));
    b.assign(new RoleAssignment("admin", BuiltInRoles.USER_ADMINISTRATOR, Scope.parse("/administrativeUnits/dyn")));
    Authorizer az = Authorizer.of(b.build());
    List<String> expected = new ArrayList<>();
    for (User u : users) {
      if (!u.isDeleted() && tree.eval(u)) {
        expected.add(u.id().value());
      }
    }
    User admin = User.member("admin", "admin@t.example");
    if (tree.eval(admin)) {
      expected.add("admin");
    }
    assertThat(az.visibleUsers(T, "admin").stream().map(UserId::value).toList()).isEqualTo(expected);
  }

  @Property(tries = 200)
  void pausedAu_keepsTheMembersOfThePause_resumedFollowsTheNewAttributes(@ForAll long seed) {
    Random r = new Random(seed);
    Rule tree = random(r, 0);
    User admin = User.member("admin", "admin@t.example");
    AdministrativeUnit dynamic = new AdministrativeUnit(AdminUnitId.of("dyn"), "Dynamic", Set.of(), Set.of(),
        MembershipRule.parse(tree.text()), false);
    List<User> before = users(r);
    List<User> after = users(r);
    Directory.Builder atPause = Directory.builder(T);
    before.forEach(atPause::user);
    AdministrativeUnit paused = dynamic.paused(atPause.user(admin).adminUnit(dynamic).build());

    List<String> kept = new ArrayList<>();
    List<String> now = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).isDeleted() && tree.eval(before.get(i)) && !after.get(i).isDeleted()) {
        kept.add(after.get(i).id().value());
      }
      if (!after.get(i).isDeleted() && tree.eval(after.get(i))) {
        now.add(after.get(i).id().value());
      }
    }
    if (tree.eval(admin)) {
      kept.add("admin");
      now.add("admin");
    }
    assertThat(visibleToScopedAdmin(after, admin, paused)).isEqualTo(kept);
    assertThat(visibleToScopedAdmin(after, admin, paused.resumed())).isEqualTo(now);
  }

  /** The users a User Administrator scoped to the AU sees, in a directory of the users and the AU. */
  private static List<String> visibleToScopedAdmin(List<User> users, User admin, AdministrativeUnit au) {
    Directory.Builder b = Directory.builder(T);
    users.forEach(b::user);
    b.user(admin).adminUnit(au);
    b.assign(new RoleAssignment("admin", BuiltInRoles.USER_ADMINISTRATOR,
        Scope.parse("/administrativeUnits/" + au.id().value())));
    return Authorizer.of(b.build()).visibleUsers(T, "admin").stream().map(UserId::value).toList();
  }
}
