package io.tenantry.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The CLI's {@link DataSource} over {@link DriverManager}: a command runs its port calls one after
 * another, so this keeps the connections it opened (usually one) and hands them out again instead
 * of logging in per call; a connection given back is rolled back if left in a transaction and set
 * to auto-commit. {@link #close()} closes them all. Thread-safe.
 */
final class DbConnections implements DataSource, AutoCloseable {
  private final String url;
  private final Properties credentials = new Properties();
  private final Deque<Connection> idle = new ArrayDeque<>();

  /**
   * Creates the data source.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   */
  DbConnections(String url, String user, String password) {
    this.url = url;
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c;
    synchronized (idle) {
      c = idle.poll();
    }
    if (c == null || c.isClosed()) {
      c = DriverManager.getConnection(url, credentials);
    }
    Connection physical = c;
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          if (m.getName().equals("close")) {
            if (!returned[0]) {
              returned[0] = true;
              giveBack(physical);
            }
            return null;
          }
          if (m.getName().equals("isClosed") && returned[0]) {
            return true;
          }
          try {
            return m.invoke(physical, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void giveBack(Connection c) throws SQLException {
    if (c.isClosed()) {
      return;
    }
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException broken) {
      c.close();
      return;
    }
    synchronized (idle) {
      idle.push(c);
    }
  }

  /** Closes every connection kept. */
  @Override
  public void close() {
    synchronized (idle) {
      for (Connection c : idle) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing at exit: nothing more to do with a connection that fails to close
        }
      }
      idle.clear();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the CLI's connections use one set of credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no log writer: failures surface as exceptions
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // the driver's default login timeout applies
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
