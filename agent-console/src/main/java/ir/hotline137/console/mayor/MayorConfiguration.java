package ir.hotline137.console.mayor;

import ir.hotline137.console.sockets.OpenSockets;
import ir.hotline137.mayor.file.CallerFiles;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.requests.RequestDesk;
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
 * Mayor on the line in the console: the moderator's and the mayor's screens and their API. Needs the mayor
 * module's {@link MayorLine}, session log, caller files, reports and directives, and the {@link RequestDesk}, from the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@Import(MayorApi.class)
public class MayorConfiguration {

    @Bean(destroyMethod = "close")
    MayorBoard mayorBoard(MayorLine line, RequestDesk desk, MayorSessionLog sessions, CallerFiles files,
                          JsonMapper json, Clock clock) {
        return new MayorBoard(line, desk, sessions, files, json, clock);
    }

    @Bean
    HandlerMapping mayorBoardMapping(MayorBoard board, OpenSockets sockets) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
                Map.of("/ws/mayor", sockets.kept(new MayorBoardSocket(board))), -1);
        // As for /ws/board: no foreign page may open the socket with our cookie.
        mapping.setCorsConfigurations(Map.of("/ws/**", new CorsConfiguration()));
        return mapping;
    }
}
