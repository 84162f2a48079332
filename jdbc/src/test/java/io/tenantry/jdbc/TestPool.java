package io.tenantry.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the tests, standing in for the host's pool: it reuses physical
 * connections (opening one per call would make the PostgreSQL tests slow), bounds how many are out,
 * and on return rolls back what was left open and restores auto-commit, as real pools do.
 */
final class TestPool extends PlainDataSource implements AutoCloseable {
  private final DataSource physical;
  private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
  private final Semaphore permits;

  TestPool(DataSource physical, int size) {
    this.physical = physical;
    this.permits = new Semaphore(size);
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a pooled connection", e);
    }
    try {
      Connection c = idle.poll();
      while (c != null && c.isClosed()) {
        c = idle.poll();
      }
      if (c == null) {
        c = physical.getConnection();
      }
      return lease(c);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection lease(Connection c) {
    InvocationHandler h = new InvocationHandler() {
      private boolean returned;

      @Override
      public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
          case "close":
            if (!returned) {
              returned = true;
              giveBack(c);
            }
            return null;
          case "isClosed":
            return returned || c.isClosed();
          default:
            if (returned) {
              throw new SQLException("connection already returned to the pool", "08003");
            }
            try {
              return m.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, h);
  }

  private void giveBack(Connection c) {
    try {
      if (!c.isClosed()) {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
        idle.offer(c);
      }
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // broken connection: dropped from the pool
      }
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test pool has one set of credentials");
  }
}
