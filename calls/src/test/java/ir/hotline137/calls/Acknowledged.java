package ir.hotline137.calls;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link CrashingWriter} said it had done, and the check that a data folder still holds all of it:
 * shared by the crash test and the durability soak, so both judge a crash the same way.
 */
public final class Acknowledged {
    private final List<TrackingCode> registered = new ArrayList<>();
    private final List<String[]> joined = new ArrayList<>();
    private final List<String[]> merged = new ArrayList<>();
    private final Set<String> calls = new HashSet<>();

    /** Takes one line of the writer's output. */
    public void read(String line) {
        String[] words = line.split(" ");
        switch (words[0]) {
            case "registered" -> registered.add(new TrackingCode(words[1]));
            case "joined" -> joined.add(new String[] {words[1], words[2]});
            case "merged" -> merged.add(new String[] {words[1], words[2]});
            case "call" -> calls.add(words[1]);
            default -> throw new IllegalArgumentException("unexpected line from the writer: " + line);
        }
    }

    /** Adds everything acknowledged here to {@code other} (a run that goes on from this one's folder). */
    public void replayInto(Acknowledged other) {
        other.registered.addAll(registered);
        other.joined.addAll(joined);
        other.merged.addAll(merged);
        other.calls.addAll(calls);
    }

    /** How many acknowledgements were read. */
    public int count() {
        return registered.size() + joined.size() + merged.size() + calls.size();
    }

    public int requests() {
        return registered.size();
    }

    /**
     * Opens the folder and lists what is wrong: an acknowledged change missing, half a merge, an index that
     * cannot be brought back to the store. Whatever opening throws is thrown.
     */
    public List<String> problems(Path data) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Desks desks = new Desks(data, Clock.systemUTC())) {
            for (TrackingCode code : registered) {
                if (desks.store.find(code).isEmpty()) {
                    problems.add("acknowledged request " + code + " is gone");
                }
            }
            for (String[] join : joined) {
                Optional<CitizenRequest> request = desks.store.find(new TrackingCode(join[0]));
                if (request.isEmpty() || request.get().supporters().stream()
                        .noneMatch(s -> s.callerNumber().equals(Optional.of(new CallerNumber(join[1]))))) {
                    problems.add("acknowledged supporter " + join[1] + " of " + join[0] + " is gone");
                }
            }
            for (String[] merge : merged) {
                Optional<CitizenRequest> duplicate = desks.store.find(new TrackingCode(merge[0]));
                if (duplicate.isEmpty() || duplicate.get().status() != RequestStatus.DUPLICATE) {
                    problems.add("acknowledged merge of " + merge[0] + " into " + merge[1] + " is gone");
                }
            }
            // Acknowledged or not, no merge may be half there: every duplicate is counted where it points.
            desks.store.forEach(request -> request.duplicateOf().ifPresent(target -> {
                Optional<CitizenRequest> into = desks.store.find(target);
                if (into.isEmpty() || into.get().history().stream()
                        .noneMatch(h -> h.what().equals(HistoryWords.mergedDuplicate(request.code())))) {
                    problems.add("half a merge: " + request.code() + " is a duplicate of " + target + ", which does not count it");
                }
            }));
            Set<String> recorded = new HashSet<>();
            for (CallRecord call : MapDbCallLog.open(desks.storage).between(Instant.EPOCH, Instant.now().plusSeconds(3600))) {
                recorded.add(call.callId());
            }
            for (String call : calls) {
                if (!recorded.contains(call)) {
                    problems.add("acknowledged call record " + call + " is gone");
                }
            }
            IndexReconciliation.reconcile(desks.store, desks.index);
            if (desks.index.size() != desks.store.count() || desks.index.revision() != desks.store.revision()) {
                problems.add("the index (" + desks.index.size() + " at " + desks.index.revision()
                        + ") does not match the store (" + desks.store.count() + " at " + desks.store.revision() + ")");
            }
        }
        return problems;
    }
}
