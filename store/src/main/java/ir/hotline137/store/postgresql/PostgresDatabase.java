package ir.hotline137.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ir.hotline137.store.StoreRefusedException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's way into the cluster's PostgreSQL.
 *
 * <p>{@link #transaction} commits when the outermost call returns and rolls everything back when anything throws;
 * a transaction begun inside another on the same thread joins it, so a feature's store writing its own tables while
 * another feature's change is under way lands in the same commit, as {@code Storage.together} does in the embedded
 * store. A commit returns only once PostgreSQL has made it durable (its own WAL, and the standby's with synchronous
 * replication): what the hotline acknowledges after it is never lost.
 *
 * <p>A feature says a change to the other nodes with {@code pg_notify} in its own statements, and they hear it
 * through {@link #listen}: PostgreSQL delivers a NOTIFY only when its transaction commits, so a node is never woken
 * for a change it cannot yet read.
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final int LISTEN_POLL_MILLIS = 500;

    /**
     * Set on every connection: a node that stalls inside a transaction (paused, cut off) must not hold the locks every
     * node's writes queue on for longer than this; a write waiting longer than {@code lock_timeout} for one is
     * refused rather than left hanging.
     */
    static final String SESSION_LIMITS = "-c idle_in_transaction_session_timeout=10s -c lock_timeout=5s";
    private static final int KEEP_ALIVE_MILLIS = 5_000;

    private final HikariDataSource pool;
    private final PostgresSettings settings;
    private final ThreadLocal<Connection> open = new ThreadLocal<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private PostgresDatabase(HikariDataSource pool, PostgresSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    public static PostgresDatabase open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(false);
        config.setPoolName("hotline-postgresql");
        // Given when the session starts, not by statements: with auto-commit off, a SET would open a transaction that
        // nobody commits, and the limit itself would end the connection idle in the pool ten seconds later.
        config.addDataSourceProperty("options", SESSION_LIMITS);
        // A peer gone without a word (a cut cable) is noticed by the kernel's keep-alive, not never.
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new PostgresDatabase(new HikariDataSource(config), settings);
        } catch (RuntimeException unreachable) {
            throw new StoreRefusedException("cannot reach PostgreSQL at " + settings.url() + ": "
                    + unreachable.getMessage(), unreachable);
        }
    }

    /**
     * Brings one feature's tables to what this build needs, from {@code classpath:db/<feature>}, with its own history
     * table: features change their schemas independently, as they keep their own files in the embedded store. Nodes
     * starting together migrate one at a time: each holds a session lock of PostgreSQL's around the whole of it, since
     * Flyway's own lock covers applying migrations but not its first look at an empty schema.
     */
    public void migrate(String feature) {
        try (Connection lock = DriverManager.getConnection(settings.url(), settings.username(), settings.password());
             Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(137311)");
            try {
                Flyway.configure(PostgresDatabase.class.getClassLoader())
                        .dataSource(pool)
                        .locations("classpath:db/" + feature)
                        .table("schema_history_" + feature.replace('-', '_'))
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            } finally {
                statement.execute("SELECT pg_advisory_unlock(137311)");
            }
        } catch (SQLException failed) {
            throw refused(failed);
        }
    }

    /** Runs {@code work} in a transaction (this thread's, if one is under way) and returns what it returns. */
    public <T> T transaction(SqlWork<T> work) {
        Connection joined = open.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException failed) {
                throw refused(failed);
            }
        }
        if (closed) {
            throw new StoreRefusedException("the PostgreSQL store is closed");
        }
        try (Connection connection = pool.getConnection()) {
            open.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException failed) {
                rollback(connection, failed);
                throw refused(failed);
            } catch (RuntimeException | Error failed) {
                rollback(connection, failed);
                throw failed;
            } finally {
                open.remove();
            }
        } catch (SQLException noConnection) {
            throw refused(noConnection);
        }
    }

    /**
     * A connection of its own, outside the pool, for work that must not wait behind it: a node's beat, which the
     * others read to tell whether it lives, must not stop because every pooled connection is busy. Opened when first
     * used and again after a failure; each piece of work commits on its own.
     */
    public OwnConnection ownConnection() {
        return new OwnConnection();
    }

    /** See {@link #ownConnection()}. Used by one thread at a time. */
    public final class OwnConnection implements AutoCloseable {
        private Connection connection;

        private OwnConnection() {
        }

        public synchronized <T> T run(SqlWork<T> work) {
            if (closed) {
                throw new StoreRefusedException("the PostgreSQL store is closed");
            }
            try {
                if (connection == null) {
                    Properties properties = new Properties();
                    properties.setProperty("user", settings.username());
                    properties.setProperty("password", settings.password());
                    properties.setProperty("options", SESSION_LIMITS);
                    properties.setProperty("tcpKeepAlive", "true");
                    // A primary gone mid-statement is given up in seconds, and the next beat tries afresh.
                    properties.setProperty("connectTimeout", "5");
                    properties.setProperty("socketTimeout", "10");
                    connection = DriverManager.getConnection(settings.url(), properties);
                    connection.setAutoCommit(true);
                }
                return work.run(connection);
            } catch (SQLException failed) {
                close();
                throw refused(failed);
            }
        }

        @Override
        public synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException alreadyGone) {
                    // closed either way
                }
                connection = null;
            }
        }
    }

    /**
     * Deletes the rows of {@code table} made (its {@code made_at}) more than {@code kept} ago: a live line's events,
     * read by every node soon after they are made, are kept only for a node that missed them for a while.
     */
    public int forgetOlderThan(String table, Duration kept) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table is lower-case letters and underscores: " + table);
        }
        return transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table
                    + " WHERE made_at < now() - make_interval(secs => ?)")) {
                delete.setLong(1, kept.toSeconds());
                return delete.executeUpdate();
            }
        });
    }

    /** Whether this thread is inside a transaction. */
    public boolean inTransaction() {
        return open.get() != null;
    }

    /**
     * Calls {@code heard} with each payload sent on {@code channel} by any node (this one too), on a thread of its
     * own and a connection of its own (outside the pool, which it would otherwise hold one of for ever), from now
     * until closed. A connection lost is opened again, and each time the LISTEN is in, {@code listening} is called:
     * what was said while nobody listened is lost, so that is when a listener looks for itself (as on a timer).
     */
    public Listening listen(String channel, Consumer<String> heard, Runnable listening) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a channel is lower-case letters and underscores: " + channel);
        }
        Listener listener = new Listener(channel, heard, listening);
        listeners.add(listener);
        listener.thread = Thread.ofVirtual().name("pg-listen-" + channel).start(listener);
        return new Listening(listener);
    }

    /** A channel listened on, until closed. */
    public final class Listening implements AutoCloseable {
        private final Listener listener;

        private Listening(Listener listener) {
            this.listener = listener;
        }

        /** Waits until PostgreSQL has taken the LISTEN: from then on every commit's notice is heard. */
        public boolean awaitListening(Duration atMost) throws InterruptedException {
            return listener.listening.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            listener.stopped = true;
            listeners.remove(listener);
            listener.thread.join();
        }
    }

    private final class Listener implements Runnable {
        private final String channel;
        private final Consumer<String> heard;
        private final Runnable onListening;
        private final CountDownLatch listening = new CountDownLatch(1);
        private volatile boolean stopped;
        private Thread thread;

        Listener(String channel, Consumer<String> heard, Runnable onListening) {
            this.channel = channel;
            this.heard = heard;
            this.onListening = onListening;
        }

        @Override
        public void run() {
            while (!stopped && !closed) {
                try (Connection connection = DriverManager.getConnection(settings.url(), settings.username(),
                        settings.password())) {
                    connection.setAutoCommit(true);
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + channel);
                    }
                    listening.countDown();
                    deliver(onListening);
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    long lastSpoke = System.nanoTime();
                    while (!stopped && !closed) {
                        PGNotification[] notifications = pg.getNotifications(LISTEN_POLL_MILLIS);
                        for (PGNotification notification : notifications == null ? new PGNotification[0]
                                : notifications) {
                            deliver(() -> heard.accept(notification.getParameter()));
                        }
                        // A half-open connection says nothing for ever: asking something finds it out.
                        if (System.nanoTime() - lastSpoke > KEEP_ALIVE_MILLIS * 1_000_000L) {
                            try (Statement ping = connection.createStatement()) {
                                ping.execute("SELECT 1");
                            }
                            lastSpoke = System.nanoTime();
                        }
                    }
                    try (Statement unlisten = connection.createStatement()) {
                        unlisten.execute("UNLISTEN " + channel);
                    }
                } catch (SQLException | RuntimeException lost) {
                    if (stopped || closed) {
                        return;
                    }
                    log.warn("listening on {} failed ({}); listening again in a second", channel, lost.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        private void deliver(Runnable work) {
            try {
                work.run();
            } catch (RuntimeException failed) {
                log.error("a listener on {} failed", channel, failed);
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    private static StoreRefusedException refused(SQLException failed) {
        return new StoreRefusedException("PostgreSQL refused: " + failed.getMessage() + " (SQLState "
                + failed.getSQLState() + ")", failed);
    }

    @Override
    public void close() {
        closed = true;
        List<Thread> threads = new ArrayList<>();
        listeners.forEach(l -> {
            l.stopped = true;
            threads.add(l.thread);
        });
        for (Thread thread : threads) {
            try {
                thread.join(2 * LISTEN_POLL_MILLIS + 1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pool.close();
    }
}
