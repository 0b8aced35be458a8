package ir.hotline137.recognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real speech for tests and benchmarks, made at test time: espeak-ng's English voice says the sentence and sox
 * turns it into telephone audio (8 kHz, 16-bit mono WAV), the way a caller's voice reaches Asterisk. Files are
 * kept under {@code target/test-speech/} so each sentence is spoken once per build.
 */
public final class TestSpeech {
    private static final Path CACHE = Path.of("target", "test-speech");

    private TestSpeech() {
    }

    /** The sentence as a telephone line carries it: 8 kHz. */
    public static Path telephone(String sentence) {
        return spoken(sentence, 8_000);
    }

    /** The sentence at the model's own rate, 16 kHz: what the recognizer would hear without a telephone. */
    public static Path wideband(String sentence) {
        return spoken(sentence, 16_000);
    }

    private static synchronized Path spoken(String sentence, int rate) {
        Path wav = CACHE.resolve(digest(sentence) + "-" + rate + ".wav");
        if (Files.isRegularFile(wav)) {
            return wav;
        }
        try {
            Files.createDirectories(CACHE);
            Path voice = Files.createTempFile(CACHE, "espeak", ".wav");
            Path converted = Files.createTempFile(CACHE, "sox", ".wav");
            run(List.of("espeak-ng", "-v", "en-us", "-s", "130", "-w", voice.toString(), sentence));
            // -R: sox dithers with a fixed seed, so the same sentence is the same audio every build (dither, not
            // digital silence, between the words: a telephone line is never exactly silent).
            run(List.of("sox", "-R", voice.toString(), "-r", String.valueOf(rate), "-b", "16", "-c", "1",
                    "-e", "signed-integer", converted.toString()));
            Files.delete(voice);
            Files.move(converted, wav, StandardCopyOption.ATOMIC_MOVE);
            return wav;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.getFirst() + " is needed to make test speech: "
                    + "apt-get install espeak-ng sox", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making test speech", e);
        }
    }

    private static String digest(String sentence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sentence.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
