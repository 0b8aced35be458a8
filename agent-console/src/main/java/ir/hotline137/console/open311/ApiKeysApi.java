package ir.hotline137.console.open311;

import ir.hotline137.console.api.ApiProblem;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor registers a system that may file requests (the city's app) and gets its key, once; lists them;
 * revokes one, after which its key files nothing. Supervisors only (the console's security rules).
 */
@RestController
@RequestMapping("/api/open311/keys")
public class ApiKeysApi {
    private final ApiKeys keys;

    public ApiKeysApi(ApiKeys keys) {
        this.keys = keys;
    }

    public record NewClient(String name) {
    }

    /** @param key only in the answer to its making: it is kept as a hash and cannot be shown again */
    public record ClientView(long id, String name, String keyPrefix, String key, Instant createdAt, String createdBy,
                             boolean active, Instant revokedAt, String revokedBy) {
        static ClientView of(ApiClient c, String key) {
            return new ClientView(c.id(), c.name(), c.keyPrefix(), key, c.createdAt(), c.createdBy(), c.isActive(),
                    c.revokedAt().orElse(null), c.revokedBy().orElse(null));
        }
    }

    @PostMapping
    public ResponseEntity<ClientView> create(@RequestBody NewClient body, Principal by) {
        ApiKeys.NewKey made = keys.create(body == null ? null : body.name(), by.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(ClientView.of(made.client(), made.key()));
    }

    @GetMapping
    public List<ClientView> list() {
        return keys.all().stream().map(c -> ClientView.of(c, null)).toList();
    }

    @DeleteMapping("/{id}")
    public ClientView revoke(@PathVariable String id, Principal by) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw new ApiProblem.NotFound("client", "no API client " + id);
        }
        return keys.revoke(number, by.getName()).map(c -> ClientView.of(c, null))
                .orElseThrow(() -> new ApiProblem.NotFound("client", "no API client " + id));
    }
}
