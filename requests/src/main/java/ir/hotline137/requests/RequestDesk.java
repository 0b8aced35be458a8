package ir.hotline137.requests;

import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.duplicates.DuplicateQuery;
import ir.hotline137.requests.location.Location;
import ir.hotline137.requests.store.Page;
import ir.hotline137.requests.store.RequestFilter;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place requests are registered and changed: it checks the input, draws the tracking code,
 * commits to the store and only then updates the duplicate index. Whatever the IVR, an agent or the API
 * does to a request goes through here, so the lifecycle and the history are kept the same way for all.
 */
public final class RequestDesk {
    public static final int MAX_DESCRIPTION_LENGTH = 4_000;
    /**
     * The longest free-text search: words come in the address, where a Persian letter takes six bytes and the
     * server's request line ends at 4 KB; 200 letters fit with room for the other filters.
     */
    public static final int MAX_SEARCH_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);
    private static final int CODE_ATTEMPTS = 50;
    /**
     * How many of the best text matches a search looks at. Past a few hundred the words are too common to
     * tell requests apart; narrowing by district, category or status serves the agent better than paging on.
     */
    static final int TEXT_SEARCH_CAP = 500;

    private final RequestStore store;
    private final DuplicateIndex index;
    private final CategorySuggester suggester;
    private final Map<Integer, District> districts = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Clock clock;
    private final RandomGenerator random;
    /** The requests changed inside {@link #together}, indexed once it has committed. */
    private final ThreadLocal<List<CitizenRequest>> deferredIndexing = new ThreadLocal<>();

    public RequestDesk(RequestStore store, DuplicateIndex index, List<District> districts, List<Category> categories,
                       CategorySuggester suggester, Clock clock, RandomGenerator random) {
        this.store = store;
        this.index = index;
        this.suggester = suggester;
        this.clock = clock;
        this.random = random;
        districts.forEach(d -> this.districts.put(d.number(), d));
        categories.forEach(c -> this.categories.put(c.id(), c));
    }

    /**
     * Registers a request and returns it once it is durably stored; only then may its code be given out.
     *
     * @throws InvalidRequestException naming the field at fault; nothing is written
     */
    public CitizenRequest register(NewRequest input) {
        String description = checkedDescription(input.description());
        checkDistrict(input.district());
        Optional<CallerNumber> caller = input.callerNumber().filter(s -> !s.isBlank()).map(CallerNumber::parse);
        String category = input.category().filter(s -> !s.isBlank()).map(this::checkedCategory)
                .orElseGet(() -> suggester.suggest(description));
        String actor = checkedActor(input.actor());
        Instant now = clock.instant();
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(now, actor, HistoryWords.registered(input.source())));
        input.note().map(note -> readable(note).strip()).filter(s -> !s.isEmpty())
                .ifPresent(note -> history.add(new HistoryEntry(now, actor, note)));
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            TrackingCode code = TrackingCode.random(random);
            if (store.contains(code)) {
                continue;
            }
            CitizenRequest request = new CitizenRequest(code, 0, 0, now, caller, input.district(), category,
                    description, input.source(), input.audioReference().filter(s -> !s.isBlank()),
                    RequestStatus.REGISTERED, history, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Optional.empty(), input.location());
            try {
                return indexed(store.insert(request));
            } catch (RequestStore.CodeTakenException raced) {
                // another writer drew the same code between our check and our insert: draw again
            }
        }
        throw new IllegalStateException("no free tracking code after " + CODE_ATTEMPTS + " draws: the code space is nearly full");
    }

    /** Open requests of the district that are probably the same problem, best first. */
    public List<DuplicateCandidate> findDuplicates(int district, Optional<String> category, String description) {
        checkDistrict(district);
        String text = checkedDescription(description);
        return index.findDuplicates(new DuplicateQuery(district, category.filter(s -> !s.isBlank()), text, clock.instant()));
    }

    /**
     * Adds a caller as a supporter of an existing open request instead of registering another.
     *
     * @throws RequestNotOpenException if it was closed or merged since the caller heard about it
     */
    public CitizenRequest join(TrackingCode code, Optional<String> callerNumber, String actor) {
        Optional<CallerNumber> caller = callerNumber.filter(s -> !s.isBlank()).map(CallerNumber::parse);
        String who = checkedActor(actor);
        return indexed(store.update(code, current -> {
            if (!current.isOpen()) {
                throw new RequestNotOpenException(code, current.status());
            }
            Instant now = clock.instant();
            return current.withSupporter(new Supporter(caller, now), new HistoryEntry(now, who,
                    HistoryWords.supporterJoined(caller)));
        }));
    }

    /** Moves a request along its lifecycle; {@code result} is what the caller will hear, if any. */
    public CitizenRequest changeStatus(TrackingCode code, RequestStatus target, String actor, Optional<String> result) {
        return changeStatus(code, target, actor, result, ANYONE);
    }

    CitizenRequest changeStatus(TrackingCode code, RequestStatus target, String actor, Optional<String> result,
                                Predicate<CitizenRequest> mayAct) {
        String who = checkedActor(actor);
        return indexed(store.update(code, current -> {
            allowed(current, mayAct);
            if (!current.status().canBecome(target)) {
                throw new IllegalTransitionException(code, current.status(), target);
            }
            Optional<String> given = result.map(r -> readable(r).strip()).filter(s -> !s.isEmpty());
            Optional<String> newResult = given.or(current::result);
            String what = HistoryWords.statusChanged(current.status(), target, given);
            return current.withStatus(target, new HistoryEntry(clock.instant(), who, what), current.duplicateOf(),
                    current.referral(), newResult);
        }));
    }

    /**
     * Puts an open request under another category: a message the IVR could not read, or a caller's words the
     * suggester misjudged, is set right by the agent who listened. The same category again changes nothing.
     *
     * @throws RequestNotOpenException if it was closed or merged meanwhile: its figures are final
     */
    public CitizenRequest recategorize(TrackingCode code, String category, String actor) {
        String target = checkedCategory(category == null ? "" : category.strip());
        String who = checkedActor(actor);
        Optional<CitizenRequest> now = store.find(code);
        if (now.isPresent() && now.get().isOpen() && now.get().category().equals(target)) {
            // Nothing to change, so nothing written: a new revision would tell the index something changed.
            return now.get();
        }
        return indexed(store.update(code, current -> {
            if (!current.isOpen()) {
                throw new RequestNotOpenException(code, current.status());
            }
            if (current.category().equals(target)) {
                return current;
            }
            String what = HistoryWords.recategorized(labelOf(current.category()), labelOf(target));
            return current.withCategory(target, new HistoryEntry(clock.instant(), who, what));
        }));
    }

    private String labelOf(String category) {
        Category known = categories.get(category);
        return known == null ? category : known.label();
    }

    /** Refers a request to a unit with a deadline: the category's default unit and days when not given. */
    public CitizenRequest refer(TrackingCode code, Optional<String> unit, Optional<String> assignee,
                                Optional<LocalDate> deadline, String actor) {
        String who = checkedActor(actor);
        return indexed(store.update(code, current -> {
            if (!current.status().canBecome(RequestStatus.REFERRED)) {
                throw new IllegalTransitionException(code, current.status(), RequestStatus.REFERRED);
            }
            Category category = categories.get(current.category());
            String toUnit = unit.map(Referral::unitName).filter(s -> !s.isBlank())
                    .or(() -> Optional.ofNullable(category).map(Category::referralUnit).filter(s -> !s.isBlank()))
                    .orElseThrow(() -> new InvalidRequestException("referral.unit", "is empty and category '"
                            + current.category() + "' has no default unit"));
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
            LocalDate by = deadline.orElseGet(() -> today.plusDays(category == null ? 7 : category.deadlineDays()));
            if (by.isBefore(today)) {
                throw new InvalidRequestException("referral.deadline", by + " is in the past");
            }
            Referral referral = Referral.made(toUnit, assignee.filter(s -> !s.isBlank()).orElse(null), by,
                    clock.instant());
            return current.withStatus(RequestStatus.REFERRED, new HistoryEntry(clock.instant(), who,
                    HistoryWords.referred(toUnit, assignee.filter(s -> !s.isBlank()), by)), current.duplicateOf(),
                    Optional.of(referral), current.result());
        }));
    }

    /**
     * The unit's result: from REFERRED or IN_PROGRESS the request is RESOLVED with these words, which the citizen
     * is told. Work not yet marked begun counts as begun now.
     *
     * @throws IllegalTransitionException from any other status
     */
    public CitizenRequest giveResult(TrackingCode code, String result, String actor) {
        return giveResult(code, result, actor, ANYONE);
    }

    CitizenRequest giveResult(TrackingCode code, String result, String actor, Predicate<CitizenRequest> mayAct) {
        String words = result == null ? "" : readable(result).strip();
        if (words.isEmpty()) {
            throw new InvalidRequestException("result", "is empty");
        }
        if (words.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidRequestException("result", "is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        String who = checkedActor(actor);
        return indexed(store.update(code, current -> {
            allowed(current, mayAct);
            if (current.status() != RequestStatus.REFERRED && current.status() != RequestStatus.IN_PROGRESS) {
                throw new IllegalTransitionException(code, current.status(), RequestStatus.RESOLVED);
            }
            HistoryEntry entry = new HistoryEntry(clock.instant(), who,
                    HistoryWords.statusChanged(current.status(), RequestStatus.RESOLVED, Optional.of(words)));
            return current.withStatus(RequestStatus.RESOLVED, entry, current.duplicateOf(), current.referral(),
                    Optional.of(words));
        }));
    }

    /**
     * The unit says the request is not theirs: it goes back to the 137 centre (REGISTERED, no referral) with the
     * reason in its history, to be referred again.
     *
     * @throws IllegalTransitionException unless it is referred to a unit and not yet resolved
     */
    public CitizenRequest sendBack(TrackingCode code, String reason, String actor) {
        return sendBack(code, reason, actor, ANYONE);
    }

    CitizenRequest sendBack(TrackingCode code, String reason, String actor, Predicate<CitizenRequest> mayAct) {
        String why = reason == null ? "" : readable(reason).strip();
        if (why.isEmpty()) {
            throw new InvalidRequestException("reason", "is empty: say why it is not the unit's");
        }
        String who = checkedActor(actor);
        return indexed(store.update(code, current -> {
            allowed(current, mayAct);
            if (current.referral().isEmpty() || (current.status() != RequestStatus.REFERRED
                    && current.status() != RequestStatus.IN_PROGRESS)) {
                throw new IllegalTransitionException(code, current.status(), RequestStatus.REGISTERED);
            }
            return current.sentBack(new HistoryEntry(clock.instant(), who,
                    HistoryWords.sentBack(current.referral().get().unit(), why)));
        }));
    }

    /**
     * What the citizen answered when told the result. "Not fixed" on a resolved request sends it back to its unit
     * (IN_PROGRESS), counted as reopened, with the citizen's words, if any, in its history.
     */
    public CitizenRequest answered(TrackingCode code, Satisfaction answer, Optional<String> words, String actor) {
        String who = checkedActor(actor);
        Optional<String> said = words.map(w -> readable(w).strip()).filter(w -> !w.isEmpty());
        return indexed(store.update(code, current -> {
            HistoryEntry scored = new HistoryEntry(answer.at(), who, HistoryWords.satisfaction(answer));
            boolean notFixed = answer.fixed().filter(fixed -> !fixed).isPresent();
            if (notFixed && current.status() == RequestStatus.RESOLVED && current.referral().isPresent()) {
                Referral was = current.referral().get();
                // The same time as before, from now: a reopened request is not born overdue.
                LocalDate given = LocalDate.ofInstant(was.referredAt(), zone());
                long days = Math.max(1, ChronoUnit.DAYS.between(given, was.deadline()));
                Referral again = new Referral(was.unit(), was.assignee(),
                        LocalDate.ofInstant(answer.at(), zone()).plusDays(days), answer.at(), Optional.of(answer.at()));
                CitizenRequest scoredOnly = current.withSatisfaction(answer, scored);
                return scoredOnly.reopenedBy(answer, again, new HistoryEntry(answer.at(), who,
                        HistoryWords.reopened(was.unit(), said)));
            }
            return current.withSatisfaction(answer, scored);
        }));
    }

    /** Merges a request into another one about the same problem: its caller becomes a supporter there. */
    public CitizenRequest markDuplicate(TrackingCode code, TrackingCode of, String actor) {
        String who = checkedActor(actor);
        if (code.equals(of)) {
            throw new InvalidRequestException("duplicateOf", "a request cannot duplicate itself");
        }
        // One commit for both: a crash never leaves a request marked duplicate of one that does not count it.
        List<CitizenRequest> both = store.updateTogether(List.of(code, of), current -> {
            CitizenRequest duplicate = current.get(0);
            CitizenRequest target = current.get(1);
            if (!target.isOpen()) {
                throw new InvalidRequestException("duplicateOf", "request " + of + " is " + target.status() + ", not open");
            }
            if (!duplicate.status().canBecome(RequestStatus.DUPLICATE)) {
                throw new IllegalTransitionException(code, duplicate.status(), RequestStatus.DUPLICATE);
            }
            Instant now = clock.instant();
            return List.of(
                    duplicate.withStatus(RequestStatus.DUPLICATE, new HistoryEntry(now, who, HistoryWords.duplicateOf(of)),
                            Optional.of(of), duplicate.referral(), duplicate.result()),
                    target.withSupporter(new Supporter(duplicate.callerNumber(), now),
                            new HistoryEntry(now, who, HistoryWords.mergedDuplicate(code))));
        });
        indexed(both.get(1));
        return indexed(both.get(0));
    }

    /**
     * Runs several changes — to requests through this desk, and to the other logs of the same data folder —
     * as one commit: all of them are kept, or (if {@code changes} throws) none. The duplicate index hears of
     * the changed requests once they are committed.
     */
    public <T> T together(Supplier<T> changes) {
        List<CitizenRequest> outer = deferredIndexing.get();
        if (outer != null) {
            return changes.get();
        }
        List<CitizenRequest> changed = new ArrayList<>();
        deferredIndexing.set(changed);
        T result;
        try {
            result = store.together(changes);
        } finally {
            deferredIndexing.remove();
        }
        changed.forEach(this::indexed);
        return result;
    }

    /** Notes in the history that someone heard the request's recording. */
    public CitizenRequest listened(TrackingCode code, String actor) {
        String who = checkedActor(actor);
        return store.update(code, current -> current.withNote(new HistoryEntry(clock.instant(), who,
                HistoryWords.listened())));
    }

    /** Says where the problem is (an agent who asked the caller; a correction); the history keeps each. */
    public CitizenRequest locate(TrackingCode code, Location at, String actor) {
        String who = checkedActor(actor);
        return store.update(code, current -> current.locatedAt(at, new HistoryEntry(clock.instant(), who,
                HistoryWords.located(at))));
    }

    /** Adds a free-text note to the history. */
    public CitizenRequest addNote(TrackingCode code, String note, String actor) {
        return addNote(code, note, actor, ANYONE);
    }

    CitizenRequest addNote(TrackingCode code, String note, String actor, Predicate<CitizenRequest> mayAct) {
        String who = checkedActor(actor);
        String text = note == null ? "" : readable(note).strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("note", "is empty");
        }
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidRequestException("note", "is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return store.update(code, current -> {
            allowed(current, mayAct);
            return current.withNote(new HistoryEntry(clock.instant(), who, text));
        });
    }

    /**
     * The desk as a unit uses it: it acts only on requests referred to that unit at the moment of the change (checked
     * in the same write, so a request sent back and referred elsewhere meanwhile is not the unit's), and any other is
     * not found, as if it did not exist.
     */
    public UnitDesk forUnit(String unit) {
        return new UnitDesk(this, Referral.unitName(unit));
    }

    private static final Predicate<CitizenRequest> ANYONE = request -> true;

    private static void allowed(CitizenRequest current, Predicate<CitizenRequest> mayAct) {
        if (!mayAct.test(current)) {
            throw new RequestNotFoundException(current.code());
        }
    }

    public Optional<CitizenRequest> find(TrackingCode code) {
        return store.find(code);
    }

    public List<CitizenRequest> findByCaller(String callerNumber, int limit) {
        return store.findByCaller(CallerNumber.parse(callerNumber), limit);
    }

    /** The open requests referred to this unit, in registration order. */
    public List<CitizenRequest> waitingOn(String unit) {
        String name = Referral.unitName(unit);
        // The index names a request's latest version, which may have moved on since: checked here.
        return store.waitingOn(name).stream()
                .filter(r -> r.isOpen() && r.referral().map(Referral::unit).filter(name::equals).isPresent())
                .toList();
    }

    /** Every open request referred to a unit: the follow-up office's whole list. */
    public List<CitizenRequest> waitingOnAnyUnit() {
        return store.waitingOnAnyUnit().stream().filter(r -> r.isOpen() && r.referral().isPresent()).toList();
    }

    public Page<CitizenRequest> search(RequestFilter filter, int page, int size) {
        filter.district().ifPresent(this::checkDistrict);
        filter.category().ifPresent(this::checkedCategory);
        return store.search(filter, page, size);
    }

    /**
     * Requests whose description has these words, most relevant first, open or closed: how an agent finds
     * a request when the caller has no code. Spelling variants meet (ZWNJ, Arabic letters, plurals). Only
     * the best {@value #TEXT_SEARCH_CAP} matches are listed; the filter's status is applied to those.
     *
     * @param page 0-based
     * @throws InvalidRequestException naming "q" for an empty text, or the filter's field at fault
     */
    public Page<CitizenRequest> searchText(String text, RequestFilter filter, int page, int size) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("q", "is empty");
        }
        if (text.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidRequestException("q", "is " + text.length() + " characters long; at most "
                    + MAX_SEARCH_LENGTH + " are searched for");
        }
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        filter.district().ifPresent(this::checkDistrict);
        filter.category().ifPresent(this::checkedCategory);
        List<TrackingCode> ranked = index.searchText(text.strip(), filter.district(), filter.category(), TEXT_SEARCH_CAP);
        long skip = (long) page * size;
        List<CitizenRequest> items = new ArrayList<>(Math.min(size, ranked.size()));
        boolean hasNext = false;
        for (TrackingCode code : ranked) {
            // The index is derived and can be behind the store (a failed index write waits for the next
            // start-up), so the stored version decides, and a code the store does not know is passed over.
            Optional<CitizenRequest> stored = store.find(code).filter(filter::matches);
            if (stored.isEmpty()) {
                continue;
            }
            if (skip > 0) {
                skip--;
            } else if (items.size() < size) {
                items.add(stored.get());
            } else {
                hasNext = true;
                break;
            }
        }
        return new Page<>(items, page, size, hasNext);
    }

    public String suggestCategory(String description) {
        return suggester.suggest(description);
    }

    public Map<Integer, District> districts() {
        return Map.copyOf(districts);
    }

    public Map<String, Category> categories() {
        return Map.copyOf(categories);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The store has committed; a failure of the derived index must not undo that (start-up catches up). */
    private CitizenRequest indexed(CitizenRequest stored) {
        List<CitizenRequest> deferred = deferredIndexing.get();
        if (deferred != null) {
            // inside together(): committed only when it returns, and indexed then
            deferred.add(stored);
            return stored;
        }
        try {
            index.index(stored);
        } catch (RuntimeException e) {
            log.error("request {} is stored but could not be indexed; the index catches up at next start", stored.code(), e);
        }
        return stored;
    }

    private static String checkedDescription(String description) {
        String text = description == null ? "" : readable(description).strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("description", "is empty");
        }
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidRequestException("description", "is " + text.length() + " characters long; at most "
                    + MAX_DESCRIPTION_LENGTH + " are accepted");
        }
        return text;
    }

    /**
     * Text as people can read it wherever it is shown: control characters (a terminal's escapes, a NUL) and the
     * bidirectional overrides that would make a line read backwards on an agent's screen are dropped; line breaks
     * and tabs stay, and so do the joiners Persian writing needs (ZWNJ).
     */
    public static String readable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (c == '\n' || c == '\t'
                    || !(Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void checkDistrict(int district) {
        if (!districts.containsKey(district)) {
            throw new InvalidRequestException("district", district + " is not a configured district (configured: "
                    + districts.keySet() + ")");
        }
    }

    private String checkedCategory(String category) {
        if (!categories.containsKey(category)) {
            throw new InvalidRequestException("category", "'" + category + "' is not a configured category (configured: "
                    + categories.keySet() + ")");
        }
        return category;
    }

    private static String checkedActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidRequestException("actor", "is empty");
        }
        return actor.strip();
    }
}
