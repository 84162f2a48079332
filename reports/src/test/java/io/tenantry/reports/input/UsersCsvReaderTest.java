package io.tenantry.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsersCsvReaderTest {
  private static final TenantId T = TenantId.of("contoso");

  private static UserDirectory read(String csv) throws IOException {
    return UsersCsvReader.read(T, new StringReader(csv), "users.csv");
  }

  @Test
  void read_bomQuotedAndLooseHeaders_bindsByName() throws IOException {
    UserDirectory dir = read("\uFEFFuser  principal NAME,User Id,Display Name,Cost Center,"
        + "Teams License Assign Date,User Type,mfa registered\r\n"
        + "Alice@Contoso.com,u1,\"Lovelace, Ada\",CC-1,2026-01-02,guest,YES\r\n"
        + "bob@contoso.com,u2,\"Bob \"\"B\"\"\nSmith\",,,,\r\n");
    assertThat(dir.size()).isEqualTo(2);
    DirectoryUser alice = dir.user(0);
    assertThat(alice.displayName()).isEqualTo("Lovelace, Ada");
    assertThat(alice.userType()).isEqualTo(UserType.GUEST);
    assertThat(alice.mfaRegistered()).isTrue();
    assertThat(alice.extraAttributes()).containsEntry("Cost Center", "CC-1");
    assertThat(alice.attribute("cost   center")).contains("CC-1");
    assertThat(alice.licenceAssignDate(Workload.TEAMS)).contains(LocalDate.of(2026, 1, 2));
    assertThat(alice.line()).isEqualTo(2);
    DirectoryUser bob = dir.user(1);
    assertThat(bob.displayName()).isEqualTo("Bob \"B\"\nSmith");
    assertThat(bob.userType()).isEqualTo(UserType.MEMBER);
    assertThat(bob.mfaRegistered()).isFalse();
    assertThat(dir.resolve("ALICE@contoso.COM")).hasValue(0);
    assertThat(dir.resolve("u2")).hasValue(1);
    assertThat(dir.resolve("U2")).isEmpty();
  }

  @Test
  void read_badRows_listsEveryProblemWithItsLine() {
    assertThatThrownBy(() -> read("User Id,User Principal Name,User Type,Created Date\n"
        + "u1,a@x.com,Robot,2026-13-01\n"
        + ",b@x.com,,\n"
        + "u3,A@X.COM,,\n"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Object::toString)
            .containsExactly(
                "User Type: must be Member or Guest (value 'Robot') (users.csv:2)",
                "Created Date: must be a date YYYY-MM-DD (value '2026-13-01') (users.csv:2)",
                "User Id: must not be blank (users.csv:3)"));
  }

  @Test
  void read_rowsWhoseFieldCountDiffersFromTheHeader_areRefused() {
    assertThatThrownBy(() -> read("User Id,User Principal Name,Created Date\n"
        + "u1,a@x.com\n"
        + "u2,b@x.com,,x\n"
        + "u3,c@x.com,2026-06-01\n"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Object::toString)
            .containsExactly(
                "row: has 2 fields but the header has 3 (users.csv:2)",
                "row: has 4 fields but the header has 3 (users.csv:3)"));
  }

  @Test
  void read_blankFieldsPastTheHeader_areAccepted_nothingIsInThem() throws Exception {
    // the trailing commas a spreadsheet may leave carry no data to drop
    assertThat(read("User Id,User Principal Name\nu1,a@x.com,,\nu2,b@x.com\n").users())
        .hasSize(2);
  }

  @Test
  void read_duplicateUpnIgnoringCase_isRejected() {
    assertThatThrownBy(() -> read("User Id,User Principal Name\nu1,a@x.com\nu2,A@X.com\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("duplicate User Principal Name")
        .hasMessageContaining("users.csv:3");
  }

  @Test
  void read_missingRequiredColumn_isRejected() {
    assertThatThrownBy(() -> read("User Id,Display Name\nu1,A\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'User Principal Name' is missing");
  }

  @Test
  void asOfRules_followSection1() {
    LocalDate r = LocalDate.of(2026, 6, 30);
    DirectoryUser u = DirectoryUser.builder("u", "u@x.com")
        .createdDate(r.plusDays(1)).deletedDate(r.plusDays(1))
        .licence(Workload.EXCHANGE, r).licence(Workload.TEAMS, r.plusDays(1)).build();
    assertThat(u.existsAsOf(r)).isFalse();
    assertThat(u.existsAsOf(r.plusDays(1))).isTrue();
    assertThat(u.isDeletedAsOf(r)).isFalse();
    assertThat(u.deletedDateAsOf(r)).isNull();
    assertThat(u.deletedDateAsOf(r.plusDays(2))).isEqualTo(r.plusDays(1));
    assertThat(u.hasLicence(Workload.EXCHANGE, r)).isTrue();
    assertThat(u.hasLicence(Workload.TEAMS, r)).isFalse();
    assertThat(u.licenceAssignDateAsOf(Workload.TEAMS, r)).isNull();
    assertThat(u.hasLicence(Workload.YAMMER, r)).isFalse();
  }
}
