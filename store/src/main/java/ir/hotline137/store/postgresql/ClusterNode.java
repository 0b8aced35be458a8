package ir.hotline137.store.postgresql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node as the cluster knows it: its name, and a beat written every few seconds, so the other nodes can tell it
 * is alive. Work a node leaves under way (an SMS being sent, a citizen being called) is its own to take up when it
 * restarts, or anyone's once it has been silent long enough to be taken for dead, never while it lives.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** A node silent this long is taken for dead: many beats missed, not one slow one. */
    public static final Duration SILENCE = Duration.ofSeconds(30);

    private final PostgresDatabase database;
    /** The beat's own connection: a node whose pool is busy for half a minute is still alive. */
    private final PostgresDatabase.OwnConnection beatConnection;
    private final String name;
    private final Thread beating;
    private volatile boolean closed;
    private volatile boolean leaving;

    private ClusterNode(PostgresDatabase database, String name, Duration every) {
        this.database = database;
        this.beatConnection = database.ownConnection();
        this.name = name;
        beat();
        this.beating = Thread.ofVirtual().name("cluster-beat").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(every);
                    beat();
                } catch (InterruptedException stopping) {
                    return;
                } catch (RuntimeException failed) {
                    log.warn("node {}: its beat was not written ({}); trying again", name, failed.toString());
                }
            }
        });
    }

    /** Joins the cluster under this name, beating every {@code every}. */
    public static ClusterNode join(PostgresDatabase database, String name, Duration every) {
        database.migrate("cluster");
        return new ClusterNode(database, name, every);
    }

    public String name() {
        return name;
    }

    /** This node, and those silent for longer than {@link #SILENCE}: whose work under way this node may take up. */
    public Set<String> selfAndDead() {
        return database.transaction(c -> {
            Set<String> names = new HashSet<>();
            names.add(name);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name FROM cluster_nodes WHERE seen_at < now() - make_interval(secs => ?)")) {
                select.setLong(1, SILENCE.toSeconds());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        names.add(row.getString(1));
                    }
                }
            }
            return names;
        });
    }

    /** The other nodes silent for longer than {@link #SILENCE}: whose live state (callers, agents) is taken off. */
    public Set<String> othersSilent() {
        Set<String> silent = new HashSet<>(selfAndDead());
        silent.remove(name);
        return silent;
    }

    private void beat() {
        beatConnection.run(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO cluster_nodes (name, seen_at) "
                    + "VALUES (?, now()) ON CONFLICT (name) DO UPDATE SET seen_at = now()")) {
                upsert.setString(1, name);
                return upsert.executeUpdate();
            }
        });
    }

    /** For a command that joins only for a while (migrate-store): its row goes with it, not left to look dead. */
    public void leaveWhenClosed() {
        leaving = true;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        beating.interrupt();
        beating.join();
        beatConnection.close();
        if (leaving) {
            database.transaction(c -> {
                try (PreparedStatement leave = c.prepareStatement("DELETE FROM cluster_nodes WHERE name = ?")) {
                    leave.setString(1, name);
                    return leave.executeUpdate();
                }
            });
        }
    }
}
