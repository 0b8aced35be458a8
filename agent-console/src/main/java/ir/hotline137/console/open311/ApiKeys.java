package ir.hotline137.console.open311;

import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.RequestDesk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The clients' keys: made by a supervisor, shown once, kept as a hash, revoked for good. A key is 32 random bytes;
 * its hash is a plain SHA-256, enough for a secret of that strength (a password needs bcrypt; a random key does not).
 */
public final class ApiKeys {
    private static final String PREFIX = "h137_";
    private static final int SHOWN = PREFIX.length() + 6;
    private static final int MAX_NAME = 100;

    private final ApiClients clients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(ApiClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** A new client, and its key: the only time the key is seen. */
    public record NewKey(ApiClient client, String key) {
    }

    public NewKey create(String name, String by) {
        String words = name == null ? "" : RequestDesk.readable(name).strip();
        if (words.isEmpty()) {
            throw new InvalidRequestException("name", "is empty: say whose key it is, e.g. «اصفهان من»");
        }
        if (words.length() > MAX_NAME) {
            throw new InvalidRequestException("name", "is longer than " + MAX_NAME + " characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiClient client = clients.add(new ApiClient(0, words, hash(key), key.substring(0, SHOWN),
                clock.instant(), by, Optional.empty(), Optional.empty()));
        return new NewKey(client, key);
    }

    /** The active client holding this key; empty for no key, a wrong one, or a revoked one. */
    public Optional<ApiClient> check(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return clients.byKeyHash(hash(key.strip())).filter(ApiClient::isActive);
    }

    /** Revokes a client's key; revoking one already revoked changes nothing. */
    public Optional<ApiClient> revoke(long id, String by) {
        if (clients.client(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(clients.update(id, c -> c.isActive() ? c.revoked(clock.instant(), by) : c));
    }

    public List<ApiClient> all() {
        return clients.all();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
