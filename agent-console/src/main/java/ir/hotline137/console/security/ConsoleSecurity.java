package ir.hotline137.console.security;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may reach what. Every page, API route and the live socket needs a login: people log in with a form,
 * scripts send HTTP Basic to {@code /api/**}. Roles are checked here, on the server, whatever a screen shows.
 * Form posts made with the session cookie carry a CSRF token; requests that bring their own credentials
 * (Basic) cannot be forged by another site and need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class ConsoleSecurity {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /** Our own scripts only; styles may be inline (the login page's), which cannot run code. */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    ReactiveUserDetailsService consoleUserDetails(ConsoleUsers users) {
        return users.userDetails();
    }

    @Bean
    PasswordEncoder consolePasswordEncoder(ConsoleUsers users) {
        return users.passwordEncoder();
    }

    @Bean
    SecurityWebFilterChain consoleFilterChain(ServerHttpSecurity http) {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/ws/**");
        // The API and the socket answer 401 (a script or the page's own code decides what to do); pages send
        // people to log in.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api,
                        new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/login", "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/api/users", "/api/figures/**").hasRole(Role.SUPERVISOR.name())
                        // Moderators and the mayor work their own programme's queue, not the public line's.
                        .pathMatchers(HttpMethod.POST, "/api/calls/*/accept")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name())
                        // Mayor on the line: a supervisor runs the programme, moderators screen, the mayor takes
                        // the callers; directives come from the moderator or the mayor.
                        .pathMatchers(HttpMethod.POST, "/api/mayor/sessions", "/api/mayor/sessions/*/close")
                        .hasRole(Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/mayor/queue/**")
                        .hasAnyRole(Role.MODERATOR.name(), Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/mayor/next").hasRole(Role.MAYOR.name())
                        .pathMatchers("/api/mayor/**", "/ws/mayor")
                        .hasAnyRole(Role.MODERATOR.name(), Role.MAYOR.name(), Role.SUPERVISOR.name())
                        .anyExchange().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .formLogin(form -> form.loginPage("/login"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ConsoleSecurity::needsCsrfToken))
                // Caller text is always put on the page as text; should that ever slip, no injected script runs.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY)))
                .build();
    }

    /** A state-changing request that relies on the session cookie, not on credentials of its own. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfToken(ServerWebExchange exchange) {
        boolean safe = SAFE.contains(exchange.getRequest().getMethod());
        boolean ownCredentials = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        return safe || ownCredentials ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }
}
