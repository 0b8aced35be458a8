package ir.hotline137.console.security;

import ir.hotline137.console.login.ClientAddress;
import ir.hotline137.console.login.LoginFailure;
import ir.hotline137.console.login.LoginSettings;
import ir.hotline137.console.login.LoginThrottle;
import ir.hotline137.console.login.PasswordCheck;
import ir.hotline137.console.sessions.KeptSessions;
import ir.hotline137.console.sessions.SessionStore;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * Who may reach what. Every page, API route and the live socket needs a login: people log in with a form,
 * scripts send HTTP Basic to {@code /api/**}. Roles are checked here, on the server, whatever a screen shows.
 * Changes made with the session cookie, and the login form, carry a CSRF token; requests that bring their own
 * credentials (Basic) and no cookie cannot be forged by another site and need none. Passwords are checked by
 * {@link PasswordCheck}, which also throttles guessing.
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
    LoginThrottle loginThrottle(LoginSettings settings, Clock clock) {
        return new LoginThrottle(settings, clock);
    }

    @Bean
    PasswordCheck passwordCheck(ConsoleUsers users, LoginThrottle throttle) {
        return new PasswordCheck(users, throttle);
    }

    /** Named so: the web handler takes its session manager by this name. */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(SessionStore sessions, ConsoleUsers users, Clock clock,
                                        LoginSettings settings) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionIdResolver(new SessionCookie());
        manager.setSessionStore(new KeptSessions(sessions, users, clock, settings.sessionIdle()));
        return manager;
    }

    /** Everyone but a unit: the 137 centre's own people, who see every request. */
    private static final String[] STAFF = {Role.AGENT.name(), Role.MODERATOR.name(), Role.MAYOR.name(),
            Role.SUPERVISOR.name()};

    @Bean
    SecurityWebFilterChain consoleFilterChain(ServerHttpSecurity http, PasswordCheck passwordCheck,
                                              ConsoleUsers users) {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/ws/**");
        // The API and the socket answer 401 (a script or the page's own code decides what to do); pages send
        // people to log in.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api,
                        new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/login", "/actuator/health", "/actuator/health/**", "/fonts/**").permitAll()
                        // Open311 as its specification has it: anyone reads; filing checks the client's key itself.
                        .pathMatchers("/open311/v2/**").permitAll()
                        .pathMatchers("/api/open311/**").hasRole(Role.SUPERVISOR.name())
                        .pathMatchers("/api/users", "/api/users/**", "/api/figures/**", "/api/wallboard")
                        .hasRole(Role.SUPERVISOR.name())
                        // Moderators and the mayor work their own programme's queue, not the public line's.
                        .pathMatchers(HttpMethod.POST, "/api/calls/*/accept")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name())
                        // Public meetings: supervisors create them; the committees (supervisors, moderators)
                        // review, route and decline; at the meeting a moderator, supervisor or the mayor records each
                        // instruction; the centre's people register citizens and read the report.
                        .pathMatchers(HttpMethod.POST, "/api/meetings").hasRole(Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/meetings/*/registrations/*/route",
                                "/api/meetings/*/registrations/*/decline", "/api/meetings/*/registrations/*/answer",
                                "/api/meetings/*/registrations/*/link")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.MODERATOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/meetings/*/registrations/*/instruction")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.MODERATOR.name(), Role.MAYOR.name())
                        .pathMatchers("/api/meetings", "/api/meetings/**").hasAnyRole(STAFF)
                        // Calling citizens back is the agents' work, as taking their calls is.
                        .pathMatchers("/api/callbacks", "/api/callbacks/**")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name())
                        // Mayor on the line: a supervisor runs the programme, moderators screen, the mayor takes
                        // the callers; directives come from the moderator or the mayor.
                        .pathMatchers(HttpMethod.POST, "/api/mayor/sessions", "/api/mayor/sessions/*/close")
                        .hasRole(Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/mayor/queue/**")
                        .hasAnyRole(Role.MODERATOR.name(), Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.PUT, "/api/mayor/callers/**")
                        .hasAnyRole(Role.MODERATOR.name(), Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/mayor/next").hasRole(Role.MAYOR.name())
                        .pathMatchers("/api/mayor/**", "/ws/mayor")
                        .hasAnyRole(Role.MODERATOR.name(), Role.MAYOR.name(), Role.SUPERVISOR.name())
                        // The follow-up office. A unit works the requests referred to it and nothing else: each of
                        // the request routes below checks that the request is the unit's (UnitScope).
                        .pathMatchers(HttpMethod.GET, "/api/units/mine").hasAnyRole(Role.UNIT.name(), Role.SUPERVISOR.name())
                        .pathMatchers("/api/units/**").hasRole(Role.SUPERVISOR.name())
                        .pathMatchers(HttpMethod.GET, "/api/requests/similar").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/api/requests/*", "/api/requests/*/recording").authenticated()
                        .pathMatchers(HttpMethod.POST, "/api/requests/*/notes", "/api/requests/*/acknowledge",
                                "/api/requests/*/result", "/api/requests/*/send-back").authenticated()
                        .pathMatchers("/api/me", "/api/me/**", "/api/directory").authenticated()
                        .pathMatchers("/api/**", "/ws/**").hasAnyRole(STAFF)
                        .anyExchange().authenticated())
                .addFilterAt(new ClientAddress(), SecurityWebFiltersOrder.FIRST)
                .addFilterBefore(new StillThePerson(users), SecurityWebFiltersOrder.AUTHORIZATION)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint).authenticationManager(passwordCheck))
                .formLogin(form -> form.loginPage("/login").authenticationManager(passwordCheck)
                        .authenticationFailureHandler(new LoginFailure()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ConsoleSecurity::needsCsrfToken))
                // Caller text is always put on the page as text; should that ever slip, no injected script runs.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY)))
                .build();
    }

    /**
     * A state-changing request that another site could make a browser send: one carrying the session cookie,
     * whatever else it carries (an {@code Authorization} header beside the cookie does not make it safe), and the
     * login form itself, so no site can log a browser in as someone else. A script with its own credentials and no
     * cookie has nothing to forge, and an anonymous request without one is answered 401, not 403.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfToken(ServerWebExchange exchange) {
        boolean safe = SAFE.contains(exchange.getRequest().getMethod());
        boolean session = exchange.getRequest().getCookies().containsKey(SessionCookie.NAME);
        boolean login = exchange.getRequest().getPath().value().equals("/login");
        return !safe && (session || login) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
