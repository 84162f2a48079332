package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.error.PortFailureException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A data source whose connection dies on the Nth statement (or commit) once armed: the physical
 * connection is killed (on PostgreSQL its server process is terminated; an H2 connection is closed,
 * which is what H2 does when its client dies), so the statement, and the transaction it was part
 * of, fail as they would on a real network or server failure. Unpooled: every connection is new.
 * The set-up statement an H2 connection gets as it is taken is not counted ({@link #isSetUp}).
 */
final class FailingDataSource extends PlainDataSource {
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch");

  private final TestDatabase db;
  private int remaining;
  private int fired;

  FailingDataSource(TestDatabase db) {
    this.db = db;
  }

  /** Makes the {@code n}th statement or commit from now (1 = the next) kill its connection. */
  synchronized void arm(int n) {
    remaining = n;
  }

  synchronized int fired() {
    return fired;
  }

  private synchronized boolean due() {
    if (remaining > 0 && --remaining == 0) {
      fired++;
      return true;
    }
    return false;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = db.physical().getConnection();
    long pid = -1;
    if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
      try (Statement s = physical.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getLong(1);
      }
    }
    long backend = pid;
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          if (m.getName().equals("commit") && due()) {
            kill(physical, backend);
          }
          Object result = call(physical, m, args);
          if (result instanceof Statement && (m.getName().equals("prepareStatement")
              || m.getName().equals("createStatement"))) {
            return wrap((Statement) result, physical, backend);
          }
          return result;
        });
  }

  private Object wrap(Statement statement, Connection physical, long backend) {
    Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class
        : Statement.class;
    return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
        (proxy, m, args) -> {
          if (EXECUTIONS.contains(m.getName()) && !isSetUp(args) && due()) {
            kill(physical, backend);
          }
          return call(statement, m, args);
        });
  }

  /**
   * Whether a statement is the set-up an H2 connection gets as it is taken (result reuse off), which
   * is not part of the work: not counted, so both databases count the same steps.
   */
  private static boolean isSetUp(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String sql
        && sql.startsWith("SET OPTIMIZE_REUSE_RESULTS");
  }

  private void kill(Connection physical, long backend) throws SQLException {
    if (backend < 0) {
      physical.close();
      return;
    }
    try (Connection admin = db.physical().getConnection();
        PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)");
        PreparedStatement alive = admin.prepareStatement(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?")) {
      terminate.setLong(1, backend);
      terminate.executeQuery().close();
      alive.setLong(1, backend);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = alive.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  /**
   * Kills the connection at step 1, 2, … of {@code write} until it succeeds, checking after each
   * failure that it failed with the SQL failure as cause and that {@code observe} reads exactly
   * what it read before.
   *
   * @return the number of steps that failed (the write's statements and commit)
   */
  int killAtEachStep(Callable<Object> observe, Runnable write) throws Exception {
    Object before = observe.call();
    for (int step = 1; step < 30; step++) {
      arm(step);
      try {
        write.run();
        arm(0);
        return step - 1;
      } catch (PortFailureException e) {
        assertThat(e).hasCauseInstanceOf(SQLException.class);
      }
      assertThat(observe.call()).as("after a failure at step %d", step).isEqualTo(before);
    }
    throw new AssertionError("the write never got through");
  }
}
