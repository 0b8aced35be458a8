package ir.hotline137.hotline.console;

import ir.hotline137.calls.CallLog;
import ir.hotline137.console.ConsoleModule;
import ir.hotline137.console.login.LoginSettings;
import ir.hotline137.console.people.MapDbPeople;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.sessions.MapDbSessions;
import ir.hotline137.console.shift.MapDbShifts;
import ir.hotline137.figures.FiguresReport;
import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.Storage;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The agents' console: its people from {@code hotline.users} and those added on screen, its security rules, its API, the live board and
 * the mayor's programmes.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsoleModule.class)
public class ConsoleConfiguration {

    @Bean
    ConsoleUsers consoleUsers(HotlineProperties properties, Storage storage, Clock clock) {
        return ConsoleUsers.of(properties.users().stream().map(HotlineProperties.User::consoleUser).toList(),
                MapDbPeople.open(storage), clock);
    }

    @Bean
    MapDbSessions consoleSessions(Storage storage) {
        return MapDbSessions.open(storage);
    }

    @Bean
    MapDbShifts agentShifts(Storage storage) {
        return MapDbShifts.open(storage);
    }

    @Bean
    LoginSettings loginSettings(HotlineProperties properties) {
        return properties.login().settings();
    }

    @Bean
    FiguresReport figuresReport(RequestStore store, CallLog callLog, HotlineProperties properties, Clock clock) {
        return new FiguresReport(store, callLog, properties.districts(), properties.categories(), clock);
    }
}
