package ir.hotline137.benchmarks;

import ir.hotline137.testsupport.audiosocket.AudioSocketCaller;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AwaitedStream;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.audiosocket.Heard;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One caller saying one sentence to the AudioSocket server at the pace of a real line, a 20 ms frame every
 * 20 ms, then the hiss of the line until the server ends the stream, as Asterisk keeps sending until it is told
 * to stop. Measured from the moment the end silence was complete in real time (see
 * {@link TelephoneSentence#endSilenceFrame}), which is the soonest any endpointer could answer.
 */
final class PacedUtterance {
    /** More than any backlog the server could catch up on; the caller stops sooner, when the server ends. */
    private static final Duration LINE_NOISE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /**
     * @param heard          what the server made of it
     * @param ended          whether the server ended the stream within the patience
     * @param hangupNanos    from the end silence completing to the server's hangup reaching the caller
     * @param transcriptNanos from the end silence completing to the words being in the IVR's hands
     */
    record Outcome(Heard heard, boolean ended, long hangupNanos, long transcriptNanos) {
        boolean words() {
            return heard instanceof Heard.Words;
        }
    }

    private PacedUtterance() {
    }

    static Outcome say(int port, ExpectedStreams streams, Endpointing endpointing, TelephoneSentence sentence,
                       Path recording) {
        AwaitedStream stream = streams.expect("benchmark", recording, endpointing);
        try (AudioSocketCaller caller = AudioSocketCaller.connect(port)) {
            caller.sendId(stream.id());
            // The caller paces from its first audio frame, a moment after this: frame k goes out at
            // firstFrame + k × 20 ms (or later, never earlier), so the delays below err on the long side.
            long firstFrame = System.nanoTime();
            caller.stream(sentence.pcm(), true);
            caller.lineNoise(LINE_NOISE, true);
            boolean ended = caller.awaitServerEnd(PATIENCE);
            // Only after the server has ended: await() withdraws a stream that has not connected yet, which a
            // stream still queued behind others' frames could look like.
            Heard heard = stream.await(PATIENCE);
            long transcript = System.nanoTime();
            long silenceComplete = firstFrame
                    + sentence.endSilenceFrame(endpointing.endSilence()) * TelephoneSentence.FRAME_NANOS;
            long hangup = ended ? caller.endedAtNanos() - silenceComplete : PATIENCE.toNanos();
            return new Outcome(heard, ended, hangup, transcript - silenceComplete);
        }
    }
}
