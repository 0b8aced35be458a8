package ir.hotline137.benchmarks;

import ir.hotline137.ivr.ShippedIvrSettings;
import ir.hotline137.ivr.IvrHarness;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.ivr.server.FastAgiSettings;
import ir.hotline137.ivr.server.ScreenedConnection;
import ir.hotline137.prompts.Utterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;

/**
 * Calls through the FastAGI server, driven by the fake Asterisk over loopback TCP.
 * <ol>
 *   <li>The whole register flow (menu, district, recorded description, duplicate search, durable register,
 *       the code spoken twice): calls per second with {@code --concurrency} callers at once.</li>
 *   <li>The cost of one AGI command on our server (connection gate, screened connection, {@link Phone}) against
 *       a bare Asterisk-Java {@link DefaultAgiServer} whose script sends the same commands to the same peer.</li>
 * </ol>
 *
 * <pre>--calls N (2000) --warmup 300 --concurrency 50 --commands 30 --dir TEMP-PARENT --out FILE</pre>
 */
public final class CallThroughputBenchmark {
    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);
    private static final String[] PROBLEMS = {
            "چراغ‌های کوچه %d از دیشب خاموش است",
            "زباله‌های جلوی پلاک %d دو روز است جمع‌آوری نشده",
            "چاله بزرگ خیابان %d برای موتورسوارها خطرناک است",
            "دستفروش‌ها پیاده‌روی ایستگاه %d را بسته‌اند",
            "صدای ساخت و ساز ساختمان %d تا نیمه شب ادامه دارد",
    };

    private CallThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, Set.of("calls", "warmup", "concurrency", "commands", "dir", "out"));
        int calls = arguments.number("calls", 2_000);
        int warmup = arguments.number("warmup", 300);
        int concurrency = Math.max(1, arguments.number("concurrency", 50));
        int commands = Math.max(1, arguments.number("commands", 30));
        Path parent = arguments.path("dir", Path.of(System.getProperty("java.io.tmpdir")));
        Report report = new Report(arguments.out(), "CallThroughputBenchmark", String.format(
                "calls=%d warmup=%d concurrency=%d commands=%d", calls, warmup, concurrency, commands));

        try (ScratchFolder scratch = ScratchFolder.create(parent);
             IvrHarness ivr = IvrHarness.start(scratch.resolve("ivr"))) {
            SplittableRandom random = new SplittableRandom(137);
            IntFunction<Caller> registering = i -> Caller.withNumber("0912%07d".formatted(random.split().nextInt(10_000_000)))
                    .pressesDuringPrompt("1").presses((1 + i % 22) + "#")
                    .says(PROBLEMS[i % PROBLEMS.length].formatted(i)).presses("2");
            run(ivr.asterisk, registering, warmup, concurrency, new Latencies(warmup), new AtomicLong());
            Report.progress("register flow: warm-up done");
            Latencies latencies = new Latencies(calls);
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            run(ivr.asterisk, i -> registering.apply(warmup + i), calls, concurrency, latencies, sent);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.line("   register flow, %d callers at once: %.0f calls/s, %.1f AGI commands a call; call time %s",
                    concurrency, calls / seconds, sent.get() / (double) calls, latencies.summary());
        }

        IvrSettings settings = ShippedIvrSettings.ivr(Path.of(System.getProperty("java.io.tmpdir")));
        AgiScript ours = (request, channel) -> {
            Phone phone = new Phone(channel, ScreenedConnection.ofThisCall().orElseThrow(), settings);
            phone.answer();
            for (int i = 0; i < commands; i++) {
                phone.play(Utterance.ofFiles("welcome"));
            }
        };
        AgiScript bare = (request, channel) -> {
            channel.answer();
            channel.setVariable("CHANNEL(language)", "fa"); // as Phone.answer() does
            for (int i = 0; i < commands; i++) {
                channel.streamFile("hotline137/welcome", "");
            }
        };
        int bareMaxThreads = concurrency + 10;
        try (FastAgiServer ourServer = FastAgiServer.start(ShippedIvrSettings.fastAgi(), ours);
             BareServer bareServer = new BareServer(bare, bareMaxThreads);
             FakeAsterisk toOurs = new FakeAsterisk("127.0.0.1", ourServer.port());
             FakeAsterisk toBare = new FakeAsterisk("127.0.0.1", bareServer.port)) {
            IntFunction<Caller> listener = i -> Caller.withNumber("09120000000");
            run(toOurs, listener, warmup, concurrency, new Latencies(warmup), new AtomicLong());
            run(toBare, listener, warmup, concurrency, new Latencies(warmup), new AtomicLong());
            Report.progress("per-command: warm-up done");
            Latencies oursLatency = new Latencies(calls);
            Latencies bareLatency = new Latencies(calls);
            long oursNanos = 0;
            long bareNanos = 0;
            int block = Math.max(concurrency * 4, 100);
            // blocks of each in turn, so that neither gets all the quiet moments or all the busy ones
            for (int done = 0; done < calls; done += block) {
                int size = Math.min(block, calls - done);
                long t0 = System.nanoTime();
                run(toOurs, listener, size, concurrency, oursLatency, new AtomicLong());
                long t1 = System.nanoTime();
                run(toBare, listener, size, concurrency, bareLatency, new AtomicLong());
                long t2 = System.nanoTime();
                oursNanos += t1 - t0;
                bareNanos += t2 - t1;
            }
            double perCall = commands + 3; // ANSWER, the language, the prompts, Asterisk-Java's closing SET VARIABLE
            double oursMicros = oursNanos / 1e3 / calls / perCall * concurrency;
            double bareMicros = bareNanos / 1e3 / calls / perCall * concurrency;
            report.line("   per AGI command, %d calls at once: ours %.1f µs, bare Asterisk-Java %.1f µs (ratio %.2f); "
                            + "commands/s ours %.0f, bare %.0f", concurrency, oursMicros, bareMicros,
                    oursMicros / bareMicros, calls * perCall / (oursNanos / 1e9), calls * perCall / (bareNanos / 1e9));
            report.line("   call time (%d commands) ours %s", (int) perCall, oursLatency.summary());
            report.line("   call time (%d commands) bare %s", (int) perCall, bareLatency.summary());
        }
        System.out.println("   results appended to " + report.file());
    }

    /** {@code count} calls, at most {@code concurrency} at once; each call's time from dial to hang-up. */
    private static void run(FakeAsterisk asterisk, IntFunction<Caller> callers, int count, int concurrency,
                            Latencies latencies, AtomicLong commandsSent) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?>[] running = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                running[w] = workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        CallTranscript call = asterisk.dial(callers.apply(i)).awaitEnd(CALL_LIMIT);
                        long elapsed = System.nanoTime() - t0;
                        if (call.error().isPresent()) {
                            throw new IllegalStateException("call failed: " + call);
                        }
                        synchronized (latencies) {
                            latencies.add(elapsed);
                        }
                        commandsSent.addAndGet(call.commands().size());
                    }
                    return null;
                });
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
    }

    /**
     * Asterisk-Java's own server, as its documentation sets it up, with a pool big enough for the load. Its
     * socket is bound before it starts so that the first call cannot come too early.
     */
    private static final class BareServer implements AutoCloseable {
        final int port;
        private final DefaultAgiServer server;

        BareServer(AgiScript script, int maxThreads) throws IOException {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            ServerSocketFacade bound = new ServerSocketFacadeImpl(port, 200, InetAddress.getLoopbackAddress());
            server = new DefaultAgiServer(script) {
                @Override
                protected ServerSocketFacade createServerSocket() {
                    return bound;
                }
            };
            server.setPort(port);
            server.setPoolSize(maxThreads);
            server.setMaximumPoolSize(maxThreads);
            Thread.ofPlatform().daemon().name("bare-agi-accept").start(() -> {
                try {
                    server.startup();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public void close() {
            server.shutdown();
        }
    }
}
