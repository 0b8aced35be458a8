package ir.hotline137.hotline.console;

import ir.hotline137.console.api.ApiErrors;
import ir.hotline137.console.board.LiveBoardConfiguration;
import ir.hotline137.console.calls.AgentsApi;
import ir.hotline137.console.calls.CallsApi;
import ir.hotline137.console.figures.FiguresApi;
import ir.hotline137.console.mayor.MayorConfiguration;
import ir.hotline137.console.requests.DirectoryApi;
import ir.hotline137.console.requests.RequestsApi;
import ir.hotline137.console.security.ConsoleSecurity;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.LoginPage;
import ir.hotline137.console.security.MeApi;
import ir.hotline137.console.security.UsersApi;
import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.requests.calls.CallLog;
import ir.hotline137.requests.figures.FiguresReport;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The agents' console: its people from {@code hotline.users}, its security rules, its API, the live board and
 * the mayor's programmes.
 */
@Configuration(proxyBeanMethods = false)
@Import({ConsoleSecurity.class, LoginPage.class, MeApi.class, ApiErrors.class, RequestsApi.class, DirectoryApi.class,
        CallsApi.class, AgentsApi.class, FiguresApi.class, UsersApi.class, LiveBoardConfiguration.class,
        MayorConfiguration.class})
public class ConsoleConfiguration {

    @Bean
    ConsoleUsers consoleUsers(HotlineProperties properties) {
        return ConsoleUsers.of(properties.users().stream().map(HotlineProperties.User::consoleUser).toList());
    }

    @Bean
    FiguresReport figuresReport(RequestStore store, CallLog callLog, HotlineProperties properties, Clock clock) {
        return new FiguresReport(store, callLog, properties.districts(), properties.categories(), clock);
    }
}
