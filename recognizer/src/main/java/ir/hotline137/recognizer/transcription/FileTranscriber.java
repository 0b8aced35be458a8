package ir.hotline137.recognizer.transcription;

import ir.hotline137.recognizer.audio.WavAudio;
import ir.hotline137.recognizer.model.SpeechModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes recordings Asterisk made with {@code RECORD FILE} (WAV, 16-bit mono, usually 8 kHz), for lines
 * that record the caller rather than stream the call. Thread-safe: every file gets its own recognizer.
 *
 * <p>Decoding runs on this transcriber's own platform threads, never on the thread that asks. Calls run on
 * virtual threads, and a virtual thread inside Vosk's native decoder cannot unmount: it holds one of the few
 * carrier threads for the whole decode, so a handful of callers describing problems at once would stop every
 * other call, new ones included, from being answered. The asking thread only waits, which a virtual thread
 * does without holding a carrier. The pool's size bounds how many decodes compete for the cores.
 */
public final class FileTranscriber {
    private static final Logger log = LoggerFactory.getLogger(FileTranscriber.class);
    /** Fed in 20 ms pieces, as a telephone line delivers it, so results match the streamed path. */
    private static final int CHUNK_MILLIS = 20;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SpeechModel model;
    private final ExecutorService decoders;

    /**
     * @param threads how many recordings are decoded at once; more than the cores only adds waiting
     */
    public FileTranscriber(SpeechModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a file transcriber needs at least one thread, not " + threads);
        }
        this.model = model;
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(threads, task -> {
            Thread decoder = new Thread(task, "file-transcription-" + pool + "-" + thread.incrementAndGet());
            decoder.setDaemon(true);
            return decoder;
        });
    }

    /** The words in the recording; empty when none were heard or the file cannot be read (logged). */
    public Optional<String> transcribe(Path wav) {
        return decoded(wav, "transcribe", () -> {
            WavAudio audio = WavAudio.read(wav);
            try (Transcription transcription = Transcription.of(model, audio.sampleRate())) {
                return words(feed(transcription, audio));
            }
        });
    }

    /**
     * Stops taking recordings: those still queued are dropped (their callers get no words, as for a recording
     * nobody could transcribe) and those being decoded get a few seconds to finish.
     *
     * @return true when no decode is running any more, so the model may be freed; false when one still is, and
     *         freeing the model under it would crash the process
     */
    public boolean close() {
        decoders.shutdownNow();
        try {
            if (decoders.awaitTermination(10, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("a transcription is still running at shutdown; the speech model is left to the process's end");
        return false;
    }

    private <T> Optional<T> decoded(Path wav, String what, Callable<Optional<T>> decode) {
        Future<Optional<T>> result;
        try {
            result = decoders.submit(decode);
        } catch (RejectedExecutionException closed) {
            log.warn("Could not {} {}: the transcriber is closed", what, wav);
            return Optional.empty();
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
                log.warn("Could not {} {}: {}", what, wav, cause.getMessage());
                return Optional.empty();
            }
            throw new IllegalStateException("decoding " + wav + " failed", cause);
        } catch (InterruptedException e) {
            // The call is being torn down; the decode finishes on its own thread and its result is dropped.
            result.cancel(false);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (CancellationException closed) {
            log.warn("Could not {} {}: the transcriber closed first", what, wav);
            return Optional.empty();
        }
    }

    private static String feed(Transcription transcription, WavAudio audio) {
        byte[] pcm = audio.pcm();
        int chunk = audio.sampleRate() * 2 * CHUNK_MILLIS / 1000;
        for (int offset = 0; offset < pcm.length; offset += chunk) {
            transcription.accept(pcm, offset, Math.min(chunk, pcm.length - offset));
        }
        return transcription.finish();
    }

    private static Optional<String> words(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
