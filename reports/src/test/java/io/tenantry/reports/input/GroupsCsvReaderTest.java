package io.tenantry.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GroupsCsvReaderTest {
  private static final TenantId T = TenantId.of("contoso");

  @Test
  void read_validFile_bindsColumnsAndDefaults() throws IOException {
    GroupDirectory dir = GroupsCsvReader.read(T, new StringReader(
        "group id,GROUP DISPLAY NAME,Member Count,Is Yammer Group,Office 365 Connected,Team\n"
            + "g1,Sales,12,yes,No,Blue\ng2,\"Ops, EU\",,,,\n"), "groups.csv");
    assertThat(dir.size()).isEqualTo(2);
    DirectoryGroup g1 = dir.group(0);
    assertThat(g1.memberCount()).isEqualTo(12);
    assertThat(g1.yammerGroup()).isTrue();
    assertThat(g1.groupType()).isEqualTo("Private");
    assertThat(g1.extraAttributes()).containsEntry("Team", "Blue");
    DirectoryGroup g2 = dir.group(1);
    assertThat(g2.displayName()).isEqualTo("Ops, EU");
    assertThat(g2.memberCount()).isZero();
    assertThat(dir.indexOf("g2")).hasValue(1);
    assertThat(g2.existsAsOf(LocalDate.of(2000, 1, 1))).isTrue();
  }

  @Test
  void read_badValues_listsEveryProblem() {
    assertThatThrownBy(() -> GroupsCsvReader.read(T, new StringReader(
        "Group Id,Group Display Name,Group Type,Member Count\n"
            + "g1,,Secret,-1\ng1,Again,Public,3\ng1,Third,Public,4\n"), "groups.csv"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Object::toString)
            .containsExactly(
                "Group Display Name: must not be blank (groups.csv:2)",
                "Group Type: must be Public or Private (value 'Secret') (groups.csv:2)",
                "Member Count: must be an integer >= 0 (value '-1') (groups.csv:2)",
                "Group Id: duplicate Group Id (first on line 3) (value 'g1') (groups.csv:4)"));
  }
}
