package ir.hotline137.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persian survives a process started under a C locale, as a service started by systemd or in a container often
 * is. JNA converts strings in its default charset, which newer JNA versions take from the locale (ASCII here);
 * {@code ModelLoader} sets UTF-8 outright, so that Vosk's words come back to us intact.
 *
 * <p>No Persian model can be downloaded here, so the English model is taught one Persian word: in a copy of its
 * word list (the symbol table inside graph/Gr.fst) the English word "yellow" is renamed "بله" (yes), which has
 * the same length in UTF-8 bytes, so nothing else in the file moves. espeak says "yellow", and the words must
 * come back as "بله". A second run that forces JNA to ASCII shows the test would catch the fault. (A model
 * folder with a Persian name is no use under a C locale whatever JNA does: Java itself cannot name such a
 * file there.)
 */
class PersianUnderCLocaleTest {
    private static final byte[] ENGLISH = "yellow".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSIAN = "بله".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aPersianFolderAndAPersianWordMakeTheRoundTripUnderACLocale() throws Exception {
        Path model = modelThatSaysBaleForYellow();
        Path wav = TestSpeech.telephone("yellow");

        List<String> heard = runUnderCLocale(model, wav, List.of());
        assertThat(heard.get(1)).as("the child really ran under a C locale").isNotEqualToIgnoringCase("UTF-8");
        assertThat(heard.getFirst()).isEqualTo("بله");

        List<String> asciiOnly = runUnderCLocale(model, wav, List.of("-Djna.encoding=US-ASCII"));
        assertThat(asciiOnly.getFirst()).isNotEqualTo("بله");
    }

    private Path modelThatSaysBaleForYellow() throws IOException {
        Path original = TestModel.folder().toAbsolutePath();
        Path copy = dir.resolve("model-fa-word");
        Files.createDirectories(copy.resolve("graph"));
        for (String part : List.of("am", "conf", "ivector", "graph/HCLr.fst", "graph/disambig_tid.int", "graph/phones")) {
            Files.createSymbolicLink(copy.resolve(part), original.resolve(part));
        }
        byte[] graph = Files.readAllBytes(original.resolve("graph/Gr.fst"));
        int renamed = renameSymbol(graph, ENGLISH, PERSIAN);
        assertThat(renamed).as("'yellow' in the input and output symbol tables").isEqualTo(2);
        Files.write(copy.resolve("graph/Gr.fst"), graph);
        return copy;
    }

    /** Symbols are stored as a 4-byte little-endian length and the bytes; only exact symbols are renamed. */
    private static int renameSymbol(byte[] fst, byte[] from, byte[] to) {
        byte[] pattern = new byte[4 + from.length];
        pattern[0] = (byte) from.length;
        System.arraycopy(from, 0, pattern, 4, from.length);
        int count = 0;
        for (int i = 0; i + pattern.length <= fst.length; i++) {
            if (java.util.Arrays.equals(fst, i, i + pattern.length, pattern, 0, pattern.length)) {
                System.arraycopy(to, 0, fst, i + 4, to.length);
                count++;
            }
        }
        return count;
    }

    private List<String> runUnderCLocale(Path model, Path wav, List<String> flags) throws Exception {
        Path out = Files.createTempFile(dir, "heard", ".txt");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PersianRoundTrip.class.getName(),
                model.toString(), wav.toAbsolutePath().toString(), out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("JAVA_TOOL_OPTIONS"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        Process child = builder.start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
