package ir.hotline137.ivr.call;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything known about one call while it lasts: who called, what they chose and said, what was done.
 * It is what an agent receives if the call is escalated, what is saved if the caller hangs up half-way,
 * and what the call record is made of. Only the call's own thread touches it.
 */
public final class ActiveCall {
    private final String id;
    private final Optional<CallerNumber> caller;
    private final Instant startedAt;
    private final List<String> path = new ArrayList<>();
    private Optional<Integer> district = Optional.empty();
    private Optional<CapturedSpeech> description = Optional.empty();
    private List<DuplicateCandidate> duplicates = List.of();
    private Optional<TrackingCode> request = Optional.empty();
    private Optional<Duration> waited = Optional.empty();
    private Optional<String> agent = Optional.empty();
    private Optional<Path> recording = Optional.empty();
    private CallOutcome outcomeIfHungUp = CallOutcome.HUNG_UP;

    public ActiveCall(String id, String callerId, Instant startedAt) {
        this.id = id;
        this.caller = callerNumber(callerId);
        this.startedAt = startedAt;
    }

    /** Asterisk sends "unknown", "anonymous" or nothing for a withheld number; those are simply absent. */
    private static Optional<CallerNumber> callerNumber(String callerId) {
        if (callerId == null || callerId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CallerNumber.parse(callerId));
        } catch (InvalidRequestException notANumber) {
            return Optional.empty();
        }
    }

    public String id() {
        return id;
    }

    public Optional<CallerNumber> caller() {
        return caller;
    }

    public Optional<String> callerDigits() {
        return caller.map(CallerNumber::digits);
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Notes a step of the caller's way through the menus, e.g. "menu:1" or "district:5". */
    public void step(String step) {
        path.add(step);
    }

    public List<String> path() {
        return List.copyOf(path);
    }

    public Optional<Integer> district() {
        return district;
    }

    public void district(int number) {
        district = Optional.of(number);
    }

    public Optional<CapturedSpeech> description() {
        return description;
    }

    public void description(CapturedSpeech speech) {
        description = Optional.of(speech);
        speech.recording().ifPresent(this::recording);
    }

    public Optional<String> transcript() {
        return description.flatMap(d -> d instanceof CapturedSpeech.Transcribed t ? Optional.of(t.text()) : Optional.empty());
    }

    public List<DuplicateCandidate> duplicates() {
        return duplicates;
    }

    public void duplicates(List<DuplicateCandidate> found) {
        duplicates = List.copyOf(found);
    }

    public Optional<TrackingCode> request() {
        return request;
    }

    /** The request this call registered, joined or asked about. */
    public void request(TrackingCode code) {
        request = Optional.of(code);
    }

    public Optional<Path> recording() {
        return recording;
    }

    public void recording(Path file) {
        recording = Optional.of(file);
    }

    public void waited(Duration time) {
        waited = Optional.of(time);
    }

    public void answeredBy(String username) {
        agent = Optional.of(username);
    }

    /** What the call has achieved should the caller hang up from now on. */
    public void settle(CallOutcome outcome) {
        outcomeIfHungUp = outcome;
    }

    public CallOutcome outcomeIfHungUp() {
        return outcomeIfHungUp;
    }

    public CallRecord toRecord(CallOutcome outcome, Instant endedAt) {
        return new CallRecord(id, caller, startedAt, endedAt.isBefore(startedAt) ? startedAt : endedAt, path(),
                outcome, request, waited, agent, recording.map(Path::toString));
    }
}
