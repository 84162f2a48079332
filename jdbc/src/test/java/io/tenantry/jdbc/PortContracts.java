package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.KeysetStore;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import io.tenantry.jdbc.notices.JdbcNoticeStateStore;
import io.tenantry.jdbc.notices.JdbcNotificationOutbox;
import io.tenantry.jdbc.reports.JdbcAggregateStore;
import io.tenantry.jdbc.reports.JdbcConcealmentSecrets;
import io.tenantry.notices.Notification;
import io.tenantry.notices.spi.NoticeStateStore;
import io.tenantry.notices.spi.NotificationPort;
import io.tenantry.reports.spi.AggregateStore;
import io.tenantry.reports.spi.ConcealmentSecrets;
import io.tenantry.testkit.datastore.BlobReplicaContract;
import io.tenantry.testkit.datastore.KeysetStoreContract;
import io.tenantry.testkit.notices.NoticeStateStoreContract;
import io.tenantry.testkit.notices.NotificationPortContract;
import io.tenantry.testkit.reports.AggregateStoreContract;
import io.tenantry.testkit.reports.ConcealmentSecretsContract;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's contracts of the datastore, notices and reports ports, run against their JDBC
 * adapters on one database: {@link H2MemoryPortContractsTest}, {@link H2FilePortContractsTest} and
 * {@link PostgresqlPortContractsTest} (skipped, saying so, when PostgreSQL is not configured) each
 * pick theirs. Every test gets a fresh, empty database, dropped afterwards.
 */
abstract class PortContracts {
  @RegisterExtension
  final Databases databases = new Databases();

  /**
   * Returns the database the contracts run on.
   *
   * @return the kind
   */
  abstract TestDatabase.Kind kind();

  private JdbcDatabase open() {
    return databases.open(kind());
  }

  @Nested
  class BlobReplicaOnJdbc extends BlobReplicaContract {
    @Override
    protected BlobReplica newReplica() {
      return new JdbcBlobReplica(open(), "NAM/replica-1");
    }
  }

  @Nested
  class KeysetStoreOnJdbc extends KeysetStoreContract {
    @Override
    protected KeysetStore newStore() {
      return new JdbcKeysetStore(open());
    }
  }

  @Nested
  class NoticeStateStoreOnJdbc extends NoticeStateStoreContract {
    @Override
    protected NoticeStateStore newStore() {
      return new JdbcNoticeStateStore(open());
    }
  }

  @Nested
  class NotificationOutboxOnJdbc extends NotificationPortContract {
    private JdbcNotificationOutbox outbox;

    @Override
    protected NotificationPort newPort() {
      outbox = new JdbcNotificationOutbox(open());
      return outbox;
    }

    @Test
    void acknowledge_removesExactlyTheDeliveredOnes_ofItsTenantOnly() {
      for (int i = 0; i < 3; i++) {
        outbox.send(CONTOSO, notification(CONTOSO, i));
      }
      outbox.send(FABRIKAM, notification(FABRIKAM, 9));
      List<JdbcNotificationOutbox.Pending> first = outbox.pending(CONTOSO, 2);
      assertThat(first).extracting(p -> p.notification().reference()).containsExactly("EX0", "EX1");
      long fabrikams = outbox.pending(FABRIKAM, 10).get(0).position();
      assertThat(outbox.acknowledge(CONTOSO, List.of(first.get(0).position(),
          first.get(1).position(), fabrikams))).isEqualTo(2);
      assertThat(outbox.pending(CONTOSO, 10)).extracting(p -> p.notification().reference())
          .containsExactly("EX2");
      assertThat(outbox.pending(FABRIKAM, 10)).hasSize(1);
      assertThat(outbox.acknowledge(CONTOSO, List.of())).isZero();
    }

    @Override
    protected List<Notification> delivered(TenantId tenant) {
      return outbox.pending(tenant, 10_000).stream()
          .map(JdbcNotificationOutbox.Pending::notification).toList();
    }
  }

  @Nested
  class ConcealmentSecretsOnJdbc extends ConcealmentSecretsContract {
    @Override
    protected ConcealmentSecrets newSecrets() {
      return new JdbcConcealmentSecrets(open(), new SecureRandom(new byte[] {7}));
    }
  }

  @Nested
  class AggregateStoreOnJdbc extends AggregateStoreContract {
    @Override
    protected AggregateStore newStore() {
      return new JdbcAggregateStore(open());
    }
  }
}
