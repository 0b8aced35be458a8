package ir.hotline137.hotline.console;

import ir.hotline137.console.api.ApiErrors;
import ir.hotline137.console.calls.CallsApi;
import ir.hotline137.console.requests.RequestsApi;
import ir.hotline137.console.security.ConsoleSecurity;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.LoginPage;
import ir.hotline137.console.security.UsersApi;
import ir.hotline137.hotline.HotlineProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The agents' console: its people from {@code hotline.users}, its security rules and its API. */
@Configuration(proxyBeanMethods = false)
@Import({ConsoleSecurity.class, LoginPage.class, ApiErrors.class, RequestsApi.class, CallsApi.class, UsersApi.class})
public class ConsoleConfiguration {

    @Bean
    ConsoleUsers consoleUsers(HotlineProperties properties) {
        return ConsoleUsers.of(properties.users().stream().map(HotlineProperties.User::consoleUser).toList());
    }
}
