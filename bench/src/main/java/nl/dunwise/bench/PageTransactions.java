package nl.dunwise.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the EJB container does for {@code SyncWriter.write} ({@code REQUIRES_NEW}): one transaction around the
 * call, in which every {@code getConnection()} answers the same connection and closing it ends nothing. Outside
 * the container a plain DataSource would run each statement of a page in a commit of its own, which is neither
 * production's atomic page nor its cost.
 *
 * <p>The transactions run on one connection kept open from page to page, as Payara's pool hands the same
 * connection back: a new connection for every page (what a plain {@code PGSimpleDataSource} gives) also starts a
 * new server process, whose catalog caches, trigger functions and prepared statements all start cold, a cost
 * production does not pay and the raw insert it is compared with does not pay either.
 */
final class PageTransactions implements AutoCloseable {

    private final DataSource target;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private Connection pooled;

    PageTransactions(DataSource target) {
        this.target = target;
    }

    /** Hands out the running transaction's connection, or a connection of its own outside one. */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Connection inTransaction = current.get();
                    if (inTransaction != null && method.getName().equals("getConnection")) {
                        return unclosable(inTransaction);
                    }
                    return invoke(method, target, args);
                });
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    synchronized <T> T inTransaction(Supplier<T> work) {
        try {
            Connection c = pooled();
            current.set(c);
            try {
                T result = work.get();
                c.commit();
                return result;
            } catch (RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            discard();
            throw new IllegalStateException("The page's transaction failed: " + e.getMessage(), e);
        }
    }

    private Connection pooled() throws SQLException {
        if (pooled == null || pooled.isClosed()) {
            pooled = target.getConnection();
            pooled.setAutoCommit(false);
        }
        return pooled;
    }

    /** As a pool does, a connection whose rollback fails is not handed out again. */
    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            discard();
        }
    }

    private void discard() {
        try {
            if (pooled != null) {
                pooled.close();
            }
        } catch (SQLException ignored) {
            // already broken; a new one is opened for the next transaction
        } finally {
            pooled = null;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }

    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(PageTransactions.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(method, c, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
