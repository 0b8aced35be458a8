package ir.hotline137.hotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.requests.District;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AdminCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evalDuplicatesPrintsOurScoreAfterTheBaselineThenTheHeldOutCheck() throws Exception {
        Path tsv = dir.resolve("corpus.tsv");
        Files.writeString(tsv, """
                id\tcluster\tdistrict\tcategory\tchannel\ttext
                1\ta\t6\tpothole\tphone\tسلام بلوار کشاورز نزدیک خیابون قدس یه چاله بزرگ هست
                2\tb\t6\tlighting\tphone\tچراغای پارک لاله خاموشه
                3\ta\t6\tpothole\tagent\tچاله عمیق در بلوار کشاورز، تقاطع خیابان قدس.
                """);

        assertThat(run("eval-duplicates", tsv.toString())).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int baseline = lines.indexOf(lines.stream().filter(l -> l.startsWith("baseline")).findFirst().orElseThrow());
        assertThat(lines.get(baseline)).contains("precision 1.000 recall 1.000 F1 1.000");
        assertThat(lines.get(baseline + 1)).isEqualTo("precision 1.000 recall 1.000 F1 1.000");
        assertThat(lines.get(baseline + 2)).startsWith("held-out check (2 rows tuned on, 1 rows of other problems held out)");
        assertThat(lines).anyMatch(l -> l.startsWith("  on the held-out part: "));
    }

    @Test
    void aMissingCorpusIsAClearError() {
        assertThat(run("eval-duplicates", dir.resolve("nope.tsv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("nope.tsv");
    }

    @Test
    void rebuildIndexReindexesEveryStoredRequest() throws Exception {
        Path data = dir.resolve("data");
        List<Category> categories = List.of(new Category("other", "سایر", List.of(), "دفتر", 7));
        try (Storage storage = Storage.open(data, new StoreSettings(Duration.ofMinutes(1), 0, 1L << 20));
             LuceneDuplicateIndex index = LuceneDuplicateIndex.open(storage.folder().indexFolder(),
                     new PersianTextAnalyzer(), ShippedRequestSettings.duplicates())) {
            MapDbRequestStore store = MapDbRequestStore.open(storage);
            RequestDesk desk = new RequestDesk(store, index, List.of(new District(1, "یک")), categories,
                    new CategorySuggester(categories, "other"), Clock.systemUTC(), new Random(3));
            for (int i = 0; i < 3; i++) {
                desk.register(NewRequest.fromCaller("0912000000" + i, 1, "درخواست " + i, RequestSource.API));
            }
        }

        assertThat(run("rebuild-index", "--hotline.data-dir=" + data)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 requests");
    }

    @Test
    void installPromptsCopiesEveryRecordingForAsterisk() throws Exception {
        Path sounds = dir.resolve("asterisk/sounds/fa/hotline137");

        assertThat(run("install-prompts", sounds.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("installed").contains(sounds.toString());
        assertThat(sounds.resolve("welcome.wav")).exists();
        assertThat(sounds.resolve("month-12.wav")).exists();
        try (var files = Files.list(sounds)) {
            assertThat(files.filter(f -> f.toString().endsWith(".wav")).count())
                    .isEqualTo(ir.hotline137.prompts.PromptCatalogue.persian().names().size());
        }
    }

    @Test
    void anUnknownCommandShowsTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("eval-duplicates");
    }

    @Test
    void hashPasswordPrintsABcryptHashOfTheLineReadThatTheConsoleAccepts() {
        int code = AdminCommandLine.run(new String[] {"hash-password"},
                new BufferedReader(new StringReader("گذرواژهٔ بلند مریم\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2a$12$").doesNotContain("مریم");
        ConsoleUsers users = ConsoleUsers.of(List.of(ConsoleUser.of("maryam", hash, Set.of(Role.AGENT),
                Optional.empty())));
        assertThat(users.passwordEncoder().matches("گذرواژهٔ بلند مریم", hash)).isTrue();
    }

    @Test
    void hashPasswordRefusesAShortOrMissingPassword() {
        int code = AdminCommandLine.run(new String[] {"hash-password"}, new BufferedReader(new StringReader("short\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 10 characters");
    }
}
