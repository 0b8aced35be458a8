package ir.hotline137.store.postgresql;

import java.util.Objects;

/**
 * Where the cluster's PostgreSQL is ({@code hotline.postgresql}).
 *
 * @param url      a JDBC URL, e.g. {@code jdbc:postgresql://db1,db2/hotline?targetServerType=primary}
 * @param poolSize connections this node keeps open
 */
public record PostgresSettings(String url, String username, String password, int poolSize) {
    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("hotline.postgresql.url is not a PostgreSQL JDBC URL: " + url);
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (poolSize < 2) {
            throw new IllegalArgumentException("the pool needs at least 2 connections (one listens): " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
