package ir.hotline137.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded prompts: one 8 kHz, 16-bit mono WAV per catalogue name ({@code NAME.wav}), made by
 * {@code prompts/make-sounds} and shipped in this module's jar under {@code ir/hotline137/prompts/sounds/fa/}.
 * Asterisk plays them from its own sounds folder, so an admin command copies them there.
 */
public final class PromptSounds {
    /** Where Maven packages {@code prompts/sounds/fa/}. */
    static final String PERSIAN_RESOURCES = "/ir/hotline137/prompts/sounds/fa/";

    private static final String WAV = ".wav";

    private PromptSounds() {
    }

    /** The catalogue names, in catalogue order, that have no {@code NAME.wav} in the folder. */
    public static List<String> missing(PromptCatalogue catalogue, Path soundsFolder) {
        return catalogue.names().stream()
                .filter(name -> !Files.isRegularFile(soundsFolder.resolve(name + WAV)))
                .toList();
    }

    /**
     * The {@code .wav} files in the folder, as names without the extension and sorted, that the catalogue no
     * longer has: a renamed or removed prompt whose old recording would otherwise linger.
     */
    public static List<String> orphans(PromptCatalogue catalogue, Path soundsFolder) {
        if (!Files.isDirectory(soundsFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(soundsFolder)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(WAV))
                    .map(file -> file.substring(0, file.length() - WAV.length()))
                    .filter(name -> !catalogue.contains(name))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + soundsFolder, e);
        }
    }

    /**
     * Copies the recording of every prompt in the Persian catalogue from the classpath into the folder, e.g.
     * Asterisk's {@code sounds/fa/hotline137/}, creating the folder and replacing older copies.
     *
     * @return the files written, in catalogue order
     * @throws IllegalStateException if a prompt's recording is not on the classpath; nothing is half-written
     */
    public static List<Path> copyTo(Path targetFolder) {
        PromptCatalogue catalogue = PromptCatalogue.persian();
        try {
            Files.createDirectories(targetFolder);
            // Check first, so that a jar built without its sounds does not leave Asterisk with half a set.
            for (String name : catalogue.names()) {
                if (PromptSounds.class.getResource(PERSIAN_RESOURCES + name + WAV) == null) {
                    throw new IllegalStateException("the recording of the prompt '" + name + "' is not on the "
                            + "classpath at " + PERSIAN_RESOURCES + name + WAV + "; run prompts/make-sounds");
                }
            }
            List<Path> written = new ArrayList<>(catalogue.names().size());
            for (String name : catalogue.names()) {
                written.add(copyOne(name, targetFolder));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the prompt recordings to " + targetFolder, e);
        }
    }

    private static Path copyOne(String name, Path targetFolder) throws IOException {
        Path target = targetFolder.resolve(name + WAV);
        // Asterisk may be playing the old file to a caller right now: write beside it and move it into place in
        // one step, so that no call ever opens a half-copied recording. Not Files.createTempFile: its files are
        // readable by their owner only, and Asterisk usually runs as another user.
        Path partial = targetFolder.resolve("." + name + WAV + ".part");
        try (InputStream in = PromptSounds.class.getResourceAsStream(PERSIAN_RESOURCES + name + WAV)) {
            if (in == null) {
                throw new IllegalStateException("the recording of the prompt '" + name + "' vanished from the classpath");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
