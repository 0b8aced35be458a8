package ir.hotline137.recognizer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Loads the Vosk model named by configuration, or says plainly why it cannot and what to do: a missing model
 * must not stop the hotline from taking calls.
 */
public final class ModelLoader {
    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    /** What the small Vosk models are trained at, when their mfcc.conf does not say. */
    private static final int DEFAULT_RATE = 16_000;
    private static final Pattern SAMPLE_FREQUENCY = Pattern.compile("^--sample-frequency=(\\d+)", Pattern.MULTILINE);

    static {
        // JNA turns Java strings into C strings, and Vosk's answers back, in its default charset. Newer JNA
        // takes that from the platform's native encoding, which under a C locale (a service started by systemd,
        // a container) is ASCII: a Persian model's words would come back as '???'. JNA 5.7 on JDK 18+ happens
        // to use UTF-8, but that is one dependency upgrade away from breaking, so it is said outright. JNA reads
        // the property when Vosk's native binding is set up, so it is set before any Vosk class loads.
        if (System.getProperty("jna.encoding") == null) {
            System.setProperty("jna.encoding", "UTF-8");
        }
    }

    private ModelLoader() {
    }

    /**
     * @param folder   the model folder (the one holding {@code am/}, {@code conf/}, {@code graph/}); a folder
     *                 holding just one such folder, as unzipping often leaves it, is accepted too
     */
    public static ModelLoad load(Path folder) {
        Path looked = folder.toAbsolutePath().normalize();
        String download = "Download a Persian Vosk model (vosk-model-small-fa-0.42 or vosk-model-fa-0.5 from "
                + "the Vosk model list), unzip it and set hotline.recognizer.model to its folder.";
        if (!Files.isDirectory(looked)) {
            return new ModelLoad.Unavailable(looked, Files.exists(looked) ? "it is a file, not a folder"
                    : "the folder does not exist", download);
        }
        Path modelFolder = looked;
        Optional<String> missing = missingParts(looked);
        if (missing.isPresent()) {
            Optional<Path> nested = onlyChildModel(looked);
            if (nested.isEmpty()) {
                return new ModelLoad.Unavailable(looked, "it is not a Vosk model folder (" + missing.get() + ")",
                        download);
            }
            modelFolder = nested.get();
            log.info("Using the model in {}, the one folder inside {}", modelFolder, looked);
        }
        long started = System.nanoTime();
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            Model model = new Model(modelFolder.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new ModelLoad.Ready(new SpeechModel(model, modelFolder, sampleRate(modelFolder)), took);
        } catch (IOException e) {
            return new ModelLoad.Unavailable(modelFolder, "Vosk could not load it (" + e.getMessage() + ")",
                    "Its files may be damaged or incomplete: unzip the model again.");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return new ModelLoad.Unavailable(modelFolder, "the Vosk native library did not load on this machine ("
                    + e.getMessage() + ")", "Vosk 0.3.45 ships it for Linux and Windows on x86-64 and for macOS; "
                    + "on Linux it needs glibc and libstdc++ (Debian 11 or newer has them).");
        }
    }

    /** Names what a Vosk model folder lacks, if anything, before handing it to Vosk (whose error says little). */
    private static Optional<String> missingParts(Path folder) {
        if (!Files.isRegularFile(folder.resolve("am/final.mdl"))) {
            return Optional.of("no am/final.mdl");
        }
        if (!Files.isRegularFile(folder.resolve("conf/model.conf"))) {
            return Optional.of("no conf/model.conf");
        }
        boolean staticGraph = Files.isRegularFile(folder.resolve("graph/HCLG.fst"));
        boolean lookaheadGraph = Files.isRegularFile(folder.resolve("graph/HCLr.fst"))
                && Files.isRegularFile(folder.resolve("graph/Gr.fst"));
        if (!staticGraph && !lookaheadGraph) {
            return Optional.of("no graph/HCLG.fst nor graph/HCLr.fst with graph/Gr.fst");
        }
        return Optional.empty();
    }

    private static Optional<Path> onlyChildModel(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            return folders.size() == 1 && missingParts(folders.getFirst()).isEmpty()
                    ? Optional.of(folders.getFirst()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int sampleRate(Path folder) {
        try {
            Matcher m = SAMPLE_FREQUENCY.matcher(Files.readString(folder.resolve("conf/mfcc.conf")));
            return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_RATE;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_RATE;
        }
    }
}
