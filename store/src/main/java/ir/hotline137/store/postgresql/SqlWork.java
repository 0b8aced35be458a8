package ir.hotline137.store.postgresql;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
