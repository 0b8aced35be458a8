package ir.hotline137.console.mayor;

import ir.hotline137.mayor.file.CallerFile;
import ir.hotline137.mayor.file.CallerFiles;
import ir.hotline137.mayor.line.MayorCallerView;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorLineEvent;
import ir.hotline137.mayor.line.MayorLineListener;
import ir.hotline137.mayor.line.MayorSession;
import ir.hotline137.mayor.log.Directive;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionRecord;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mayor's line as the moderator's and the mayor's screens see it: after every change the whole
 * {@link LineState}, as JSON, to every open screen.
 *
 * <p>Each screen gets the latest state when it connects and every later one it can keep up with; a slow
 * screen skips to the newest, which loses nothing, since each state is the whole line. The states are made on
 * a thread of their own, because the line's listeners run on callers' call threads and looking up a caller's
 * earlier requests reads the store.
 */
public final class MayorBoard implements MayorLineListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MayorBoard.class);
    /** Enough earlier requests to see a pattern; the request pages have the rest. */
    static final int EARLIER_REQUESTS = 5;
    /** Earlier programme calls shown in a caller's file. */
    static final int EARLIER_PROGRAMME_CALLS = 5;

    private final MayorLine line;
    private final RequestDesk desk;
    private final MayorSessionLog sessions;
    private final CallerFiles files;
    private final JsonMapper json;
    private final Clock clock;
    /**
     * The earlier requests of each caller of the open session, looked up once, keyed by call and the number looked
     * up, so a number typed for a withheld caller is looked up afresh whatever thread asks first.
     */
    private final Map<String, List<LineCaller.EarlierRequest>> earlier = new ConcurrentHashMap<>();
    /** The same for their calls to earlier programmes. */
    private final Map<String, List<LineCaller.EarlierProgrammeCall>> earlierCalls = new ConcurrentHashMap<>();
    private final Sinks.Many<String> states = Sinks.many().replay().latest();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mayor-board").daemon().factory());
    private final Subscription subscription;

    public MayorBoard(MayorLine line, RequestDesk desk, MayorSessionLog sessions, CallerFiles files,
                      JsonMapper json, Clock clock) {
        this.line = line;
        this.desk = desk;
        this.sessions = sessions;
        this.files = files;
        this.json = json;
        this.clock = clock;
        this.subscription = line.subscribe(this);
        changed();
    }

    /** The latest state, then every later one, as JSON text; a slow reader skips to the newest. */
    public Flux<String> states() {
        return states.asFlux().onBackpressureLatest();
    }

    /** The line now. */
    public LineState state() {
        Optional<MayorSession> session = line.current();
        List<MayorCallerView> callers = line.callers();
        Map<String, List<String>> directives = session
                .map(s -> sessions.directives(s.id()).stream().collect(Collectors.groupingBy(Directive::callId,
                        Collectors.mapping(d -> d.request().value(), Collectors.toList()))))
                .orElse(Map.of());
        Instant now = clock.instant();
        Optional<CallId> next = line.designatedNext();
        return new LineState(now, session.map(LineState.SessionView::of).orElse(null),
                callers.stream().map(c -> caller(c, directives.getOrDefault(c.id().value(), List.of()), next))
                        .toList(),
                messages());
    }

    /**
     * Says something to the other side of the programme: it goes on the line, so every screen on every node shows it
     * (the line's event makes the next state).
     *
     * @throws IllegalStateException if no programme is open
     */
    public LineState.LineMessage say(String from, String text) {
        return LineState.LineMessage.of(line.say(from, text));
    }

    /**
     * The number a caller with a withheld one told the moderator: their file, earlier requests and programme calls
     * are looked up by it from now on, on every node's screens (it goes on the line, whose event makes the next
     * state).
     */
    public void numberTyped(CallId id, String digits) {
        line.giveNumber(id, digits);
    }

    /**
     * A caller file was written: every screen, on every node, reads its callers' flags again (the line says so to every
     * node, whose event makes the next state; outside a programme this screen is told alone).
     */
    public void fileWritten(String number) {
        if (line.current().isPresent()) {
            line.callerFileChanged(number);
        } else {
            changed();
        }
    }

    private List<LineState.LineMessage> messages() {
        return line.messages().stream().map(LineState.LineMessage::of).toList();
    }

    /** One caller of the open session as the screens show them, without making the whole line. */
    public Optional<LineCaller> caller(CallId id) {
        return line.caller(id).map(view -> caller(view, sessions.directives(view.sessionId()).stream()
                .filter(d -> d.callId().equals(id.value())).map(d -> d.request().value()).toList(),
                line.designatedNext()));
    }

    /** Something the line does not announce changed (a directive was written): the screens are told. */
    public void changed() {
        publisher.execute(this::publish);
    }

    @Override
    public void on(MayorLineEvent event) {
        publisher.execute(() -> {
            if (event instanceof MayorLineEvent.SessionOpened || event instanceof MayorLineEvent.SessionClosed) {
                earlier.clear();
                earlierCalls.clear();
            }
            publish();
        });
    }

    private void publish() {
        try {
            Sinks.EmitResult result = states.tryEmitNext(json.writeValueAsString(state()));
            if (result.isFailure()) {
                log.warn("mayor board not updated: {}", result);
            }
        } catch (RuntimeException e) {
            log.error("mayor board not updated", e);
        }
    }

    private LineCaller caller(MayorCallerView view, List<String> directives, Optional<CallId> next) {
        Optional<Integer> district = view.topic().district();
        Optional<String> given = view.topic().callerNumber().isPresent() ? Optional.empty()
                : line.givenNumber(view.id());
        Optional<String> number = view.topic().callerNumber().or(() -> given);
        Optional<CallerFile> file = number.flatMap(files::find);
        return new LineCaller(view.id().value(), view.state().name(), view.position(), view.joinedAt(),
                view.waited().toSeconds(), number.orElse(null), district.orElse(null),
                district.map(d -> desk.districts().get(d)).map(District::name).orElse(null),
                view.topic().transcript().orElse(null), view.topic().recording().isPresent(), view.notes(),
                view.decidedBy().orElse(null), view.onAirAt().orElse(null), view.endedAt().orElse(null),
                view.mayor().orElse(null), view.conversationRecording().isPresent(),
                earlier.computeIfAbsent(cacheKey(view, number), key -> earlierRequests(view, number)), directives,
                given.isPresent(),
                next.filter(view.id()::equals).isPresent(),
                line.estimatedWait(view.id()).map(Duration::toSeconds).orElse(null),
                file.map(f -> f.flags().stream().map(Enum::name).toList()).orElse(List.of()),
                file.map(CallerFile::note).filter(n -> !n.isBlank()).orElse(null),
                earlierCalls.computeIfAbsent(cacheKey(view, number), key -> earlierProgrammeCalls(view, number)));
    }

    private static String cacheKey(MayorCallerView view, Optional<String> number) {
        return view.id().value() + "|" + number.orElse("");
    }

    private List<LineCaller.EarlierProgrammeCall> earlierProgrammeCalls(MayorCallerView view, Optional<String> number) {
        if (number.isEmpty()) {
            return List.of();
        }
        return sessions.callsFrom(number.get(), EARLIER_PROGRAMME_CALLS + 1).stream()
                .filter(call -> !call.callId().equals(view.id().value()))
                .limit(EARLIER_PROGRAMME_CALLS)
                .map(call -> new LineCaller.EarlierProgrammeCall(call.joinedAt(),
                        sessions.session(call.sessionId()).map(SessionRecord::title).orElse(""), call.state().name()))
                .toList();
    }

    private List<LineCaller.EarlierRequest> earlierRequests(MayorCallerView view, Optional<String> number) {
        if (number.isEmpty()) {
            return List.of();
        }
        try {
            return desk.findByCaller(number.get(), EARLIER_REQUESTS + 5).stream()
                    .filter(r -> r.createdAt().isBefore(view.joinedAt()))
                    .sorted(Comparator.comparing(CitizenRequest::createdAt).reversed())
                    .limit(EARLIER_REQUESTS)
                    .map(LineCaller.EarlierRequest::of)
                    .toList();
        } catch (RuntimeException unreadable) {
            // A withheld or odd number is no reason to keep the caller off the screens.
            return List.of();
        }
    }

    @Override
    public void close() {
        subscription.close();
        publisher.shutdown();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
