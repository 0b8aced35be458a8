package ir.hotline137.console.recordings;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.units.UnitScope;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCallView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A request's recording (the caller's description, the message left for a callback, the mayor's conversation a
 * directive came from), for the browser's audio element: found by the request's code, never by a path the client
 * names, and served with range requests so the player can seek (206). Every role of the console may hear it.
 *
 * <p>Each time someone starts listening (a request from the beginning of the file, not the player's seeking) is
 * written into the request's history, once per person and request in {@value #LISTENING_MINUTES} minutes, so a
 * player's many small requests do not fill the history.
 */
@RestController
public class RecordingsApi {
    static final int LISTENING_MINUTES = 10;
    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final RequestDesk desk;
    private final UnitScope scope;
    private final Switchboard switchboard;
    private final Clock clock;
    private final Map<String, Instant> lastNoted = new ConcurrentHashMap<>();

    public RecordingsApi(RequestDesk desk, Switchboard switchboard, UnitScope scope, Clock clock) {
        this.desk = desk;
        this.switchboard = switchboard;
        this.scope = scope;
        this.clock = clock;
    }

    /** Where a screen plays a request's recording. */
    public static String url(TrackingCode code) {
        return "/api/requests/" + code.value() + "/recording";
    }

    @GetMapping("/api/requests/{code}/recording")
    public Mono<ResponseEntity<Resource>> recording(@PathVariable String code,
                                                    @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                                                    Principal listener) {
        if (!TrackingCode.isValid(code)) {
            return Mono.error(new ApiProblem.BadField("code", "a tracking code is " + TrackingCode.LENGTH
                    + " digits with a valid check digit"));
        }
        TrackingCode wanted = TrackingCode.parse(code);
        return Mono.fromCallable(() -> {
            // A unit hears only the citizens whose requests are referred to it.
            desk.find(wanted).ifPresent(request -> scope.visible(listener, request));
            return serve(wanted, range, listener.getName());
        })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * What the caller on the switchboard said, while their call is there (waiting, or taken and on the call card):
     * the agent hears it before a request exists, so nothing is written into a history.
     */
    @GetMapping("/api/calls/{id}/recording")
    public Mono<ResponseEntity<Resource>> callRecording(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            WaitingCallView call = switchboard.call(new CallId(id))
                    .orElseThrow(() -> new ApiProblem.NotFound("id", "no call " + id + " on the switchboard"));
            Path file = call.info().recording().map(Path::of)
                    .orElseThrow(() -> new ApiProblem.NotFound("recording", "call " + id + " has no recording"));
            return audio(file, "call " + id);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<Resource> serve(TrackingCode code, String range, String listener) {
        CitizenRequest request = desk.find(code)
                .orElseThrow(() -> new ApiProblem.NotFound("code", "no request " + code.value()));
        Path file = request.audioReference().map(Path::of)
                .orElseThrow(() -> new ApiProblem.NotFound("recording", "request " + code.value() + " has no recording"));
        ResponseEntity<Resource> audio = audio(file, "request " + code.value());
        if (startsListening(range)) {
            noteListening(code, listener);
        }
        return audio;
    }

    /** Spring answers a Range header on a Resource itself: 206 with Content-Range, or 416. */
    private static ResponseEntity<Resource> audio(Path file, String whose) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ApiProblem.NotFound("recording", "the recording of " + whose + " is not on this server any more");
        }
        return ResponseEntity.ok().contentType(WAV).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(file));
    }

    /** No range, or one from the first byte: a player starting, not seeking. */
    private static boolean startsListening(String range) {
        if (range == null) {
            return true;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(range);
            return ranges.size() == 1 && ranges.getFirst().toString().startsWith("0-");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private void noteListening(TrackingCode code, String listener) {
        Instant now = clock.instant();
        Duration quiet = Duration.ofMinutes(LISTENING_MINUTES);
        boolean[] first = new boolean[1];
        // One decision per person and request at a time: two requests at once write one line, not two.
        lastNoted.compute(listener + " " + code.value(), (key, before) -> {
            first[0] = before == null || !before.plus(quiet).isAfter(now);
            return first[0] ? now : before;
        });
        if (first[0]) {
            lastNoted.values().removeIf(at -> at.plus(quiet).isBefore(now));
            desk.listened(code, listener);
        }
    }
}
