package ir.hotline137.console.sessions;

import ir.hotline137.console.login.LoginFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** One console session: its attributes in memory, kept by {@link KeptSessions} when what a restart needs changes. */
final class KeptSession implements WebSession {
    private final KeptSessions store;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Instant createdAt;
    private volatile String id;
    private volatile Instant lastAccess;
    private volatile Duration maxIdle;
    private volatile boolean started;
    /** What was last kept of the attributes a restart needs, and when. */
    private volatile int keptFingerprint;
    private volatile Instant keptAt = Instant.EPOCH;

    KeptSession(KeptSessions store, String id, Instant createdAt, Duration maxIdle) {
        this.store = store;
        this.id = id;
        this.createdAt = createdAt;
        this.lastAccess = createdAt;
        this.maxIdle = maxIdle;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isStarted() {
        return started || !attributes.isEmpty();
    }

    /** A new id at login (so a session id planted before it is worth nothing); kept at the next save. */
    @Override
    public Mono<Void> changeSessionId() {
        return Mono.fromRunnable(() -> {
            String old = id;
            id = store.newId();
            store.forget(old);
            keptFingerprint = 0;
        });
    }

    @Override
    public Mono<Void> invalidate() {
        return Mono.fromRunnable(() -> {
            attributes.clear();
            started = false;
            store.forget(id);
        });
    }

    /** Kept in memory always; written to the journal (off the request threads: it is forced to disk) only when needed. */
    @Override
    public Mono<Void> save() {
        return Mono.defer(() -> {
            if (!isStarted()) {
                return Mono.empty();
            }
            int fingerprint = Objects.hash(String.valueOf(attributes.get(KeptSessions.SECURITY_CONTEXT)),
                    attributes.get(KeptSessions.CSRF), attributes.get(LoginFailure.LAST_USERNAME));
            Instant now = store.now();
            boolean changed = fingerprint != keptFingerprint || keptAt.plus(maxIdle.dividedBy(2)).isBefore(now);
            if (!changed) {
                store.save(this, false);
                return Mono.empty();
            }
            keptFingerprint = fingerprint;
            keptAt = now;
            return Mono.<Void>fromRunnable(() -> store.save(this, true)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    @Override
    public boolean isExpired() {
        return !maxIdle.isNegative() && lastAccess.plus(maxIdle).isBefore(store.now());
    }

    @Override
    public Instant getCreationTime() {
        return createdAt;
    }

    @Override
    public Instant getLastAccessTime() {
        return lastAccess;
    }

    @Override
    public void setMaxIdleTime(Duration maxIdleTime) {
        this.maxIdle = maxIdleTime;
    }

    @Override
    public Duration getMaxIdleTime() {
        return maxIdle;
    }

    void touch(Instant at) {
        lastAccess = at;
    }

    /** Taken back from the journal: what it holds is what is kept. */
    void markKept() {
        keptAt = lastAccess;
        keptFingerprint = 0;
    }
}
