package ir.hotline137.benchmarks;

import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.outbound.dispatch.CallingHours;
import ir.hotline137.outbound.dispatch.DispatchSettings;
import ir.hotline137.outbound.dispatch.Dispatcher;
import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.AttemptResult;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.NotificationStatus;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.sms.SmppGateway;
import ir.hotline137.outbound.sms.SmppSettings;
import ir.hotline137.outbound.sms.SmsListener;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.store.Storage;
import ir.hotline137.testsupport.smpp.FakeSmsc;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the outbox costs: N pending SMS notifications dispatched to an SMS centre speaking SMPP over loopback (the
 * fake one of the tests), attempts per second; and each attempt's two durable writes (begun, ended) next to the floor,
 * two forced appends of a record of the same size.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" ir.hotline137.benchmarks.OutboxBenchmark \
 *      --notifications 10000 --batch 200
 * </pre>
 */
public final class OutboxBenchmark {
    private static final String TEXT = "نتیجهٔ رسیدگی به درخواست ۱۲۳۴۵۶۷۸: خرابی برطرف شد. برای پاسخ یا اعتراض با ۱۳۷ تماس بگیرید.";

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("notifications", "batch", "costs", "dir", "out"));
        int notifications = arguments.number("notifications", 10_000);
        int batch = arguments.number("batch", 200);
        int costs = arguments.number("costs", 2_000);
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "OutboxBenchmark", String.format(
                "notifications=%d batch=%d costs=%d dir=%s", notifications, batch, costs, parent));
        Clock clock = Clock.system(ZoneId.of("Asia/Tehran"));
        Random random = new Random(137);
        try (ScratchFolder scratch = ScratchFolder.create(parent);
             Storage storage = Storage.open(scratch.resolve("data"), BenchmarkStorage.SETTINGS);
             FakeSmsc smsc = FakeSmsc.start("bench");
             SmppGateway sms = new SmppGateway(new SmppSettings("127.0.0.1", smsc.port(), "hotline", "bench", "137",
                     Duration.ofSeconds(10)));
             FileChannel raw = FileChannel.open(scratch.resolve("raw.log"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            Outbox outbox = MapDbOutbox.open(storage);
            Instant now = clock.instant();
            List<Notification> pending = new ArrayList<>();
            for (int i = 0; i < notifications; i++) {
                pending.add(Notification.made("bench|" + i, TrackingCode.random(random), NoticeKind.RESULT,
                        Channel.SMS, String.format("0912%07d", i), TEXT, now));
                if (pending.size() == 500) {
                    outbox.add(pending, 0);
                    pending.clear();
                }
            }
            outbox.add(pending, 0);

            // An empty store: the notices are the ones above, nothing is derived.
            NoticeWriter notices = new NoticeWriter(MapDbRequestStore.open(storage), outbox, false, Set.of(Channel.SMS),
                    clock);
            SmsListener ignore = new SmsListener() {
                @Override
                public void receipt(String messageId, String state) {
                }

                @Override
                public void message(String from, String text) {
                }
            };
            Dispatcher dispatcher = new Dispatcher(outbox, notices, List.of(),
                    Optional.of(sms), ignore, Optional.empty(), new CallSettings(1, 1, Duration.ofHours(1)),
                    new CallingHours(LocalTime.MIN, LocalTime.MAX, Set.of(), clock.getZone()),
                    new DispatchSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), batch, Set.of()), clock);
            long started = System.nanoTime();
            int sent = 0;
            int made;
            while ((made = dispatcher.tick()) > 0) {
                sent += made;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report.line("   %d notifications sent (%d submit_sm: one per UCS-2 part) over SMPP on loopback: %.1f s, %.0f attempts/s", sent,
                    smsc.submits(), seconds, sent / seconds);

            // Each attempt's own cost: begun and ended, two commits, with no SMS in between.
            List<Notification> more = new ArrayList<>();
            for (int i = 0; i < costs; i++) {
                more.add(Notification.made("cost|" + i, TrackingCode.random(random), NoticeKind.RESULT, Channel.SMS,
                        "09120000000", TEXT, now));
            }
            List<Notification> kept = outbox.add(more, 0);
            long before = storage.journalEnd();
            outbox.beginAttempt(kept.getFirst().id(), clock.instant());
            int recordBytes = (int) (storage.journalEnd() - before);
            outbox.endAttempt(kept.getFirst().id(), AttemptResult.SENT, "1", NotificationStatus.DONE, Optional.empty());
            Latencies attempt = new Latencies(costs);
            Latencies floor = new Latencies(costs);
            ByteBuffer record = ByteBuffer.allocate(recordBytes);
            for (Notification notification : kept.subList(1, kept.size())) {
                long t = System.nanoTime();
                outbox.beginAttempt(notification.id(), clock.instant());
                outbox.endAttempt(notification.id(), AttemptResult.SENT, Long.toString(notification.id()),
                        NotificationStatus.DONE, Optional.empty());
                attempt.add(System.nanoTime() - t);
                t = System.nanoTime();
                for (int i = 0; i < 2; i++) {
                    record.clear();
                    while (record.hasRemaining()) {
                        raw.write(record);
                    }
                    raw.force(false);
                }
                floor.add(System.nanoTime() - t);
            }
            report.line("   an attempt's outbox writes (begun + ended, two commits): %s", attempt.summary());
            report.line("   floor, two forced appends of %d B:                       %s", recordBytes, floor.summary());
            report.line("   ratio outbox/floor: p50 %.2f", attempt.percentileMillis(50) / floor.percentileMillis(50));
        }
        System.out.println("   results appended to " + report.file());
    }
}
