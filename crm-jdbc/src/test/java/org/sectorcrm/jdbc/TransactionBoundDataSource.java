package org.sectorcrm.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * What an embedder's transaction-aware DataSource does (Spring's TransactionAwareDataSourceProxy, a
 * Jakarta container's): while the host has a transaction open, every getConnection() returns the
 * host's connection, already in the transaction, and close() only hands it back.
 */
final class TransactionBoundDataSource implements DataSource {
    private final DataSource target;
    private Connection current;

    TransactionBoundDataSource(DataSource target) {
        this.target = target;
    }

    void begin() throws SQLException {
        current = target.getConnection();
        current.setAutoCommit(false);
    }

    void commit() throws SQLException {
        current.commit();
        end();
    }

    void rollback() throws SQLException {
        current.rollback();
        end();
    }

    private void end() throws SQLException {
        current.setAutoCommit(true);
        current.close();
        current = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (current == null) {
            return target.getConnection();
        }
        Connection host = current;
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "close":
                    return null;
                case "isClosed":
                    return false;
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : host.unwrap((Class<?>) args[0]);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy) || host.isWrapperFor((Class<?>) args[0]);
                default:
                    try {
                        return method.invoke(host, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
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
