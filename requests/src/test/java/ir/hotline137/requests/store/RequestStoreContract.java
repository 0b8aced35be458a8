package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of requests promises, asked of each: the embedded one and PostgreSQL's. A store opened again on
 * the same data has what was written; a change that throws writes nothing; revisions come in the order changes
 * commit; each listing finds what it should, in its order.
 */
abstract class RequestStoreContract {
    private static final Instant AT = Instant.parse("2026-12-05T06:30:00Z");
    private final Random random = new Random(11);
    private RequestStore store;

    /** A store on fresh data. */
    abstract RequestStore open() throws Exception;

    /** The same data opened again (the store before it is closed). */
    abstract RequestStore reopen() throws Exception;

    abstract void release() throws Exception;

    @BeforeEach
    void start() throws Exception {
        store = open();
    }

    @AfterEach
    void stop() throws Exception {
        release();
    }

    @Test
    void insertedRequestsAreStampedInOrderAndKeptAcrossAReopen() throws Exception {
        CitizenRequest first = store.insert(request("09121110001", 6, "lighting"));
        CitizenRequest second = store.insert(request("09121110002", 7, "pothole"));
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(second.revision()).isGreaterThan(first.revision());
        assertThat(store.revision()).isEqualTo(second.revision());
        assertThatThrownBy(() -> store.insert(request(first.code(), "09121110003")))
                .isInstanceOf(RequestStore.CodeTakenException.class);
        assertThat(store.count()).as("nothing of the refused one").isEqualTo(2);
        assertThat(store.revision()).isEqualTo(second.revision());

        store = reopen();
        assertThat(store.find(first.code())).contains(first);
        assertThat(store.contains(second.code())).isTrue();
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.revision()).isEqualTo(second.revision());
    }

    @Test
    void aChangeThatThrowsWritesNothingAndTogetherIsAllOrNothing() {
        CitizenRequest one = store.insert(request("09121110001", 6, "lighting"));
        CitizenRequest two = store.insert(request("09121110002", 6, "lighting"));
        long before = store.revision();
        assertThatThrownBy(() -> store.update(one.code(), r -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.update(TrackingCode.random(random), r -> r))
                .isInstanceOf(RequestNotFoundException.class);
        assertThatThrownBy(() -> store.together(() -> {
            store.update(one.code(), r -> referred(r, "روشنایی منطقه ۶"));
            store.insert(request("09121110003", 6, "lighting"));
            throw new IllegalStateException("the second half failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.revision()).as("nothing written").isEqualTo(before);
        assertThat(store.find(one.code())).contains(one);
        assertThat(store.count()).isEqualTo(2);

        List<CitizenRequest> both = store.updateTogether(List.of(one.code(), two.code()),
                rs -> rs.stream().map(r -> referred(r, "روشنایی منطقه ۶")).toList());
        assertThat(both).extracting(CitizenRequest::revision).containsExactly(before + 1, before + 2);
        assertThat(store.find(two.code()).orElseThrow().status()).isEqualTo(RequestStatus.REFERRED);
    }

    @Test
    void changesAreReadInTheOrderTheyWereMadeAndTheNewestFirst() {
        List<CitizenRequest> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(store.insert(request("0912111000" + i, 1 + i % 2, "lighting")));
        }
        long mark = store.revision();
        CitizenRequest changed = store.update(made.get(2).code(), r -> referred(r, "روشنایی منطقه ۱"));
        List<Long> seen = new ArrayList<>();
        store.forEachChangeSince(mark - 2, (r, revision) -> seen.add(revision));
        assertThat(seen).containsExactly(mark - 1, mark, changed.revision());
        List<TrackingCode> changedSince = new ArrayList<>();
        store.forEachChangedSince(mark, r -> changedSince.add(r.code()));
        assertThat(changedSince).containsExactly(made.get(2).code());

        List<TrackingCode> newest = new ArrayList<>();
        store.forEachNewestFirst(r -> {
            newest.add(r.code());
            return newest.size() < 3;
        });
        assertThat(newest).containsExactly(made.get(6).code(), made.get(5).code(), made.get(4).code());
        List<TrackingCode> recent = new ArrayList<>();
        store.forEachRecentlyChanged(r -> {
            recent.add(r.code());
            return recent.size() < 2;
        });
        assertThat(recent).containsExactly(made.get(2).code(), made.get(6).code());
        List<TrackingCode> all = new ArrayList<>();
        store.forEach(r -> all.add(r.code()));
        assertThat(all).containsExactlyElementsOf(made.stream().map(CitizenRequest::code).toList());
    }

    @Test
    void walksGoOnPastOneBatchOfRows() {
        List<TrackingCode> made = store.together(() -> {
            List<TrackingCode> codes = new ArrayList<>();
            for (int i = 0; i < 1_100; i++) {
                codes.add(store.insert(request("09121110001", 1 + i % 22, "lighting")).code());
            }
            return codes;
        });
        List<TrackingCode> all = new ArrayList<>();
        store.forEach(r -> all.add(r.code()));
        assertThat(all).containsExactlyElementsOf(made);
        long[] changes = {0};
        store.forEachChangeSince(0, (r, revision) -> changes[0]++);
        assertThat(changes[0]).isEqualTo(1_100);
        List<TrackingCode> newest = new ArrayList<>();
        store.forEachNewestFirst(r -> {
            newest.add(r.code());
            return newest.size() < 1_050;
        });
        assertThat(newest).hasSize(1_050).startsWith(made.getLast()).endsWith(made.get(50));
        assertThat(store.findByCaller(new CallerNumber("09121110001"), 2_000)).hasSize(1_100);
    }

    @Test
    void listingsFindWhatTheyShould() {
        CitizenRequest a = store.insert(request("09121110001", 6, "lighting"));
        CitizenRequest b = store.insert(request("09121110002", 6, "pothole"));
        CitizenRequest c = store.insert(request("09121110001", 7, "lighting"));
        store.update(b.code(), r -> supported(r, "09121110001"));
        assertThat(store.findByCaller(new CallerNumber("09121110001"), 10)).extracting(CitizenRequest::code)
                .as("their own and the one they joined, newest first").containsExactly(c.code(), b.code(), a.code());
        assertThat(store.findByCaller(new CallerNumber("09121110001"), 2)).hasSize(2);

        store.update(a.code(), r -> referred(r, "روشنایی منطقه ۶"));
        store.update(c.code(), r -> referred(r, "آسفالت منطقه ۷"));
        store.update(b.code(), r -> referred(r, "روشنایی منطقه ۶"));
        assertThat(store.waitingOn("روشنایی منطقه ۶")).extracting(CitizenRequest::code)
                .containsExactly(a.code(), b.code());
        assertThat(store.waitingOnAnyUnit()).extracting(CitizenRequest::code)
                .as("by unit, then in registration order").containsExactly(c.code(), a.code(), b.code());
        store.update(a.code(), r -> withStatus(r, RequestStatus.REJECTED));
        assertThat(store.waitingOn("روشنایی منطقه ۶")).extracting(CitizenRequest::code).containsExactly(b.code());

        Page<CitizenRequest> district6 = store.search(new RequestFilter(Optional.of(6), Optional.empty(),
                Optional.empty()), 0, 1);
        assertThat(district6.items()).extracting(CitizenRequest::code).containsExactly(b.code());
        assertThat(district6.hasNext()).isTrue();
        Page<CitizenRequest> second = store.search(new RequestFilter(Optional.of(6), Optional.empty(),
                Optional.empty()), 1, 1);
        assertThat(second.items()).extracting(CitizenRequest::code).containsExactly(a.code());
        assertThat(second.hasNext()).isFalse();
        assertThat(store.search(new RequestFilter(Optional.empty(), Optional.of("lighting"),
                Optional.of(RequestStatus.REFERRED)), 0, 10).items()).extracting(CitizenRequest::code)
                .containsExactly(c.code());
    }

    private CitizenRequest request(String number, int district, String category) {
        return new CitizenRequest(TrackingCode.random(random), 0, 0, AT, Optional.of(new CallerNumber(number)),
                district, category, "چراغ کوچه خاموش است", RequestSource.IVR_SPEECH, Optional.empty(),
                RequestStatus.REGISTERED, List.of(new HistoryEntry(AT, "ivr", "ثبت شد (سامانهٔ گویا)")), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    private CitizenRequest request(TrackingCode code, String number) {
        CitizenRequest made = request(number, 6, "lighting");
        return new CitizenRequest(code, 0, 0, made.createdAt(), made.callerNumber(), made.district(),
                made.category(), made.description(), made.source(), made.audioReference(), made.status(),
                made.history(), made.supporters(), made.duplicateOf(), made.referral(), made.result(),
                made.resultAt(), made.reopened(), made.satisfaction(), made.location());
    }

    private static CitizenRequest referred(CitizenRequest r, String unit) {
        return new CitizenRequest(r.code(), r.sequence(), r.revision(), r.createdAt(), r.callerNumber(), r.district(),
                r.category(), r.description(), r.source(), r.audioReference(), RequestStatus.REFERRED, r.history(),
                r.supporters(), r.duplicateOf(), Optional.of(new Referral(unit, null, LocalDate.of(2026, 12, 20),
                        AT, Optional.empty())), r.result(), r.resultAt(), r.reopened(), r.satisfaction(), r.location());
    }

    private static CitizenRequest withStatus(CitizenRequest r, RequestStatus status) {
        return new CitizenRequest(r.code(), r.sequence(), r.revision(), r.createdAt(), r.callerNumber(), r.district(),
                r.category(), r.description(), r.source(), r.audioReference(), status, r.history(), r.supporters(),
                r.duplicateOf(), r.referral(), r.result(), r.resultAt(), r.reopened(), r.satisfaction(), r.location());
    }

    private static CitizenRequest supported(CitizenRequest r, String number) {
        List<Supporter> more = new ArrayList<>(r.supporters());
        more.add(new Supporter(Optional.of(new CallerNumber(number)), AT));
        return new CitizenRequest(r.code(), r.sequence(), r.revision(), r.createdAt(), r.callerNumber(), r.district(),
                r.category(), r.description(), r.source(), r.audioReference(), r.status(), r.history(), more,
                r.duplicateOf(), r.referral(), r.result(), r.resultAt(), r.reopened(), r.satisfaction(), r.location());
    }
}
