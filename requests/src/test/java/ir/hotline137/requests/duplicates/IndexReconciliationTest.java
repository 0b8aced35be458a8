package ir.hotline137.requests.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.store.Storage;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexReconciliationTest {
    @TempDir
    Path dir;

    @Test
    void anIndexThatMissedTheLastWritesCatchesUpFromTheStore() throws Exception {
        CitizenRequest late;
        try (Desks desks = new Desks(dir, Clock.systemUTC())) {
            register(desks, 1);
            register(desks, 2);
            desks.index.commit();
            late = register(desks, 3);
            desks.desk.join(late.code(), Optional.of("09350000000"), "ivr");
            // the process dies here: the store committed, the index did not
        }
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS);
             LuceneDuplicateIndex stale = LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), ShippedRequestSettings.duplicates())) {
            MapDbRequestStore store = MapDbRequestStore.open(storage);
            store.forEach(r -> {
                if (r.sequence() <= 2) {
                    stale.index(r.stamped(r.sequence(), r.sequence()));
                }
            });
            assertThat(stale.revision()).isEqualTo(2);

            IndexReconciliation.Outcome outcome = IndexReconciliation.reconcile(store, stale);

            assertThat(outcome).isEqualTo(new IndexReconciliation.CaughtUp(1));
            assertThat(stale.size()).isEqualTo(3);
            assertThat(stale.revision()).isEqualTo(store.revision());
            assertThat(IndexReconciliation.reconcile(store, stale)).isInstanceOf(IndexReconciliation.UpToDate.class);
        }
    }

    @Test
    void anIndexThatDoesNotMatchIsRebuilt() throws Exception {
        try (Desks desks = new Desks(dir, Clock.systemUTC())) {
            register(desks, 1);
            register(desks, 2);
        }
        try (Storage storage = Storage.open(dir, Desks.STORE_SETTINGS);
             LuceneDuplicateIndex empty = LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), ShippedRequestSettings.duplicates())) {
            MapDbRequestStore store = MapDbRequestStore.open(storage);
            empty.index(store.find(store.findByCaller(new ir.hotline137.requests.CallerNumber("09120000001"), 1)
                    .getFirst().code()).orElseThrow().stamped(1, 99));

            IndexReconciliation.Outcome outcome = IndexReconciliation.reconcile(store, empty);

            assertThat(outcome).isInstanceOfSatisfying(IndexReconciliation.Rebuilt.class,
                    rebuilt -> assertThat(rebuilt.requests()).isEqualTo(2));
            assertThat(empty.size()).isEqualTo(2);
            assertThat(empty.revision()).isEqualTo(store.revision());
        }
    }

    private static CitizenRequest register(Desks desks, int n) {
        return desks.desk.register(NewRequest.fromCaller("0912000000" + n, 4, "چراغ برق کوچه " + n + " خاموش است",
                RequestSource.IVR_SPEECH));
    }
}
