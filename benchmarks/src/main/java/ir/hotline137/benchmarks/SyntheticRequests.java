package ir.hotline137.benchmarks;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Open requests as the store would hold them, made directly instead of through the desk, so that a million
 * can be indexed without a million store commits. Codes are unique; districts, categories and registration
 * times are spread evenly over the 22 districts and the duplicate window.
 */
final class SyntheticRequests {
    static final int DISTRICTS = 22;
    /** The category ids of the development corpus. */
    static final List<String> CATEGORIES = List.of("lighting", "pothole", "cleaning", "vendors",
            "construction_noise", "flooding", "transit", "green_space", "stray_animals", "illegal_construction",
            "traffic", "permits", "fees", "other");
    private static final int CODE_BODIES = 9_000_000;

    private final SyntheticRequestText text;
    private final Random codes;
    private final SplittableRandom random;
    private final BitSet takenCodes = new BitSet(CODE_BODIES);
    private final Instant now;
    private final long spreadMillis;
    private long made;

    /** Registration times fall in the {@code spread} before {@code now}, never on its edges. */
    SyntheticRequests(SyntheticRequestText text, long seed, Instant now, Duration spread) {
        this.text = text;
        this.codes = new Random(seed);
        this.random = new SplittableRandom(seed);
        this.now = now;
        this.spreadMillis = spread.toMillis() - 120_000;
    }

    CitizenRequest next() {
        if (made >= CODE_BODIES / 2) {
            // past half the code space the rejection loop slows down and the desk itself would be near its limit
            throw new IllegalStateException("too many requests for the 8-digit code space");
        }
        made++;
        Instant created = now.minusMillis(60_000 + (long) (random.nextDouble() * spreadMillis));
        return new CitizenRequest(freshCode(), made, made, created, Optional.empty(), 1 + random.nextInt(DISTRICTS),
                CATEGORIES.get(random.nextInt(CATEGORIES.size())), text.next(random), RequestSource.IVR_SPEECH,
                Optional.empty(), RequestStatus.REGISTERED,
                List.of(new HistoryEntry(created, "ivr", "registered (ivr_speech)")), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    private TrackingCode freshCode() {
        while (true) {
            TrackingCode code = TrackingCode.random(codes);
            int body = Integer.parseInt(code.value(), 0, TrackingCode.LENGTH - 1, 10) - 1_000_000;
            if (!takenCodes.get(body)) {
                takenCodes.set(body);
                return code;
            }
        }
    }
}
