package ir.hotline137.requests.store;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.TrackingCode;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where requests live durably. Every write returns only after it is on the disk: a tracking code that was
 * handed out is never lost, and readers see a change only once it is. The embedded default is
 * {@link MapDbRequestStore}; a cluster deployment puts a database behind this interface without touching
 * the IVR or the console.
 */
public interface RequestStore extends Closeable {

    /**
     * Stores a new request under its (fresh) code, stamping registration order and revision.
     *
     * @throws CodeTakenException when a request already has this code; nothing is written
     */
    CitizenRequest insert(CitizenRequest request);

    /**
     * Reads, changes and commits one request atomically. If {@code change} throws, nothing is written.
     *
     * @throws ir.hotline137.requests.RequestNotFoundException for an unknown code
     */
    CitizenRequest update(TrackingCode code, UnaryOperator<CitizenRequest> change);

    /**
     * Changes several requests in one commit: {@code change} gets them as they are, in the order named, and
     * returns each one's new version in the same order. All land, or (if it throws) none.
     *
     * @throws ir.hotline137.requests.RequestNotFoundException for an unknown code
     */
    List<CitizenRequest> updateTogether(List<TrackingCode> codes, Function<List<CitizenRequest>, List<CitizenRequest>> change);

    /**
     * Runs {@code changes}, which may write to this store and to the other logs of its data folder, as one
     * commit: everything in it lands, or (if it throws) nothing. A store that cannot offer that runs them
     * one after another.
     */
    default <T> T together(Supplier<T> changes) {
        return changes.get();
    }

    Optional<CitizenRequest> find(TrackingCode code);

    boolean contains(TrackingCode code);

    /** A caller's requests, newest first, including those they joined as a supporter. */
    List<CitizenRequest> findByCaller(CallerNumber caller, int limit);

    /** The open requests referred to this unit (its name exactly as referred), in registration order. */
    List<CitizenRequest> waitingOn(String unit);

    /** Every open request referred to any unit, by unit, then in registration order: the follow-up office's view. */
    List<CitizenRequest> waitingOnAnyUnit();

    /** Newest first, filtered, one page (0-based). */
    Page<CitizenRequest> search(RequestFilter filter, int page, int size);

    long count();

    /** The counter bumped by every change; each stored request carries the value of its last change. */
    long revision();

    /** Every request changed after {@code revision}, in revision order: what an index that saw up to it missed. */
    void forEachChangedSince(long revision, Consumer<CitizenRequest> action);

    /**
     * The same, with the revision each change was found under: a reader that keeps a mark sets it to the last
     * revision it was given, never to a request's own (which may already be a later change it has not been given).
     */
    void forEachChangeSince(long revision, ObjLongConsumer<CitizenRequest> action);

    /**
     * Requests newest first (by registration), for as long as {@code action} says to go on: a listing by date reads
     * what is in its window and stops.
     */
    void forEachNewestFirst(Predicate<CitizenRequest> action);

    /**
     * Requests by their latest change, the most recently changed first, for as long as {@code action} says to go on:
     * what changed in a recent window is read without reading the rest.
     */
    void forEachRecentlyChanged(Predicate<CitizenRequest> action);

    /** Every request, in registration order. */
    void forEach(Consumer<CitizenRequest> action);

    @Override
    void close();

    /** Raised when a fresh code collides with an existing one; the caller draws another. */
    final class CodeTakenException extends RuntimeException {
        public CodeTakenException(TrackingCode code) {
            super("tracking code " + code + " is taken");
        }
    }
}
