package ir.hotline137.console.security;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A session lasts only as long as its person stays as they logged in: removed by a supervisor, given a new
 * password or other roles, and their open sessions end at their next request (401 from the API and the sockets,
 * the login page for a page). Without this a removed agent would keep taking calls until the session expired.
 */
final class StillThePerson implements WebFilter {
    private final ConsoleUsers users;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    StillThePerson(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(this::isStale)
                .defaultIfEmpty(false)
                .flatMap(stale -> stale ? endSession(exchange) : chain.filter(exchange));
    }

    private boolean isStale(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof UserDetails was)) {
            return false;
        }
        Optional<ConsoleUser> now = users.find(was.getUsername());
        if (now.isEmpty()) {
            return true;
        }
        UserDetails current = users.details(now.get());
        return !current.getPassword().equals(was.getPassword())
                || !names(current.getAuthorities()).equals(names(was.getAuthorities()));
    }

    private Mono<Void> endSession(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        Mono<Void> answer = path.startsWith("/api/") || path.startsWith("/ws/")
                ? Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED))
                : redirect.sendRedirect(exchange, URI.create("/login"));
        return exchange.getSession().flatMap(WebSession::invalidate).then(answer);
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
