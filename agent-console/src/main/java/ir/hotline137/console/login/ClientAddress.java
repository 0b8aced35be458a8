package ir.hotline137.console.login;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Hands the address a request came from to the password check, which Spring gives only the name and password:
 * it travels in the request's reactive context. The address is the TCP peer's; behind a reverse proxy that is the
 * proxy, so the proxy must do its own limiting (the README says so).
 */
public final class ClientAddress implements WebFilter {
    private static final String KEY = ClientAddress.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String address = peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, address));
    }

    static String of(ContextView context) {
        return context.getOrDefault(KEY, "unknown");
    }
}
