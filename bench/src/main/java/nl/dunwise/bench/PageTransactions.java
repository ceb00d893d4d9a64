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
 */
final class PageTransactions {

    private final DataSource target;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

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
    <T> T inTransaction(Supplier<T> work) {
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.get();
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The page's transaction failed: " + e.getMessage(), e);
        }
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
