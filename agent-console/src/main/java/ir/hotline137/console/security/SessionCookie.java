package ir.hotline137.console.security;

import java.util.List;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Lax} (another site's form or script never carries it),
 * and {@code Secure} whenever the console is reached over TLS, so the same deployment works on a plain port in a
 * district office and behind HTTPS in the city's data centre. A TLS-terminating proxy in front must pass the
 * scheme on ({@code server.forward-headers-strategy}) for the cookie to be marked.
 */
final class SessionCookie extends CookieWebSessionIdResolver {
    static final String NAME = "SESSION";

    SessionCookie() {
        setCookieName(NAME);
        addCookieInitializer(cookie -> cookie.sameSite("Lax").httpOnly(true));
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        super.setSessionId(exchange, id);
        secureOverTls(exchange);
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        super.expireSession(exchange);
        secureOverTls(exchange);
    }

    private void secureOverTls(ServerWebExchange exchange) {
        boolean tls = exchange.getRequest().getSslInfo() != null
                || "https".equals(exchange.getRequest().getURI().getScheme());
        MultiValueMap<String, ResponseCookie> cookies = exchange.getResponse().getCookies();
        List<ResponseCookie> set = cookies.get(NAME);
        if (tls && set != null) {
            cookies.put(NAME, set.stream().map(c -> c.mutate().secure(true).build()).toList());
        }
    }
}
