package ir.hotline137.calls;

import java.time.Instant;
import java.util.List;

/**
 * Where ended calls are kept, for figures over days and months. Append-only: a call is written once, when
 * it ends, and never changed. The embedded default is {@link MapDbCallLog}.
 */
public interface CallLog extends AutoCloseable {

    /** Keeps a call; it is durably committed when this returns. */
    void record(CallRecord call);

    /** The calls that started in [from, to), earliest first. */
    List<CallRecord> between(Instant from, Instant to);

    long count();

    @Override
    void close();
}
