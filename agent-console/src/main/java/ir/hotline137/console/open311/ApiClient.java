package ir.hotline137.console.open311;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A system allowed to file requests (the city's app, a neighbouring system). Its key is kept only as a hash: shown
 * once when made, then recognisable by its first characters.
 *
 * @param keyHash   SHA-256 of the key, hex
 * @param keyPrefix the key's first characters, to tell keys apart on screen
 */
public record ApiClient(long id, String name, String keyHash, String keyPrefix, Instant createdAt, String createdBy,
                        Optional<Instant> revokedAt, Optional<String> revokedBy) {
    public ApiClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revokedBy, "revokedBy");
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    ApiClient numbered(long newId) {
        return new ApiClient(newId, name, keyHash, keyPrefix, createdAt, createdBy, revokedAt, revokedBy);
    }

    ApiClient revoked(Instant at, String by) {
        return new ApiClient(id, name, keyHash, keyPrefix, createdAt, createdBy, Optional.of(at), Optional.of(by));
    }
}
