package ir.hotline137.mayor.log;

import java.util.List;
import java.util.Optional;

/**
 * Where mayor sessions are kept for their reports. Each save is durably committed when it returns. The
 * embedded default is {@link MapDbMayorSessionLog}.
 */
public interface MayorSessionLog extends AutoCloseable {

    /** Keeps a session, replacing what was kept under its id. */
    void save(SessionRecord session);

    /** Keeps a caller, replacing what was kept for the same session and call. */
    void save(SessionCaller caller);

    void add(Directive directive);

    /** Runs these saves as one durable write: all of them are kept, or (the process dying) none. */
    void together(Runnable saves);

    Optional<SessionRecord> session(String id);

    /** Every session, the most recently opened first. */
    List<SessionRecord> sessions();

    /** A session's callers in the order they joined. */
    List<SessionCaller> callers(String sessionId);

    Optional<SessionCaller> caller(String sessionId, String callId);

    /** The caller of this call, in whichever session they called: a call joins one session at most. */
    Optional<SessionCaller> caller(String callId);

    /**
     * What this number did on earlier programmes, the latest first, at most {@code limit}: the moderator's
     * caller file shows whether they got through last time.
     */
    List<SessionCaller> callsFrom(String callerNumber, int limit);

    /** A session's directives in the order they were given. */
    List<Directive> directives(String sessionId);

    @Override
    void close();
}
