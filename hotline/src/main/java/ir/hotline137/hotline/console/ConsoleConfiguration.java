package ir.hotline137.hotline.console;

import ir.hotline137.calls.CallLog;
import ir.hotline137.console.ConsoleModule;
import ir.hotline137.console.login.LoginSettings;
import ir.hotline137.console.open311.ApiClients;
import ir.hotline137.console.open311.DistrictBoundaries;
import ir.hotline137.console.open311.MapDbApiClients;
import ir.hotline137.console.open311.Open311Settings;
import ir.hotline137.console.open311.PostgresApiClients;
import ir.hotline137.console.people.MapDbPeople;
import ir.hotline137.console.people.PostgresPeople;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.sessions.MapDbSessions;
import ir.hotline137.console.sessions.PostgresSessions;
import ir.hotline137.console.sessions.SessionStore;
import ir.hotline137.console.shift.MapDbShifts;
import ir.hotline137.console.shift.PostgresShifts;
import ir.hotline137.console.shift.Shifts;
import ir.hotline137.console.units.StandardResults;
import ir.hotline137.console.units.UnitSettings;
import ir.hotline137.figures.FiguresReport;
import ir.hotline137.figures.FollowUpFigures;
import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.store.Stores;
import ir.hotline137.prompts.PromptCatalogue;
import ir.hotline137.requests.store.RequestStore;
import java.io.IOException;
import java.nio.file.Path;
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
    ConsoleUsers consoleUsers(HotlineProperties properties, Stores stores, Clock clock) {
        return ConsoleUsers.of(properties.users().stream().map(HotlineProperties.User::consoleUser).toList(),
                stores.pick(MapDbPeople::open, PostgresPeople::open), clock);
    }

    @Bean
    SessionStore consoleSessions(Stores stores) {
        return stores.pick(MapDbSessions::open, PostgresSessions::open);
    }

    @Bean
    Shifts agentShifts(Stores stores) {
        return stores.pick(MapDbShifts::open, PostgresShifts::open);
    }

    /** The systems that may file requests through Open311, in open311-clients.mapdb. */
    @Bean
    ApiClients open311Clients(Stores stores) {
        return stores.pick(MapDbApiClients::open, PostgresApiClients::open);
    }

    @Bean
    Open311Settings open311Settings(HotlineProperties properties) {
        return properties.open311().settings();
    }

    /** The districts on the map, read at start: a file that is not right stops the start with what is wrong. */
    @Bean
    DistrictBoundaries districtBoundaries(HotlineProperties properties) throws IOException {
        String file = properties.open311().districtBoundaries();
        return file.isEmpty() ? DistrictBoundaries.NONE : DistrictBoundaries.read(Path.of(file));
    }

    @Bean
    UnitSettings unitSettings(HotlineProperties properties) {
        return new UnitSettings(properties.units().showCallerNumber());
    }

    /** What the IVR can say in a recorded voice: a unit choosing one of these reaches the citizen by phone too. */
    @Bean
    StandardResults standardResults() {
        return new StandardResults(PromptCatalogue.persian().standardResultWords());
    }

    @Bean
    FollowUpFigures followUpFigures(RequestStore store, HotlineProperties properties, Clock clock) {
        return new FollowUpFigures(store, properties.districts(), properties.categories(), clock);
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
