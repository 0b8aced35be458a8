package ir.hotline137.console.mayor;

import java.time.Duration;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /ws/mayor}: the whole mayor's line as JSON, now and after every change. The screens only listen;
 * what the moderator and the mayor do goes through the JSON API. Security has already refused anyone who may
 * not see the line before the upgrade.
 */
public final class MayorBoardSocket implements WebSocketHandler {
    /** Pings keep idle connections open through proxies and find dead ones. */
    static final Duration PING = Duration.ofSeconds(25);

    private final MayorBoard board;

    public MayorBoardSocket(MayorBoard board) {
        this.board = board;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        Flux<WebSocketMessage> states = board.states().map(session::textMessage);
        Flux<WebSocketMessage> pings = Flux.interval(PING)
                .map(tick -> session.pingMessage(buffers -> buffers.allocateBuffer(0)));
        return Mono.firstWithSignal(session.send(Flux.merge(states, pings)), session.receive().then());
    }
}
