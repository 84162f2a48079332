package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.datastore.spi.FolderAuditLog;
import io.tenantry.testkit.AuditLogContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderAuditLogContractTest extends AuditLogContract {
  @TempDir
  Path tmp;

  private int logs;

  @Override
  protected AuditLog newLog() {
    return new FolderAuditLog(tmp.resolve("audit-" + logs++));
  }

  @Test
  void records_surviveANewInstance_asJsonLines() throws Exception {
    Path folder = tmp.resolve("shared");
    io.tenantry.core.audit.AuditRecord r = record(CONTOSO, 1, "alice", "Put");
    new FolderAuditLog(folder).append(r);

    assertThat(new FolderAuditLog(folder).query(AuditQuery.of(CONTOSO)).items())
        .containsExactly(r);
    assertThat(Files.readAllLines(folder.resolve("contoso.jsonl")))
        .singleElement().asString().startsWith("{\"time\":\"").contains("\"actor\":\"alice\"");
  }
}
