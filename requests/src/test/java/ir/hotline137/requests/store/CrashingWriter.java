package ir.hotline137.requests.store;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import java.nio.file.Path;
import java.time.Clock;

/** The child process of {@link CrashRecoveryTest}: registers until killed, printing each acknowledged code. */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Desks desks = new Desks(Path.of(args[0]), Clock.systemUTC());
        Object printing = new Object();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    CitizenRequest r = desks.desk.register(NewRequest.fromCaller("0912" + String.format("%07d", thread * 100_000 + i),
                            1 + i % 22, "آب گرفتگی زیرگذر شماره " + i, RequestSource.IVR_SPEECH));
                    synchronized (printing) {
                        System.out.println("registered " + r.code());
                        System.out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
