package ir.hotline137.console.board;

import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.sockets.OpenSockets;
import ir.hotline137.switchboard.Switchboard;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The live board's socket at {@code /ws/board}. */
@Configuration(proxyBeanMethods = false)
public class LiveBoardConfiguration {
    /** Long enough to reload a page, short enough that a colleague who left is soon off the list. */
    static final Duration SIGN_OUT_GRACE = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    LiveBoard liveBoard(Switchboard switchboard, JsonMapper json, Clock clock) {
        return new LiveBoard(switchboard, json, clock, SIGN_OUT_GRACE, Schedulers.parallel());
    }

    @Bean
    HandlerMapping liveBoardMapping(LiveBoard board, ConsoleUsers users, OpenSockets sockets) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
                Map.of("/ws/board", sockets.kept(new LiveBoardSocket(board, users))), -1);
        // Browsers send our session cookie with a WebSocket opened by any site's page. A CORS configuration that
        // allows no origin refuses every cross-site handshake (403) while same-site pages are not CORS at all.
        mapping.setCorsConfigurations(Map.of("/ws/**", new CorsConfiguration()));
        return mapping;
    }
}
