package ir.hotline137.console.security;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is logged in, for the page: the name and roles to show the right screens (the server still checks every
 * action), the phone calls are put through to, the session's CSRF token the page sends with each change, and the
 * city's time zone ({@code hotline.time-zone}) every date on the page is shown in.
 */
@RestController
public class MeApi {
    private final ConsoleUsers users;
    private final Clock clock;

    public MeApi(ConsoleUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The CSRF token as the page uses it: in a header on fetches, as a field in the logout form. */
    public record Csrf(String headerName, String parameterName, String token) {
    }

    public record Me(String username, String displayName, List<Role> roles, String dialString, Csrf csrf,
                     String timeZone) {
    }

    @GetMapping("/api/me")
    public Mono<Me> me(Principal principal, ServerWebExchange exchange) {
        ConsoleUser person = users.find(principal.getName()).orElseThrow();
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.map(csrf -> new Me(person.username(), person.username(),
                person.roles().stream().sorted().toList(), person.dialString().orElse(null),
                new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()), clock.getZone().getId()));
    }
}
