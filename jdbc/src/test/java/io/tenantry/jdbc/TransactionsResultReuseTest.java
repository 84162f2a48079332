package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.jdbc.internal.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every connection the adapters take on H2 first turns off H2's reuse of a query's last result
 * (h2database issues 3894 and 4208: a reused result can predate another transaction's commit), for
 * a transaction and for a read alike, before the work runs; on PostgreSQL nothing is added. (H2 does
 * not list that setting in {@code INFORMATION_SCHEMA.SETTINGS}, so the statements are what is
 * checked.)
 */
class TransactionsResultReuseTest {
  private static final String SET_UP = "SET OPTIMIZE_REUSE_RESULTS FALSE";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void connection_takenForWorkOrRead_turnsResultReuseOffOnH2Only(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      List<String> executed = new CopyOnWriteArrayList<>();
      DataSource recording = recording(db.pool(), executed);
      Transactions tx = Transactions.of(JdbcDatabase.open(recording));
      List<String> expected = kind == TestDatabase.Kind.POSTGRESQL ? List.of("work")
          : List.of(SET_UP, "work");

      executed.clear();
      tx.inTransaction("a transaction", false, c -> executed.add("work"));
      assertThat(executed).containsExactlyElementsOf(expected);

      executed.clear();
      tx.read("a read", c -> executed.add("work"));
      assertThat(executed).containsExactlyElementsOf(expected);
    }
  }

  /** A data source whose connections record the SQL their plain statements execute. */
  private static DataSource recording(DataSource inner, List<String> executed) {
    return new PlainDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection c = inner.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, m, args) -> {
              Object result = invoke(c, m, args);
              if (m.getName().equals("createStatement") && result instanceof Statement s) {
                return Proxy.newProxyInstance(Statement.class.getClassLoader(),
                    new Class<?>[] {Statement.class}, (p2, m2, a2) -> {
                      if (m2.getName().equals("execute") && a2 != null && a2[0] instanceof String sql) {
                        executed.add(sql);
                      }
                      return invoke(s, m2, a2);
                    });
              }
              return result;
            });
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }
    };
  }

  private static Object invoke(Object target, Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
