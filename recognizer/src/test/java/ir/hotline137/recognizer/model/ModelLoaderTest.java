package ir.hotline137.recognizer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.recognizer.TestModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding and loading the speech model at start-up. A missing or broken model must not stop the hotline: the
 * loader answers {@link ModelLoad.Unavailable} with one message that names the folder it looked at, what is wrong
 * with it and what the operator should do, and callers are recorded for an agent meanwhile. Unzipping a model
 * often leaves it one folder deeper than configured, so that case must load too. The real small English model is
 * loaded where a test needs {@link ModelLoad.Ready}; those models are closed again, since each holds tens of
 * megabytes of native memory.
 */
class ModelLoaderTest {

    @TempDir
    Path dir;

    /** The links to the real model go before JUnit cleans up, so that it need not warn it is leaving the model. */
    @AfterEach
    void removeLinks() throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path link : children.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void aMissingFolderIsUnavailableAndTheMessageSaysWhereItLookedAndWhatToDo() {
        Path missing = dir.resolve("models/vosk-model-small-fa-0.42");

        ModelLoad load = ModelLoader.load(missing);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable -> {
            assertThat(unavailable.lookedAt()).isEqualTo(missing.toAbsolutePath().normalize());
            assertThat(unavailable.problem()).contains("does not exist");
            assertThat(unavailable.message())
                    .contains(missing.toAbsolutePath().normalize().toString())
                    .contains("hotline.recognizer.model")
                    .contains("vosk-model-small-fa")
                    .contains("callers are recorded")
                    .contains("agent");
        });
    }

    @Test
    void aRelativeFolderIsReportedAsTheAbsoluteFolderThatWasTried() {
        ModelLoad load = ModelLoader.load(Path.of("no-such-dir", "..", "no-such-model-here"));

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable -> {
            assertThat(unavailable.lookedAt()).isAbsolute();
            assertThat(unavailable.lookedAt()).isEqualTo(Path.of("no-such-model-here").toAbsolutePath());
            assertThat(unavailable.message()).doesNotContain("..");
        });
    }

    @Test
    void anEmptyFolderIsNotAModelAndTheMessageNamesTheFirstMissingFile() {
        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable -> {
            assertThat(unavailable.lookedAt()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(unavailable.problem()).contains("not a Vosk model folder").contains("am/final.mdl");
            assertThat(unavailable.message()).contains("hotline.recognizer.model").contains(dir.toString());
        });
    }

    @Test
    void aFolderWithOnlyTheAcousticModelIsMissingItsConfiguration() throws IOException {
        touch(dir.resolve("am/final.mdl"));

        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable ->
                assertThat(unavailable.problem()).contains("conf/model.conf").doesNotContain("am/final.mdl"));
    }

    @Test
    void aFolderWithoutEitherKindOfGraphNamesBoth() throws IOException {
        touch(dir.resolve("am/final.mdl"));
        touch(dir.resolve("conf/model.conf"));
        touch(dir.resolve("graph/HCLr.fst")); // half of a lookahead graph is no graph

        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable ->
                assertThat(unavailable.problem()).contains("graph/HCLG.fst").contains("graph/Gr.fst"));
    }

    @Test
    void aFolderHoldingTwoModelsIsAmbiguousAndNotLoaded() throws IOException {
        Files.createSymbolicLink(dir.resolve("first"), TestModel.folder().toAbsolutePath());
        Files.createSymbolicLink(dir.resolve("second"), TestModel.folder().toAbsolutePath());

        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable -> {
            assertThat(unavailable.lookedAt()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(unavailable.problem()).contains("am/final.mdl");
        });
    }

    @Test
    void theRealModelIsReadyAtSixteenKilohertz() {
        ModelLoad load = ModelLoader.load(TestModel.folder());

        assertThat(load).isInstanceOf(ModelLoad.Ready.class);
        ModelLoad.Ready ready = (ModelLoad.Ready) load;
        try (SpeechModel model = ready.model()) {
            assertThat(model.sampleRate()).isEqualTo(16_000);
            assertThat(model.folder()).isEqualTo(TestModel.folder().toAbsolutePath().normalize());
            assertThat(ready.took()).isPositive();
            assertThat(model.toString()).contains("16000 Hz");
        }
    }

    @Test
    void aFolderHoldingExactlyOneModelFolderLoadsTheOneInside() throws IOException {
        Path inner = Files.createSymbolicLink(dir.resolve("vosk-model-small-en-us-0.15"),
                TestModel.folder().toAbsolutePath());
        Files.writeString(dir.resolve("README.txt"), "unzipped here"); // files beside it do not matter

        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOf(ModelLoad.Ready.class);
        try (SpeechModel model = ((ModelLoad.Ready) load).model()) {
            assertThat(model.folder()).isEqualTo(inner.toAbsolutePath().normalize());
            assertThat(model.sampleRate()).isEqualTo(16_000);
        }
    }

    @Test
    void aModelWithADamagedFileIsUnavailableAndTheRemedyIsToUnzipItAgain() throws IOException {
        Path real = TestModel.folder().toAbsolutePath();
        for (String part : List.of("conf", "graph", "ivector")) {
            Files.createSymbolicLink(dir.resolve(part), real.resolve(part));
        }
        touch(dir.resolve("am/final.mdl")); // present, so the loader hands it to Vosk, but empty

        ModelLoad load = ModelLoader.load(dir);

        assertThat(load).isInstanceOfSatisfying(ModelLoad.Unavailable.class, unavailable -> {
            assertThat(unavailable.lookedAt()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(unavailable.problem()).contains("Vosk could not load it");
            assertThat(unavailable.remedy()).contains("unzip the model again");
            assertThat(unavailable.message()).contains("callers are recorded");
        });
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
    }
}
