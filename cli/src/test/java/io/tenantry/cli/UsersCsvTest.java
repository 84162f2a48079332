package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCsvTest {
  @TempDir
  Path tmp;

  private Path csv(String text) throws IOException {
    Path f = tmp.resolve("users.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void read_quotedFieldsAndBom_findsPdlByHeaderName() throws IOException {
    Path f = csv("\uFEFFPreferred Data Location,\"Display\nName\",User Principal Name\r\n"
        + "EUR,\"Ann \"\"A\"\", Admin\",ann@x.com\r\n,Bob,bob@x.com\r\n");

    assertThat(UsersCsv.preferredDataLocation(f, "ANN@x.com")).contains("EUR");
    assertThat(UsersCsv.preferredDataLocation(f, "bob@x.com")).contains("");
  }

  @Test
  void read_missingUpnColumn_isRefusedWithTheLine() throws IOException {
    Path f = csv("Name,Mail\nann,ann@x.com\n");

    assertThatThrownBy(() -> UsersCsv.preferredDataLocation(f, "ann@x.com"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement()
            .matches(p -> p.toString().contains("users.csv:1")
                && p.toString().contains("User Principal Name")));
  }

  @Test
  void read_withoutPdlColumn_isBlankForEveryUser() throws IOException {
    Path f = csv("Display Name,User Principal Name\nAnn,ann@x.com\n");

    assertThat(UsersCsv.preferredDataLocation(f, "ann@x.com")).contains("");
  }

  @Test
  void read_headerWithRunsOfWhiteSpace_matchesAfterCollapsing() throws IOException {
    Path f = csv("User  Principal\tName, preferred   data location \nann@x.com,EUR\n");

    assertThat(UsersCsv.preferredDataLocation(f, "ann@x.com")).contains("EUR");
  }

  @Test
  void read_duplicateUserOrRaggedRow_isRefusedWithItsLine() throws IOException {
    assertThatThrownBy(() -> UsersCsv.preferredDataLocation(csv("User Principal Name,"
        + "Preferred Data Location\nann@x.com,EUR\nann@x.com,NAM\n"), "ann@x.com"))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> UsersCsv.preferredDataLocation(csv("User Principal Name,"
        + "Preferred Data Location\nann@x.com\n"), "ann@x.com"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).toString())
            .contains("users.csv:2"));
  }
}
