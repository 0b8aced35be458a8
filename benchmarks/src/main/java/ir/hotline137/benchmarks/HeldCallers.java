package ir.hotline137.benchmarks;

import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The callers of {@link HeldCallsBenchmark}, in a process of their own so that their memory is not counted
 * as the server's: dials N calls that ask for an agent and hold, then hangs them all up when told on stdin.
 *
 * <pre>HeldCallers PORT N</pre>
 */
public final class HeldCallers {
    private HeldCallers() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", port).withReadTimeout(Duration.ofHours(1))) {
            List<FakeCall> calls = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                calls.add(asterisk.dial(Caller.withNumber("0935%07d".formatted(i)).presses("0")));
            }
            System.out.println("dialled " + count);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command = commands.readLine();
            if (!"hang up".equals(command)) {
                System.out.println("unexpected command " + command);
                return;
            }
            calls.forEach(FakeCall::hangUp);
            int errors = 0;
            for (FakeCall call : calls) {
                CallTranscript transcript = call.awaitEnd(Duration.ofMinutes(2));
                if (transcript.error().isPresent()) {
                    errors++;
                }
            }
            System.out.println("ended " + count + " errors " + errors);
        }
    }
}
