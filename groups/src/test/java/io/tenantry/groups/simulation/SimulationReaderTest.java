package io.tenantry.groups.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import org.junit.jupiter.api.Test;

class SimulationReaderTest {

  static final String HEAD = """
      tenant: contoso
      policyEnabledOn: 2026-01-01
      from: 2026-01-01
      to: 2026-02-01
      policy: {lifetimeDays: 30, managedGroupTypes: All}
      """;

  @Test
  void read_duplicateGroupIdAndUnknownKey_listsBothWithLines() {
    String yaml = HEAD + """
        groups:
          - {id: g1, kind: Microsoft365, created: 2026-01-01}
          - {id: g1, kind: Security, created: 2026-01-01, colour: red}
        """;

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SimulationReader.read("sim.yaml", yaml));

    assertThat(e.problems()).extracting(Problem::toString)
        .anyMatch(s -> s.contains("groups[1].id") && s.contains("twice") && s.endsWith("sim.yaml:8)"))
        .anyMatch(s -> s.contains("unknown key 'colour'") && s.endsWith("sim.yaml:8)"));
  }

  @Test
  void read_expiryPastYear9999_isRefusedAtLifetimeDays() {
    String yaml = """
        tenant: contoso
        policyEnabledOn: 9999-12-01
        from: 9999-12-01
        to: 9999-12-31
        policy:
          lifetimeDays: 30
          managedGroupTypes: All
        groups: []
        """;

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SimulationReader.read("sim.yaml", yaml));

    assertThat(e.problems()).extracting(Problem::toString)
        .singleElement().satisfies(s -> assertThat(s).contains("policy.lifetimeDays", "+10000-01-30",
            "9999-12-31").endsWith("sim.yaml:6)"));
    // an expiry on the last writable day is accepted (renewed on 'to', or 35 days after enablement)
    String fits = yaml.replace("9999-12-01", "9999-10-01").replace("to: 9999-12-31", "to: 9999-12-01");
    assertThat(SimulationReader.read("sim.yaml", fits).to())
        .isEqualTo(java.time.LocalDate.of(9999, 12, 1));
  }

  @Test
  void read_missingFields_reportsEachOne() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SimulationReader.read("sim.yaml", "tenant: contoso\n"));

    assertThat(e.problems()).extracting(Problem::path)
        .contains("policyEnabledOn", "from", "to", "policy");
  }

  @Test
  void read_groupWithoutName_isNamedAfterItsId() {
    SimulationFile f = SimulationReader.read("sim.yaml", HEAD
        + "groups:\n  - {id: g1, kind: Microsoft365, created: 2026-01-01}\n");

    assertThat(f.groups()).singleElement().satisfies(g -> {
      assertThat(g.group().displayName()).isEqualTo("g1");
      assertThat(g.line()).isEqualTo(7);
    });
  }

  @Test
  void read_actionOutsideRange_warns() {
    SimulationFile f = SimulationReader.read("sim.yaml", HEAD
        + "actions:\n  - {date: 2027-01-01, group: g1, do: renew}\n");

    assertThat(f.warnings()).singleElement().asString().contains("outside the simulated range",
        "sim.yaml:7");
  }

  @Test
  void read_alternateEmailsAsGraphString_areSplitOnSemicolons() {
    SimulationFile f = SimulationReader.read("sim.yaml", HEAD.replace(
        "managedGroupTypes: All}", "managedGroupTypes: All, alternateNotificationEmails: 'a@x.com; b@x.com'}"));

    assertThat(f.policy().alternateNotificationEmails()).containsExactly("a@x.com", "b@x.com");
  }

  @Test
  void read_501SelectedEntriesWithDuplicates_isRefused() {
    String ids = String.join(", ", java.util.Collections.nCopies(501, "g1"));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SimulationReader.read("sim.yaml", HEAD.replace("managedGroupTypes: All}",
            "managedGroupTypes: Selected, selected: [" + ids + "]}")));

    assertThat(e.problems()).singleElement().extracting(Problem::path).isEqualTo("policy.selected");
  }
}
