package ir.hotline137.console.board;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import java.security.Principal;
import java.time.Duration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /ws/board}: a snapshot, then every switchboard change, as JSON text frames. The page only listens;
 * what an agent does goes through the JSON API, so it is checked and logged the same way whoever sends it.
 * Security has already refused anyone not logged in before the upgrade.
 */
public final class LiveBoardSocket implements WebSocketHandler {
    /** Pings keep idle connections open through proxies and find dead ones. */
    static final Duration PING = Duration.ofSeconds(25);

    private final LiveBoard board;
    private final ConsoleUsers users;

    public LiveBoardSocket(LiveBoard board, ConsoleUsers users) {
        this.board = board;
        this.users = users;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .map(Principal::getName)
                .flatMap(name -> Mono.justOrEmpty(users.find(name)))
                .flatMap(person -> serve(session, person))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    private Mono<Void> serve(WebSocketSession session, ConsoleUser person) {
        LiveBoard.Screen screen = board.open(person);
        Flux<WebSocketMessage> messages = Flux.concat(Mono.fromCallable(board::snapshot), screen.changes())
                .map(session::textMessage);
        Flux<WebSocketMessage> pings = Flux.interval(PING)
                .map(tick -> session.pingMessage(buffers -> buffers.allocateBuffer(0)));
        // Whichever ends first (the page leaves, or the screen fell behind) ends the connection.
        return Mono.firstWithSignal(session.send(Flux.merge(messages, pings)), session.receive().then(),
                        screen.dropped())
                .doFinally(signal -> board.close(screen));
    }
}
