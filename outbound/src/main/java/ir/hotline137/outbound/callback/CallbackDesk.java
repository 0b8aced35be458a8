package ir.hotline137.outbound.callback;

import ir.hotline137.outbound.call.CallGateway;
import ir.hotline137.outbound.call.CallOutcome;
import ir.hotline137.outbound.call.CallsUnderWay;
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

    private final CallbackStore callbacks;
    private final Supplier<Optional<CallGateway>> exchange;
    private final CallSettings settings;
    private final Clock clock;
    private final CallsUnderWay ringing = new CallsUnderWay();
    /** Callbacks whose citizen the script on the agent's phone has begun to ring. */
    private final Set<Long> citizenRung = ConcurrentHashMap.newKeySet();

    /** @param exchange the manager interface, once there is one (none: agents call back from their own phones) */
    public CallbackDesk(CallbackStore callbacks, Supplier<Optional<CallGateway>> exchange, CallSettings settings,
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
        int number = claimed.get().tries().size() + 1;
        ringing.start("callback-" + id, () -> {
            try {
                CallOutcome agentLeg = gateway.get().callAgent(id, number, agentPhone.get());
                // Answered: the script on the agent's phone rings the citizen and records how that went, also when
                // the agent hangs up first; what is left to record here is a phone that never got that far.
                if (!(agentLeg instanceof CallOutcome.Answered) || !citizenRung.contains(id)) {
                    CallbackOutcome outcome = agentLeg instanceof CallOutcome.Unavailable
                            || agentLeg instanceof CallOutcome.Lost ? CallbackOutcome.UNAVAILABLE
                            : CallbackOutcome.AGENT_MISSED;
                    end(id, agent, number, outcome);
                }
            } catch (RuntimeException failed) {
                log.error("callback {} failed", id, failed);
                end(id, agent, number, CallbackOutcome.UNAVAILABLE);
            } finally {
                citizenRung.remove(id);
            }
        });
        return new CallNow.Ringing(claimed.get());
    }

    /**
     * The script on the agent's answered phone is about to ring the citizen: from here it, not the agent's call,
     * says how the try went ({@link #citizenLeg}).
     *
     * @return the callback and its try, when it is being called; empty otherwise (nobody is rung then)
     */
    public Optional<Callback> ringingCitizen(long id) {
        Optional<Callback> calling = callbacks.find(id).filter(c -> c.status() == CallbackStatus.CALLING);
        calling.ifPresent(c -> citizenRung.add(id));
        return calling;
    }

    /**
     * How try {@code number} went on the citizen's side, from the script that rang them on the agent's call.
     *
     * @return the callback as it is now; empty when that try was not the one under way
     */
    public Optional<Callback> citizenLeg(long id, String agent, int number, CallbackOutcome outcome) {
        return end(id, agent, number, outcome);
    }

    /**
     * How a callback went that an agent made from their own phone (no manager interface, or a phone outside it).
     *
     * @return the callback as it is now; empty when it was not waiting (someone else is calling it, or it is over)
     */
    public Optional<Callback> recordByHand(long id, String agent, CallbackOutcome outcome) {
        Optional<Callback> claimed = callbacks.claim(id, agent);
        return claimed.flatMap(c -> end(id, agent, c.tries().size() + 1, outcome));
    }

    /** An agent closes a waiting callback by hand (the citizen called in again, or it was dealt with otherwise). */
    public Optional<Callback> close(long id, String agent) {
        return callbacks.close(id, agent, clock.instant());
    }

    private Optional<Callback> end(long id, String agent, int number, CallbackOutcome outcome) {
        return callbacks.end(id, agent, number, outcome, clock.instant(), settings.attempts(), settings.spacing());
    }

    /**
     * Waits a little for the tries under way to be recorded (the manager connection, closed first, has woken them);
     * one cut short waits in its place at the next start.
     */
    @Override
    public void close() {
        ringing.await(Duration.ofSeconds(5));
    }
}
