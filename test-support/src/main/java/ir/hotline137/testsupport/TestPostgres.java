package ir.hotline137.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A schema of its own in the real PostgreSQL the tests run against ({@code .ci/postgresql} starts it: 127.0.0.1:5432,
 * role and database hotline_test; {@code HOTLINE_TEST_POSTGRESQL} names another URL), made empty for one test and
 * dropped after it, so tests never see each other's rows. Not there: the test fails saying how to start it, never
 * skips, since a suite that passes without its database has tested nothing of it.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String USER = "hotline_test";
    public static final String PASSWORD = "hotline_test";
    private static final String SERVER = System.getenv().getOrDefault("HOTLINE_TEST_POSTGRESQL",
            "jdbc:postgresql://127.0.0.1:5432/hotline_test");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String schema;

    private TestPostgres(String schema) {
        this.schema = schema;
    }

    public static TestPostgres freshSchema() {
        byte[] name = new byte[6];
        RANDOM.nextBytes(name);
        String schema = "test_" + HexFormat.of().formatHex(name);
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("the tests' PostgreSQL is not there (" + SERVER + ": "
                    + unreachable.getMessage() + "); start it with .ci/postgresql as root", unreachable);
        }
        return new TestPostgres(schema);
    }

    /** A JDBC URL whose connections work in this schema only. */
    public String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
