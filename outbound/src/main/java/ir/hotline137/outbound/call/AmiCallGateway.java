package ir.hotline137.outbound.call;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls through Asterisk's manager interface with Asterisk-Java: {@code Originate} with {@code Async: true} to the
 * citizen's channel, into the notice context, carrying the notification's number in {@link
 * AmiSettings#NOTICE_VARIABLE}. Asterisk answers the action at once ("Originate successfully queued") and says how
 * the call went in an {@code OriginateResponse} event with the same ActionID, sent when the citizen answers or the
 * call fails; its {@code Reason} is the last control frame the channel saw (Asterisk's {@code frame.h}: 1 hung up,
 * 3 ringing when the time ran out, 4 answered, 5 busy, 8 congestion; 0 when no channel could be made).
 *
 * <p>The events are matched here by their ActionID rather than through Asterisk-Java's event-generating actions, so
 * that a dropped connection ends every call waiting for its word at once (as {@link CallOutcome.Lost}) instead of
 * each waiting out its timeout.
 *
 * <p>An answered call holds its trunk channel until it hangs up, not only while it rings: {@link #call} returns when
 * the {@code Hangup} event for its unique id comes (or the connection drops, or {@link #LONGEST_CALL} passes), so
 * that the dispatcher's count of lines in use is the trunk's.
 */
public final class AmiCallGateway implements CallGateway, ManagerEventListener {
    private static final Logger log = LoggerFactory.getLogger(AmiCallGateway.class);
    private static final int ANSWERED = 4;
    private static final int BUSY = 5;
    private static final int RINGING = 3;
    private static final int HUNG_UP = 1;
    /** A notice call is a minute or two; one still up after this is not waited for any longer. */
    static final Duration LONGEST_CALL = Duration.ofMinutes(15);

    private final AmiSettings settings;
    private final ManagerConnection connection;
    private final Map<String, CompletableFuture<ManagerEvent>> waiting = new ConcurrentHashMap<>();
    /** Answered calls still up, by the channel's unique id; done when it hangs up. */
    private final Map<String, CompletableFuture<Void>> up = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /**
     * One login at a time. A lock, not {@code synchronized}: calls run on virtual threads, which before Java 24 would
     * pin their carrier for the whole of a slow login, and the FastAGI server's own call threads share the carriers.
     */
    private final ReentrantLock login = new ReentrantLock();

    public AmiCallGateway(AmiSettings settings) {
        this.settings = settings;
        this.connection = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.password()).createManagerConnection();
        connection.addEventListener(this);
    }

    @Override
    public CallOutcome call(long notice, int attempt, String number) {
        return place("notice-" + notice + "-" + attempt, settings.channelFor(number), AmiSettings.NOTICE_VARIABLE,
                notice);
    }

    @Override
    public CallOutcome callAgent(long callback, int attempt, String agentChannel) {
        return place("callback-" + callback + "-" + attempt, agentChannel, AmiSettings.CALLBACK_VARIABLE, callback);
    }

    private CallOutcome place(String actionId, String channel, String variable, long id) {
        try {
            loggedIn();
        } catch (IOException | AuthenticationFailedException | TimeoutException | IllegalStateException failed) {
            return new CallOutcome.Unavailable("the manager interface at " + settings.host() + ":" + settings.port()
                    + " cannot be used: " + failed.getMessage());
        }
        OriginateAction originate = new OriginateAction();
        originate.setActionId(actionId);
        originate.setChannel(channel);
        originate.setContext(settings.context());
        originate.setExten(settings.extension());
        originate.setPriority(1);
        originate.setCallerId(settings.callerId());
        originate.setTimeout(settings.ringTime().toMillis());
        originate.setVariable(variable, Long.toString(id));
        originate.setAsync(true);
        CompletableFuture<ManagerEvent> word = new CompletableFuture<>();
        waiting.put(actionId, word);
        try {
            ManagerResponse queued;
            try {
                queued = connection.sendAction(originate, settings.timeout().toMillis());
            } catch (IOException | IllegalStateException notSent) {
                return new CallOutcome.Unavailable("the call could not be asked for: " + notSent.getMessage());
            } catch (TimeoutException noResponse) {
                return new CallOutcome.Lost("no response to Originate within " + settings.timeout());
            }
            if (queued == null) {
                // Not expected (a drop under a waiting action is a TimeoutException), but nothing said is not success.
                return new CallOutcome.Lost("no response to Originate");
            }
            if (queued instanceof ManagerError || !"Success".equalsIgnoreCase(queued.getResponse())) {
                // "Extension does not exist.", "Permission denied": the set-up is wrong, not the citizen's number.
                log.error("Asterisk refused to place a call to {}: {}", channel, queued.getMessage());
                return new CallOutcome.Unavailable("Originate refused: " + queued.getMessage());
            }
            ManagerEvent event;
            try {
                event = word.get(settings.ringTime().plus(settings.timeout()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException silent) {
                return new CallOutcome.Lost("no OriginateResponse within the ring time");
            } catch (ExecutionException dropped) {
                return new CallOutcome.Lost(dropped.getCause().getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new CallOutcome.Lost("stopped while the call was ringing");
            }
            CallOutcome outcome = outcomeOf((OriginateResponseEvent) event);
            if (outcome instanceof CallOutcome.Answered) {
                untilHungUp(((OriginateResponseEvent) event).getUniqueId());
            }
            return outcome;
        } finally {
            waiting.remove(actionId);
        }
    }

    private void untilHungUp(String uniqueId) {
        CompletableFuture<Void> hungUp = uniqueId == null ? null : up.get(uniqueId);
        if (hungUp == null) {
            return;
        }
        try {
            hungUp.get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | ExecutionException stillUpOrUnknown) {
            // Its line is counted free again; a stuck channel is Asterisk's to clear.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            up.remove(uniqueId);
        }
    }

    private static CallOutcome outcomeOf(OriginateResponseEvent response) {
        int reason = response.getReason() == null ? 0 : response.getReason();
        if ("Success".equalsIgnoreCase(response.getResponse())) {
            return new CallOutcome.Answered(String.valueOf(response.getChannel()));
        }
        return switch (reason) {
            case ANSWERED -> new CallOutcome.Answered(String.valueOf(response.getChannel()));
            case BUSY -> new CallOutcome.Busy();
            case RINGING -> new CallOutcome.NoAnswer("rang until the ring time ran out");
            case HUNG_UP -> new CallOutcome.NoAnswer("turned down");
            default -> new CallOutcome.Failed("reason " + reason);
        };
    }

    private void loggedIn() throws IOException, AuthenticationFailedException, TimeoutException {
        login.lock();
        try {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.CONNECTED) {
                return;
            }
            if (state == ManagerConnectionState.RECONNECTING || state == ManagerConnectionState.CONNECTING) {
                // Asterisk-Java is logging in again by itself after a drop.
                throw new IllegalStateException("reconnecting");
            }
            connection.login();
            log.info("logged in to the manager interface at {}:{} ({})", settings.host(), settings.port(),
                    connection.getProtocolIdentifier());
        } finally {
            login.unlock();
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent response && response.getActionId() != null) {
            // Asterisk-Java may put its own id before ours, joined by '#'.
            String actionId = response.getActionId();
            CompletableFuture<ManagerEvent> word = waiting.get(actionId.substring(actionId.lastIndexOf('#') + 1));
            if (word != null) {
                if ("Success".equalsIgnoreCase(response.getResponse()) && response.getUniqueId() != null) {
                    // Before the word is passed on: events come in order, so its Hangup cannot be missed.
                    up.put(response.getUniqueId(), new CompletableFuture<>());
                }
                word.complete(response);
            }
        } else if (event instanceof HangupEvent hangup && hangup.getUniqueId() != null) {
            CompletableFuture<Void> call = up.get(hangup.getUniqueId());
            if (call != null) {
                call.complete(null);
            }
        } else if (event instanceof DisconnectEvent) {
            IOException dropped = new IOException("the manager interface connection dropped while the call was placed");
            waiting.values().forEach(word -> word.completeExceptionally(dropped));
            // Its Hangup will never be heard of.
            up.values().forEach(call -> call.completeExceptionally(dropped));
        }
    }

    @Override
    public void close() {
        closed = true;
        waiting.values().forEach(word -> word.completeExceptionally(new IOException("the hotline is stopping")));
        up.values().forEach(call -> call.completeExceptionally(new IOException("the hotline is stopping")));
        login.lock();
        try {
            ManagerConnectionState state = connection.getState();
            // Logging off also ends Asterisk-Java's attempts to log in again after a drop.
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                try {
                    connection.logoff();
                } catch (RuntimeException ignored) {
                    // leaving anyway
                }
            }
        } finally {
            login.unlock();
        }
    }
}
