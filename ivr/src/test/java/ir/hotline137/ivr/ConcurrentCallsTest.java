package ir.hotline137.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thousand callers at once, each registering a problem: all are served, none is turned away. */
class ConcurrentCallsTest {
    static final int CALLS = 1_000;
    static final String[] PROBLEMS = {
            "چراغ‌های کوچه شماره %d خاموش است",
            "زباله‌های پلاک %d دو روز است جمع‌آوری نشده",
            "چاله بزرگ جلوی ساختمان %d خطرناک است",
            "دستفروش‌ها پیاده‌رو خیابان %d را بسته‌اند",
    };

    @TempDir
    Path dir;

    @Test
    void aThousandConcurrentCallsAllRegister() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dir)) {
            List<FakeCall> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String problem = PROBLEMS[i % PROBLEMS.length].formatted(i);
                // "2" answers the duplicate question should one come: this caller registers anew
                calls.add(ivr.asterisk.dial(Caller.withNumber("0912%07d".formatted(i))
                        .pressesDuringPrompt("1").presses((1 + i % 22) + "#").says(problem).presses("2")));
            }
            List<CallTranscript> ended = new ArrayList<>();
            for (FakeCall call : calls) {
                ended.add(call.awaitEnd(Duration.ofMinutes(3)));
            }

            assertThat(ended).allSatisfy(call -> {
                assertThat(call.error()).isEmpty();
                assertThat(call.played()).contains("hotline137/registered");
            });
            assertThat(ivr.desks.store.count()).isEqualTo(CALLS);
            assertThat(ivr.server.callsStarted()).isEqualTo(CALLS);
            Map<String, CallRecord> records = ivr.calls().stream()
                    .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
            assertThat(records).hasSize(CALLS);
            assertThat(records.values()).allMatch(r -> r.outcome() == CallOutcome.REGISTERED);
        }
    }
}
