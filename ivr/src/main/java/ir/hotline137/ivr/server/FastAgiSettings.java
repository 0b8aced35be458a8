package ir.hotline137.ivr.server;

import java.time.Duration;
import java.util.List;

/**
 * Where the FastAGI server listens and whom it serves.
 *
 * @param bind          the address to listen on; loopback unless Asterisk runs on another host
 * @param port          Asterisk's {@code agi://host:PORT/ivr}; 0 picks a free port (tests)
 * @param allowedHosts  peers that may connect: IP addresses, CIDR blocks ({@code 10.0.0.0/24}) or host names
 *                      (resolved once at start); anyone else is disconnected at once
 * @param headerTimeout how long a new connection may take to send its agi_ headers
 * @param maxLineBytes  the longest line accepted from a peer; Asterisk's lines are far shorter
 * @param readTimeout   how long one command may wait for its reply, 0 for as long as the call lasts (a bridged
 *                      conversation is one command). A timed read costs a timer on every reply, measurably
 *                      so on virtual threads, and a vanished peer is found by TCP keep-alive anyway.
 */
public record FastAgiSettings(String bind, int port, List<String> allowedHosts, Duration headerTimeout,
                              int maxLineBytes, Duration readTimeout) {

    public FastAgiSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("hotline.fastagi.bind is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("hotline.fastagi.port " + port + " is not a TCP port");
        }
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
        if (allowedHosts.isEmpty()) {
            throw new IllegalArgumentException("hotline.fastagi.allowed-hosts is empty: no Asterisk could connect");
        }
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("hotline.fastagi.max-line-bytes " + maxLineBytes + " is too small");
        }
        requirePositive(headerTimeout, "header-timeout");
        if (readTimeout == null || readTimeout.isNegative()) {
            throw new IllegalArgumentException("hotline.fastagi.read-timeout must be 0 (none) or a positive duration");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("hotline.fastagi." + name + " must be a positive duration");
        }
    }
}
