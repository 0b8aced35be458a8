package ir.hotline137.console.security;

import ir.hotline137.console.people.PeopleStore;
import ir.hotline137.console.people.PersonChange;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.Referral;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who may log in: those in configuration ({@code hotline.users}, for a first start and for scripts),
 * and those supervisors add on screen, kept in the data folder. Passwords are never kept in clear text:
 * configuration holds bcrypt hashes (plain text only behind an explicit {@code {noop}}, for tests) and the screen's
 * passwords are hashed before they are kept. With nobody configured and nobody kept, a start makes one supervisor
 * with a random password, shown once in the log and living only as long as the process.
 *
 * <p>People in configuration are changed in configuration; on screen they are shown, not changed. Every change made
 * on screen is kept with who made it ({@link #changes}).
 */
public final class ConsoleUsers {
    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);
    /** The account made when nobody is configured. */
    public static final String FIRST_SUPERVISOR = "supervisor";
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    /** A technology, a slash and a resource, as Dial takes it; a comma or a space would smuggle in Dial options. */
    private static final Pattern DIAL_STRING = Pattern.compile("[A-Za-z][A-Za-z0-9]*/[A-Za-z0-9@._+/-]{1,64}");
    private static final int SHORTEST_PASSWORD = 10;
    /** bcrypt reads no further than this; a longer password would be cut without a word. */
    private static final int LONGEST_PASSWORD_BYTES = 72;

    private final Map<String, ConsoleUser> configured;
    private final Optional<PeopleStore> kept;
    private final PasswordEncoder passwords;
    /** bcrypt's cost for every password hashed here. */
    private static final int HASH_COST = 12;
    private final PasswordEncoder newHashes = new BCryptPasswordEncoder(HASH_COST);
    private final Clock clock;

    private ConsoleUsers(Map<String, ConsoleUser> configured, Optional<PeopleStore> kept, PasswordEncoder passwords,
                         Clock clock) {
        this.configured = configured;
        this.kept = kept;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Configuration only: nobody can be added on screen (a console without a data folder, and tests). */
    public static ConsoleUsers of(List<ConsoleUser> configured) {
        return of(configured, null, Clock.systemUTC());
    }

    /**
     * @param configured the people from {@code hotline.users}
     * @param kept       the people added on screen, or null when there is nowhere to keep them
     * @throws IllegalArgumentException naming the entry, for a password in clear text, a repeated name, or
     *                                  nobody with any role
     */
    public static ConsoleUsers of(List<ConsoleUser> configured, PeopleStore kept, Clock clock) {
        DelegatingPasswordEncoder passwords =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // A bare bcrypt hash, as htpasswd and most tools print it, is accepted without the {bcrypt} prefix.
        passwords.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        List<ConsoleUser> users = new ArrayList<>(configured);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConsoleUser user = users.get(i);
            String where = "hotline.users[" + i + "]";
            if (user.username().isBlank() || !names.add(user.username())) {
                throw new IllegalArgumentException(where + ".username is blank or repeated: '" + user.username() + "'");
            }
            if (!isHashOrMarked(user.password())) {
                throw new IllegalArgumentException(where + ".password must be a bcrypt hash (from `java -jar "
                        + "hotline.jar hash-password`, or `htpasswd -bnBC 12 \"\" PASSWORD | tr -d ':'`), or "
                        + "{noop}text for tests; never clear text");
            }
            if (user.roles().isEmpty()) {
                throw new IllegalArgumentException(where + ".roles is empty: give AGENT, MODERATOR, MAYOR, SUPERVISOR or UNIT");
            }
            Optional<Outcome> wrongUnit = checkUnit(user.roles(), user.unit());
            if (wrongUnit.isPresent() && wrongUnit.get() instanceof Outcome.Refused refused) {
                throw new IllegalArgumentException(where + "." + refused.field() + ": " + refused.reason());
            }
        }
        if (users.isEmpty() && (kept == null || kept.isEmpty())) {
            String password = randomPassword();
            users.add(ConsoleUser.of(FIRST_SUPERVISOR, new BCryptPasswordEncoder(HASH_COST).encode(password),
                    Set.of(Role.SUPERVISOR), Optional.empty()));
            log.warn("Nobody may log in yet (hotline.users is empty and nobody was added on screen). For this run "
                    + "only, log in as '{}' with password {} and add people on the People screen.",
                    FIRST_SUPERVISOR, password);
        }
        Map<String, ConsoleUser> byName = new LinkedHashMap<>();
        users.forEach(user -> byName.put(user.username(), user));
        return new ConsoleUsers(Map.copyOf(byName), Optional.ofNullable(kept), passwords, clock);
    }

    public Optional<ConsoleUser> find(String username) {
        ConsoleUser fromConfiguration = configured.get(username);
        return fromConfiguration != null ? Optional.of(fromConfiguration) : kept.flatMap(k -> k.find(username));
    }

    public List<ConsoleUser> all() {
        List<ConsoleUser> all = new ArrayList<>(configured.values());
        kept.ifPresent(k -> k.all().stream().filter(p -> !configured.containsKey(p.username())).forEach(all::add));
        all.sort(Comparator.comparing(ConsoleUser::username));
        return all;
    }

    /** Set in configuration, so changed there and not on screen. */
    public boolean isConfigured(String username) {
        return configured.containsKey(username);
    }

    /** For Spring Security: the person with their roles as {@code ROLE_…} authorities. */
    public UserDetails details(ConsoleUser user) {
        return User.withUsername(user.username())
                .password(user.password())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    public PasswordEncoder passwordEncoder() {
        return passwords;
    }

    /** How a change asked for on screen ended. */
    public sealed interface Outcome {
        /** Made and kept; the person as they are now. */
        record Done(ConsoleUser person) implements Outcome {
        }

        /** A field is wrong; nothing changed. */
        record Refused(String field, String reason) implements Outcome {
        }

        /** Fine as asked, but not allowed now ({@code taken}, {@code configured}, {@code self}, {@code not-kept}). */
        record Conflict(String code, String reason) implements Outcome {
        }

        record NotFound(String username) implements Outcome {
        }
    }

    /** Adds a person who can log in at once. */
    public synchronized Outcome add(String username, String password, Set<Role> roles, Optional<String> dialString,
                                    Optional<String> unit, String by) {
        if (kept.isEmpty()) {
            return new Outcome.Conflict("not-kept", "people can only be added in configuration here");
        }
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            return new Outcome.Refused("username", "2 to 32 lower-case Latin letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
        if (find(name).isPresent()) {
            return new Outcome.Conflict("taken", "there is already someone called " + name);
        }
        Optional<String> unitName = unit.map(Referral::unitName).filter(s -> !s.isEmpty());
        Optional<Outcome> wrong = checkPassword(password).or(() -> checkRoles(roles))
                .or(() -> checkUnit(roles, unitName));
        if (wrong.isPresent()) {
            return wrong.get();
        }
        Optional<String> phone = dialString.map(PersianDigits::toAscii).map(String::strip).filter(s -> !s.isEmpty());
        if (phone.isPresent() && !DIAL_STRING.matcher(phone.get()).matches()) {
            return badDialString();
        }
        ConsoleUser person = new ConsoleUser(name, newHashes.encode(password), EnumSet.copyOf(roles), phone, unitName);
        kept.get().put(person, change(by, name, "افزوده شد با نقش " + roleNames(person.roles())
                + phone.map(p -> "؛ تلفن " + p).orElse("") + unitName.map(u -> "؛ واحد «" + u + "»").orElse("")));
        return new Outcome.Done(person);
    }

    /**
     * Changes what is given (a new password, the roles, the phone, the unit; a blank phone or unit removes it);
     * what is absent stays as it is.
     */
    public synchronized Outcome change(String username, Optional<String> password, Optional<Set<Role>> roles,
                                       Optional<String> dialString, Optional<String> unit, String by) {
        Optional<Outcome> refused = changeable(username);
        if (refused.isPresent()) {
            return refused.get();
        }
        ConsoleUser before = kept.get().find(username).orElseThrow();
        Optional<Outcome> wrong = password.flatMap(ConsoleUsers::checkPassword)
                .or(() -> roles.flatMap(ConsoleUsers::checkRoles));
        if (wrong.isPresent()) {
            return wrong.get();
        }
        if (roles.isPresent() && username.equals(by) && !roles.get().contains(Role.SUPERVISOR)) {
            return new Outcome.Conflict("self", "a supervisor cannot take away their own SUPERVISOR role");
        }
        Optional<String> phone = dialString.map(PersianDigits::toAscii).map(String::strip);
        if (phone.isPresent() && !phone.get().isEmpty() && !DIAL_STRING.matcher(phone.get()).matches()) {
            return badDialString();
        }
        List<String> said = new ArrayList<>();
        String hash = before.password();
        if (password.isPresent()) {
            hash = newHashes.encode(password.get());
            said.add("گذرواژه عوض شد");
        }
        Set<Role> newRoles = roles.<Set<Role>>map(EnumSet::copyOf).orElse(before.roles());
        if (!newRoles.equals(before.roles())) {
            said.add("نقش: " + roleNames(newRoles));
        }
        Optional<String> newPhone = phone.isEmpty() ? before.dialString() : phone.filter(p -> !p.isEmpty());
        if (!newPhone.equals(before.dialString())) {
            said.add(newPhone.map(p -> "تلفن: " + p).orElse("تلفن برداشته شد"));
        }
        Optional<String> newUnit = unit.isEmpty() ? before.unit()
                : unit.map(Referral::unitName).filter(u -> !u.isEmpty());
        if (!newRoles.contains(Role.UNIT) && unit.isEmpty()) {
            // A unit goes with the role: taking the role away takes the unit too.
            newUnit = Optional.empty();
        }
        Optional<Outcome> wrongUnit = checkUnit(newRoles, newUnit);
        if (wrongUnit.isPresent()) {
            return wrongUnit.get();
        }
        if (!newUnit.equals(before.unit())) {
            said.add(newUnit.map(u -> "واحد: «" + u + "»").orElse("واحد برداشته شد"));
        }
        if (said.isEmpty()) {
            return new Outcome.Done(before);
        }
        ConsoleUser after = new ConsoleUser(username, hash, newRoles, newPhone, newUnit);
        kept.get().put(after, change(by, username, String.join("؛ ", said)));
        return new Outcome.Done(after);
    }

    public synchronized Outcome remove(String username, String by) {
        Optional<Outcome> refused = changeable(username);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (username.equals(by)) {
            return new Outcome.Conflict("self", "a supervisor cannot remove themselves");
        }
        ConsoleUser gone = kept.get().find(username).orElseThrow();
        kept.get().remove(username, change(by, username, "برداشته شد"));
        return new Outcome.Done(gone);
    }

    /** The latest changes made on screen, newest first. */
    public List<PersonChange> changes(int limit) {
        return kept.map(k -> k.changes(limit)).orElse(List.of());
    }

    private Optional<Outcome> changeable(String username) {
        if (configured.containsKey(username)) {
            return Optional.of(new Outcome.Conflict("configured", username + " is set in hotline.users; "
                    + "change them there"));
        }
        if (kept.isEmpty() || kept.get().find(username).isEmpty()) {
            return Optional.of(new Outcome.NotFound(username));
        }
        return Optional.empty();
    }

    private PersonChange change(String by, String username, String what) {
        return new PersonChange(clock.instant(), by, username, what);
    }

    private static Optional<Outcome> checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < SHORTEST_PASSWORD) {
            return Optional.of(new Outcome.Refused("password", "at least " + SHORTEST_PASSWORD + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
            return Optional.of(new Outcome.Refused("password", "at most " + LONGEST_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt reads no further)"));
        }
        return Optional.empty();
    }

    private static Optional<Outcome> checkRoles(Set<Role> roles) {
        return roles == null || roles.isEmpty()
                ? Optional.of(new Outcome.Refused("roles", "give at least one of AGENT, MODERATOR, MAYOR, SUPERVISOR, UNIT"))
                : Optional.empty();
    }

    /** A UNIT person works for one named unit and holds no other role; nobody else has a unit. */
    private static Optional<Outcome> checkUnit(Set<Role> roles, Optional<String> unit) {
        if (roles == null || !roles.contains(Role.UNIT)) {
            return unit.isPresent()
                    ? Optional.of(new Outcome.Refused("unit", "only a UNIT person works for a unit"))
                    : Optional.empty();
        }
        if (roles.size() > 1) {
            return Optional.of(new Outcome.Refused("roles", "UNIT is held alone: a unit sees only its own requests"));
        }
        if (unit.isEmpty()) {
            return Optional.of(new Outcome.Refused("unit", "is required for a UNIT person: the unit's name as "
                    + "requests are referred to it"));
        }
        if (unit.get().length() > ConsoleUser.MAX_UNIT_LENGTH) {
            return Optional.of(new Outcome.Refused("unit", "is longer than " + ConsoleUser.MAX_UNIT_LENGTH
                    + " characters"));
        }
        return Optional.empty();
    }

    private static Outcome badDialString() {
        return new Outcome.Refused("dialString", "a technology, a slash and a resource as Asterisk's Dial takes it, "
                + "e.g. PJSIP/101; no spaces or commas");
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(role -> switch (role) {
            case AGENT -> "اپراتور";
            case MODERATOR -> "گرداننده";
            case MAYOR -> "شهردار";
            case SUPERVISOR -> "سرپرست";
            case UNIT -> "واحد";
        }).collect(Collectors.joining("، "));
    }

    private static boolean isHashOrMarked(String password) {
        String hash = password.startsWith("{bcrypt}") ? password.substring("{bcrypt}".length()) : password;
        return password.startsWith("{noop}") || hash.startsWith("$2a$") || hash.startsWith("$2b$")
                || hash.startsWith("$2y$");
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
