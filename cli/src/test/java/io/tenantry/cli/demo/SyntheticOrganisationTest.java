package io.tenantry.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.cli.demo.SyntheticOrganisation.Event;
import io.tenantry.cli.demo.SyntheticOrganisation.Tenant;
import io.tenantry.cli.demo.SyntheticOrganisation.User;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticOrganisationTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static String files(Tenant t) throws Exception {
    StringWriter w = new StringWriter();
    InputFiles.users(t, w);
    InputFiles.groups(t, w);
    InputFiles.events(t, w);
    InputFiles.tickets(t, w);
    return w.toString();
  }

  @Test
  void generate_sameSeed_sameFiles_otherSeed_otherFiles() throws Exception {
    List<Tenant> a = new SyntheticOrganisation(7, 200, 60, AS_OF).generate();
    List<Tenant> b = new SyntheticOrganisation(7, 200, 60, AS_OF).generate();
    List<Tenant> c = new SyntheticOrganisation(8, 200, 60, AS_OF).generate();
    assertThat(files(a.get(0))).isEqualTo(files(b.get(0)));
    assertThat(files(a.get(1))).isEqualTo(files(b.get(1)));
    assertThat(files(a.get(0))).isNotEqualTo(files(c.get(0)));
  }

  @Test
  void generate_twoTenants_seventyThirtySplit_disjointUsers() {
    List<Tenant> t = new SyntheticOrganisation(42, 1000, 30, AS_OF).generate();
    assertThat(t).extracting(Tenant::id).containsExactly("contoso", "fabrikam");
    assertThat(t.get(0).users()).hasSize(700);
    assertThat(t.get(1).users()).hasSize(300);
    assertThat(t.get(0).users()).extracting(User::upn)
        .doesNotContainAnyElementsOf(t.get(1).users().stream().map(User::upn).toList());
  }

  @Test
  void generate_realisticShape_guestsDeletedWeekendsHeavyTail() {
    Tenant t = new SyntheticOrganisation(42, 1000, 90, AS_OF).generate().get(0);
    assertThat(t.users()).anyMatch(User::guest).anyMatch(u -> u.deleted() != null)
        .anyMatch(u -> u.migrated() != null).anyMatch(u -> u.preferredDataLocation().equals("EUR"));
    Map<Boolean, Long> byWeekend = t.events().stream().collect(Collectors.partitioningBy(
        e -> e.date().getDayOfWeek() == DayOfWeek.SATURDAY || e.date().getDayOfWeek() == DayOfWeek.SUNDAY,
        Collectors.counting()));
    assertThat(byWeekend.get(false) / 5.0).isGreaterThan(byWeekend.get(true) / 2.0 * 3);
    Map<String, Long> perUser = t.events().stream()
        .collect(Collectors.groupingBy(Event::user, Collectors.counting()));
    List<Long> sorted = perUser.values().stream().sorted().toList();
    long top = sorted.get(sorted.size() * 95 / 100);
    long median = sorted.get(sorted.size() / 2);
    assertThat(top).isGreaterThan(median * 2);
    assertThat(t.events()).allMatch(e -> !e.date().isAfter(AS_OF)
        && !e.date().isBefore(AS_OF.minusDays(89)));
    assertThat(t.tickets()).isNotEmpty();
    assertThat(t.groups()).anyMatch(g -> g.owners().isEmpty()).anyMatch(g -> g.kind().equals("Security"));
  }

  @Test
  void generate_eventsOnlyForExistingUndeletedUsers() {
    Tenant t = new SyntheticOrganisation(3, 300, 60, AS_OF).generate().get(0);
    Map<String, User> byUpn = t.users().stream().collect(Collectors.toMap(User::upn, u -> u));
    for (Event e : t.events()) {
      User u = byUpn.get(e.user());
      assertThat(u).isNotNull();
      assertThat(u.created()).isBeforeOrEqualTo(e.date());
      if (u.deleted() != null) {
        assertThat(e.date()).isBefore(u.deleted());
      }
    }
  }

  @Test
  void constructor_badSizes_rejectedWithTheValue() {
    assertThatThrownBy(() -> new SyntheticOrganisation(1, 5, 10, AS_OF))
        .hasMessageContaining("--users").hasMessageContaining("5");
    assertThatThrownBy(() -> new SyntheticOrganisation(1, 100, 0, AS_OF))
        .hasMessageContaining("--days");
  }
}
