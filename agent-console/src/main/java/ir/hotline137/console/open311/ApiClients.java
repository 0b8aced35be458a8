package ir.hotline137.console.open311;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The systems that file through Open311, each found by the hash of its key: the embedded {@link MapDbApiClients}, or
 * {@link PostgresApiClients} for a cluster (a key made on one node files on every node).
 */
public interface ApiClients {
    /** Keeps a new client under the next number; returns it numbered. */
    ApiClient add(ApiClient client);

    Optional<ApiClient> byKeyHash(String hash);

    Optional<ApiClient> client(long id);

    /** Every client, the first made first. */
    List<ApiClient> all();

    /** Changes a client as it is at the moment of writing. */
    ApiClient update(long id, UnaryOperator<ApiClient> change);
}
