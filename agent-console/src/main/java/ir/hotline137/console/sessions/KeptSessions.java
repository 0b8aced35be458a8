package ir.hotline137.console.sessions;

import ir.hotline137.console.login.LoginFailure;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's sessions, kept so that a restart logs nobody out: in memory while the process runs, and, once
 * someone has logged in with one, in the journal whenever they log in or out, their CSRF token changes, or they have been active for half the idle
 * time since last kept (so a busy shift is not written at every click). After a restart a session is taken back
 * on its first request, as the person is now: removed since, or given another password, and it is not.
 *
 * <p>Only what a session needs is kept (who, the CSRF token, the name last typed on the login form); the
 * session's id never is, only its SHA-256, so the journal holds no key to anyone's account.
 */
public final class KeptSessions implements WebSessionStore {
    static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;
    static final String CSRF = WebSessionServerCsrfTokenRepository.class.getName().concat(".CSRF_TOKEN");
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final int MOST_SESSIONS = 10_000;

    private final SessionStore kept;
    private final ConsoleUsers users;
    private final Clock clock;
    private final Duration maxIdle;
    private final Map<String, KeptSession> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Instant lastPurge = Instant.EPOCH;

    public KeptSessions(SessionStore kept, ConsoleUsers users, Clock clock, Duration maxIdle) {
        this.kept = kept;
        this.users = users;
        this.clock = clock;
        this.maxIdle = maxIdle;
        kept.forgetExpired(clock.instant());
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return Mono.fromSupplier(() -> {
            purgeIfDue();
            return new KeptSession(this, newId(), clock.instant(), maxIdle);
        });
    }

    /**
     * Expired sessions are dropped once a minute at most, as new ones come (a page left open keeps its own). Past
     * {@value #MOST_SESSIONS} in memory, sessions nobody logged in with are dropped at once, longest unused first:
     * anyone can make those, one per request without a cookie.
     */
    private void purgeIfDue() {
        Instant now = clock.instant();
        if (live.size() >= MOST_SESSIONS) {
            live.values().removeIf(KeptSession::isExpired);
            live.values().stream().filter(s -> s.getAttributes().get(SECURITY_CONTEXT) == null)
                    .sorted(Comparator.comparing(KeptSession::getLastAccessTime))
                    .limit(Math.max(0, live.size() - MOST_SESSIONS + MOST_SESSIONS / 10))
                    .toList().forEach(s -> live.remove(s.getId()));
        }
        Instant last = lastPurge;
        if (last.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        lastPurge = now;
        live.values().removeIf(KeptSession::isExpired);
        Schedulers.boundedElastic().schedule(() -> kept.forgetExpired(now));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return Mono.fromCallable(() -> {
            KeptSession session = live.get(id);
            if (session == null) {
                session = restore(id).orElse(null);
            }
            if (session == null) {
                return null;
            }
            if (session.isExpired()) {
                forget(session.getId());
                return null;
            }
            // The session manager never tells the store of a use: a session found is a session used.
            session.touch(clock.instant());
            return session;
        });
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return Mono.fromRunnable(() -> forget(id));
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        return Mono.fromSupplier(() -> {
            ((KeptSession) session).touch(clock.instant());
            return session;
        });
    }

    Instant now() {
        return clock.instant();
    }

    String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Keeps a started session in memory and, when {@code changed} and someone is logged in with it, in the journal.
     * A session without a login (the login page's, holding only its CSRF token) is not worth a journal record:
     * anyone can make any number of them, and after a restart the page simply gets a new one.
     */
    void save(KeptSession session, boolean changed) {
        live.put(session.getId(), session);
        if (changed && session.getAttributes().get(SECURITY_CONTEXT) != null) {
            kept.keep(stored(session));
        }
    }

    void forget(String id) {
        live.remove(id);
        kept.forget(hash(id));
    }

    private StoredSession stored(KeptSession session) {
        Map<String, Object> attributes = session.getAttributes();
        Optional<UserDetails> person = Optional.ofNullable(attributes.get(SECURITY_CONTEXT))
                .filter(SecurityContext.class::isInstance).map(SecurityContext.class::cast)
                .map(SecurityContext::getAuthentication).map(Authentication::getPrincipal)
                .filter(UserDetails.class::isInstance).map(UserDetails.class::cast);
        Optional<StoredSession.Csrf> csrf = Optional.ofNullable(attributes.get(CSRF)).filter(CsrfToken.class::isInstance)
                .map(CsrfToken.class::cast)
                .map(t -> new StoredSession.Csrf(t.getHeaderName(), t.getParameterName(), t.getToken()));
        return new StoredSession(hash(session.getId()), session.getCreationTime(), clock.instant(), session.getMaxIdleTime(),
                person.map(UserDetails::getUsername), person.map(p -> hash(p.getPassword())), csrf,
                Optional.ofNullable((String) attributes.get(LoginFailure.LAST_USERNAME)));
    }

    private Optional<KeptSession> restore(String id) {
        Optional<StoredSession> found = kept.find(hash(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession stored = found.get();
        KeptSession session = new KeptSession(this, id, stored.createdAt(), stored.maxIdle());
        session.touch(stored.savedAt());
        if (stored.username().isPresent()) {
            Optional<ConsoleUser> person = users.find(stored.username().get());
            if (person.isEmpty() || !stored.passwordFingerprint().equals(Optional.of(hash(person.get().password())))) {
                kept.forget(stored.idHash());
                return Optional.empty();
            }
            UserDetails details = users.details(person.get());
            session.getAttributes().put(SECURITY_CONTEXT, new SecurityContextImpl(
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities())));
        }
        stored.csrf().ifPresent(t -> session.getAttributes().put(CSRF,
                new DefaultCsrfToken(t.headerName(), t.parameterName(), t.token())));
        stored.lastUsername().ifPresent(name -> session.getAttributes().put(LoginFailure.LAST_USERNAME, name));
        session.markKept();
        // Two first requests after a restart may both get here: one session is kept, and both use it.
        return Optional.of(live.computeIfAbsent(id, ignored -> session));
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
