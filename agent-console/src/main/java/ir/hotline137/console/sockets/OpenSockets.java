package ir.hotline137.console.sockets;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The console's open sockets (the live board, the mayor's line), closed first when the application stops. A
 * socket is a request that never ends by itself, so without this the graceful shutdown would wait its whole grace
 * period for every open screen. Each page is told "going away" (1001) and reconnects to whatever starts next.
 * A person removed or changed has their sockets closed at once ({@link #closeFor}).
 */
public final class OpenSockets implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    /** How long the closing frames get to leave before shutdown goes on regardless. */
    private static final Duration CLOSING = Duration.ofSeconds(3);

    /** Each open socket, with whose it is. */
    private final Map<WebSocketSession, String> open = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** The handler, its sockets kept here while they are open. */
    public WebSocketHandler kept(WebSocketHandler handler) {
        return session -> {
            if (!running) {
                return session.close(CloseStatus.GOING_AWAY);
            }
            return session.getHandshakeInfo().getPrincipal().map(Principal::getName).defaultIfEmpty("")
                    .flatMap(owner -> {
                        open.put(session, owner);
                        return handler.handle(session).doFinally(signal -> open.remove(session));
                    });
        };
    }

    /**
     * Closes a person's sockets at once: removed, or given a new password or roles, they must stop seeing callers
     * now, not when their page next asks for something. Their page reconnects and is refused.
     */
    public void closeFor(String username) {
        open.forEach((session, owner) -> {
            if (owner.equals(username)) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("the person changed")).subscribe();
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int count = open.size();
        if (count == 0) {
            return;
        }
        log.info("closing {} open console socket(s) before shutting down", count);
        try {
            Flux.fromIterable(Set.copyOf(open.keySet()))
                    .flatMap(session -> session.close(CloseStatus.GOING_AWAY).onErrorComplete())
                    .then()
                    .block(CLOSING);
        } catch (IllegalStateException slow) {
            log.warn("not every console socket closed within {}; shutting down anyway", CLOSING);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait on the sockets. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
