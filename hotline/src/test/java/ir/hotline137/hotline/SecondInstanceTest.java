package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A second Hotline 137 on a data folder already in use stops at once, saying the folder is in use, by which
 * process, and what to do: not "damaged", not a page of stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aDataFolderInUseStopsTheStartSayingWhoHoldsItAndWhatToDo(CapturedOutput output) {
        Path data = dir.resolve("data");
        try (Storage first = Storage.open(data, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20))) {
            Throwable failed = catchThrowable(() -> new SpringApplicationBuilder(HotlineApplication.class).run(
                    "--hotline.data-dir=" + data, "--server.port=0", "--hotline.fastagi.port=0",
                    "--hotline.audiosocket.port=0"));

            assertThat(failed).isNotNull();
        }
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("data folder " + data.toAbsolutePath().normalize() + " is in use by")
                .contains("Only one Hotline 137 may use a data folder")
                .doesNotContain("damaged").doesNotContain("restore");
    }
}
