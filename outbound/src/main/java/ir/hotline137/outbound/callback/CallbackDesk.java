package ir.hotline137.outbound.callback;

import ir.hotline137.outbound.call.CallGateway;
import ir.hotline137.outbound.call.CallOutcome;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.requests.TrackingCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about calling citizens back, for the IVR (a caller keeps their place, or leaves a message) and the
 * console (the queue, "call now", closing one by hand). "Call now" rings the agent's phone first through the manager
 * interface; when the agent answers, the placed call's script rings the citizen and says here how that went
 * ({@link #citizenLeg}). A try the citizen did not answer waits {@link CallSettings#spacing()}; after
 * {@link CallSettings#attempts()} such tries the callback is closed.
 */
public final class CallbackDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallbackDesk.class);
    /** A number the city's trunk can call back, mobile or landline: not an extension, not a withheld number. */
    private static final Pattern CALLABLE = Pattern.compile("0[1-9]\\d{9}");

    private final MapDbCallbacks callbacks;
    private final Supplier<Optional<CallGateway>> exchange;
    private final CallSettings settings;
    private final Clock clock;
    private final Set<Thread> ringing = ConcurrentHashMap.newKeySet();

    /** @param exchange the manager interface, once there is one (none: agents call back from their own phones) */
    public CallbackDesk(MapDbCallbacks callbacks, Supplier<Optional<CallGateway>> exchange, CallSettings settings,
                        Clock clock) {
        this.callbacks = callbacks;
        this.exchange = exchange;
        this.settings = settings;
        this.clock = clock;
        int interrupted = callbacks.markInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn("{} callbacks were being called when the hotline stopped; they wait in their place again",
                    interrupted);
        }
    }

    /** What "call now" came to. */
    public sealed interface CallNow {
        /** The agent's phone is ringing. */
        record Ringing(Callback callback) implements CallNow {
        }

        /** Someone else is calling it, or it is over. */
        record NotWaiting(Optional<Callback> callback) implements CallNow {
        }

        /** The agent has no phone set (their dial string). */
        record NoPhone() implements CallNow {
        }

        /** No manager interface is set: the agent calls from their own phone and records how it went. */
        record NoExchange() implements CallNow {
        }
    }

    public static boolean canCallBack(Optional<String> number) {
        return number.filter(n -> CALLABLE.matcher(n).matches()).isPresent();
    }

    /**
     * A caller on hold keeps their place: called back as if they had waited on.
     *
     * @param placeAt when they joined the queue
     */
    public Optional<Callback> keepPlace(Optional<String> number, Instant placeAt, Optional<Integer> district) {
        if (!canCallBack(number)) {
            return Optional.empty();
        }
        return Optional.of(callbacks.add(Callback.asked(number.get(), CallbackKind.KEPT_PLACE, placeAt,
                clock.instant(), Optional.empty(), district)));
    }

    /** A caller nobody answered in time left a message (registered as {@code request}, when it could be). */
    public Optional<Callback> leftMessage(Optional<String> number, Instant placeAt, Optional<TrackingCode> request,
                                          Optional<Integer> district) {
        if (!canCallBack(number)) {
            return Optional.empty();
        }
        return Optional.of(callbacks.add(Callback.asked(number.get(), CallbackKind.MESSAGE, placeAt,
                clock.instant(), request, district)));
    }

    public List<Callback> open() {
        return callbacks.open();
    }

    public List<Callback> endedSince(Duration ago) {
        return callbacks.endedSince(clock.instant().minus(ago));
    }

    public Optional<Callback> find(long id) {
        return callbacks.find(id);
    }

    /** Rings {@code agent}'s phone for callback {@code id}, if it is waiting, on a thread of its own. */
    public CallNow callNow(long id, String agent, Optional<String> agentPhone) {
        Optional<CallGateway> gateway = exchange.get();
        if (gateway.isEmpty()) {
            return new CallNow.NoExchange();
        }
        if (agentPhone.filter(p -> !p.isBlank()).isEmpty()) {
            return new CallNow.NoPhone();
        }
        Optional<Callback> claimed = callbacks.claim(id, agent);
        if (claimed.isEmpty()) {
            return new CallNow.NotWaiting(callbacks.find(id));
        }
        Callback callback = claimed.get();
        Thread.ofVirtual().name("callback-" + id).start(() -> {
            ringing.add(Thread.currentThread());
            try {
                CallOutcome agentLeg = gateway.get().callAgent(id, callback.tries().size() + 1, agentPhone.get());
                // Answered: the script rang the citizen and said how it went; if it did not (the agent hung up
                // first), the try was the agent's. Anything else never reached the citizen.
                CallbackOutcome outcome = switch (agentLeg) {
                    case CallOutcome.Answered answered -> CallbackOutcome.AGENT_MISSED;
                    case CallOutcome.Busy busy -> CallbackOutcome.AGENT_MISSED;
                    case CallOutcome.NoAnswer none -> CallbackOutcome.AGENT_MISSED;
                    case CallOutcome.Failed failed -> CallbackOutcome.AGENT_MISSED;
                    case CallOutcome.Unavailable unavailable -> CallbackOutcome.UNAVAILABLE;
                    case CallOutcome.Lost lost -> CallbackOutcome.UNAVAILABLE;
                };
                end(id, agent, outcome);
            } catch (RuntimeException failed) {
                log.error("callback {} failed", id, failed);
                end(id, agent, CallbackOutcome.UNAVAILABLE);
            } finally {
                ringing.remove(Thread.currentThread());
            }
        });
        return new CallNow.Ringing(callback);
    }

    /**
     * How the citizen's side of a callback went, from the script that rang them on the agent's call; or an agent's
     * word on a callback they made from their own phone.
     *
     * @return the callback as it is now; empty when it was not being called
     */
    public Optional<Callback> citizenLeg(long id, String agent, CallbackOutcome outcome) {
        return end(id, agent, outcome);
    }

    /**
     * How a callback went that an agent made from their own phone (no manager interface, or a phone outside it).
     *
     * @return the callback as it is now; empty when it was not waiting (someone else is calling it, or it is over)
     */
    public Optional<Callback> recordByHand(long id, String agent, CallbackOutcome outcome) {
        if (callbacks.claim(id, agent).isEmpty()) {
            return Optional.empty();
        }
        return end(id, agent, outcome);
    }

    /** The agent who is ringing it now, while it is being called. */
    public Optional<String> callingAgent(long id) {
        return callbacks.find(id).filter(c -> c.status() == CallbackStatus.CALLING).flatMap(Callback::callingBy);
    }

    /** An agent closes a waiting callback by hand (the citizen called in again, or it was dealt with otherwise). */
    public Optional<Callback> close(long id, String agent) {
        return callbacks.end(id, new CallbackTry(clock.instant(), agent, CallbackOutcome.CLOSED_BY_AGENT),
                CallbackStatus.CLOSED, clock.instant());
    }

    private Optional<Callback> end(long id, String agent, CallbackOutcome outcome) {
        Instant now = clock.instant();
        Callback current = callbacks.find(id).orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        CallbackStatus next;
        Instant due = current.dueAt();
        if (outcome == CallbackOutcome.ANSWERED) {
            next = CallbackStatus.DONE;
        } else if (outcome.isCitizens()) {
            next = current.citizensTries() + 1 >= settings.attempts() ? CallbackStatus.CLOSED : CallbackStatus.WAITING;
            due = now.plus(settings.spacing());
        } else {
            next = CallbackStatus.WAITING;
        }
        return callbacks.end(id, new CallbackTry(now, agent, outcome), next, due);
    }

    /** Waits a little for the tries under way to be recorded; one cut short waits in its place at the next start. */
    @Override
    public void close() {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            for (Thread call : Set.copyOf(ringing)) {
                long left = end - System.nanoTime();
                if (left <= 0 || !call.join(Duration.ofNanos(left))) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
