package ir.hotline137.console.mayor;

import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.mayor.MayorSessionLog;
import ir.hotline137.switchboard.mayor.MayorLine;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mayor on the line in the console. Needs a {@link MayorLine}, a {@link MayorSessionLog}, the
 * {@link RequestDesk} and {@link MayorSettings} from the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(MayorApi.class)
public class MayorConfiguration {

    /** Subscribed before the board, so the log has each change before the screens show it. */
    @Bean(destroyMethod = "close")
    SessionRecorder sessionRecorder(MayorLine line, MayorSessionLog sessions) {
        return new SessionRecorder(line, sessions);
    }

    @Bean(destroyMethod = "close")
    MayorBoard mayorBoard(MayorLine line, RequestDesk desk, MayorSessionLog sessions, JsonMapper json, Clock clock,
                          SessionRecorder recordedFirst) {
        return new MayorBoard(line, desk, sessions, json, clock);
    }

    @Bean
    SessionReports sessionReports(MayorSessionLog sessions, RequestDesk desk, MayorSettings settings, Clock clock) {
        return new SessionReports(sessions, desk, settings, clock);
    }

    @Bean
    DirectiveDesk directiveDesk(MayorLine line, MayorSessionLog sessions, RequestDesk desk, MayorBoard board,
                                MayorSettings settings, Clock clock) {
        return new DirectiveDesk(line, sessions, desk, board, settings, clock);
    }

    @Bean
    HandlerMapping mayorBoardMapping(MayorBoard board) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws/mayor", new MayorBoardSocket(board)), -1);
        // As for /ws/board: no foreign page may open the socket with our cookie.
        mapping.setCorsConfigurations(Map.of("/ws/**", new CorsConfiguration()));
        return mapping;
    }
}
