package ir.hotline137.console.people;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.console.sockets.OpenSockets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Supervisors manage who may use the console: list, add, change (password, roles, phone) and remove. Never a
 * password on the way out. Only for SUPERVISOR (see ConsoleSecurity); every change is kept with who made it.
 */
@RestController
public class PeopleApi {
    private static final int CHANGES_SHOWN = 200;

    private final ConsoleUsers users;
    private final OpenSockets sockets;

    public PeopleApi(ConsoleUsers users, OpenSockets sockets) {
        this.users = users;
        this.sockets = sockets;
    }

    /** One person, as a supervisor sees them; {@code configured} ones are changed in configuration only. */
    public record Person(String username, List<Role> roles, String dialString, String unit, boolean configured) {
    }

    /** @param unit for a UNIT person, the unit's name as requests are referred to it */
    public record NewPerson(String username, String password, Set<Role> roles, String dialString, String unit) {
    }

    /** What to change; an absent field stays as it is, a blank dial string or unit removes it. */
    public record PersonEdit(String password, Set<Role> roles, String dialString, String unit) {
    }

    @GetMapping("/api/users")
    public List<Person> people() {
        return users.all().stream().map(this::person).toList();
    }

    @GetMapping("/api/users/changes")
    public List<PersonChange> changes() {
        return users.changes(CHANGES_SHOWN);
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Person> add(@RequestBody NewPerson body, Principal principal) {
        return offTheRequestThread(() -> person(done(users.add(body.username(), body.password(), body.roles(),
                Optional.ofNullable(body.dialString()), Optional.ofNullable(body.unit()), principal.getName()))));
    }

    @PutMapping("/api/users/{username}")
    public Mono<Person> change(@PathVariable String username, @RequestBody PersonEdit body, Principal principal) {
        return offTheRequestThread(() -> {
            Person changed = person(done(users.change(username, Optional.ofNullable(body.password()),
                    Optional.ofNullable(body.roles()), Optional.ofNullable(body.dialString()),
                    Optional.ofNullable(body.unit()), principal.getName())));
            if (body.password() != null || body.roles() != null || body.unit() != null) {
                sockets.closeFor(username);
            }
            return changed;
        });
    }

    @DeleteMapping("/api/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> remove(@PathVariable String username, Principal principal) {
        return offTheRequestThread(() -> {
            ConsoleUser removed = done(users.remove(username, principal.getName()));
            sockets.closeFor(username);
            return removed;
        }).then();
    }

    /** A change hashes a password (slow by design) and forces the journal to disk: not on a thread serving others. */
    private static <T> Mono<T> offTheRequestThread(Callable<T> change) {
        return Mono.fromCallable(change).subscribeOn(Schedulers.boundedElastic());
    }

    private Person person(ConsoleUser user) {
        return new Person(user.username(), user.roles().stream().sorted().toList(), user.dialString().orElse(null),
                user.unit().orElse(null), users.isConfigured(user.username()));
    }

    private static ConsoleUser done(ConsoleUsers.Outcome outcome) {
        return switch (outcome) {
            case ConsoleUsers.Outcome.Done done -> done.person();
            case ConsoleUsers.Outcome.Refused refused -> throw new ApiProblem.BadField(refused.field(), refused.reason());
            case ConsoleUsers.Outcome.Conflict conflict ->
                    throw new ApiProblem.Conflict("username", conflict.code(), conflict.reason());
            case ConsoleUsers.Outcome.NotFound missing ->
                    throw new ApiProblem.NotFound("username", "nobody is called " + missing.username());
        };
    }
}
