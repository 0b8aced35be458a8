package ir.hotline137.console.login;

import java.net.URI;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Back to the login form after a refused login, saying why: a wrong name or password, or too many tries (and for
 * how many minutes). The name typed is kept in the session, so the form shows it again and only the password
 * is typed anew.
 */
public final class LoginFailure implements ServerAuthenticationFailureHandler {
    /** The session attribute holding the name last typed into the form. */
    public static final String LAST_USERNAME = LoginFailure.class.getName() + ".username";

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        URI back = URI.create(exception instanceof LockedException locked
                ? "/login?locked=" + locked.getMessage() : "/login?error");
        return exchange.getFormData()
                .flatMap(form -> exchange.getSession().doOnNext(session -> {
                    String typed = form.getFirst("username");
                    if (typed != null && typed.length() <= 100) {
                        session.getAttributes().put(LAST_USERNAME, typed);
                    }
                }))
                .then(redirect.sendRedirect(exchange, back));
    }
}
