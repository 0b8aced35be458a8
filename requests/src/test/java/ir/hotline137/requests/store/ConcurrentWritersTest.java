package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.TrackingCode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritersTest {
    @TempDir
    Path dir;

    @Test
    void manyWritersAtOnceLoseNothingAndShareNoCode() throws Exception {
        Set<TrackingCode> codes = ConcurrentHashMap.newKeySet();
        int writers = 8;
        int each = 60;
        try (Desks desks = new Desks(dir, Clock.systemUTC());
             ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        CitizenRequest r = desks.desk.register(NewRequest.fromCaller("0912" + String.format("%07d", writer * 1000 + i),
                                1 + (i % 22), "چاله در خیابان شماره " + writer + " " + i, RequestSource.IVR_SPEECH));
                        codes.add(r.code());
                        if (i % 10 == 0) {
                            desks.desk.join(r.code(), Optional.of("09350000000"), "ivr");
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            assertThat(codes).hasSize(writers * each);
            assertThat(desks.store.count()).isEqualTo(writers * each);
            assertThat(desks.index.size()).isEqualTo(writers * each);
            assertThat(desks.store.revision()).isEqualTo(writers * each + writers * (each / 10));
        }
        try (Desks reopened = new Desks(dir, Clock.systemUTC())) {
            for (TrackingCode code : codes) {
                assertThat(reopened.store.find(code)).as(code.value()).isPresent();
            }
        }
    }
}
