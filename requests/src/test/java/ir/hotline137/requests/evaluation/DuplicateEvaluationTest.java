package ir.hotline137.requests.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void theScoringFollowsTheCorpusReadme() throws Exception {
        Path tsv = dir.resolve("tiny.tsv");
        Files.writeString(tsv, """
                id\tcluster\tdistrict\tcategory\tchannel\ttext
                1\ta\t1\tpothole\tphone\tچاله بزرگ بلوار کشاورز
                2\tb\t1\tpothole\tphone\tچاله خیابان فلسطین
                3\ta\t1\tpothole\tagent\tچاله بلوار کشاورز
                4\tc\t2\tlighting\tphone\tچراغ خاموش
                """);
        List<CorpusRow> rows = DuplicateEvaluation.read(tsv);
        // baseline: row 2 → 1 (wrong: FP), row 3 → 2 (wrong: FP and FN), row 4 → new
        assertThat(DuplicateEvaluation.baseline(rows)).isEqualTo(new Score(0, 2, 1));
    }

    @Test
    void theDevCorpusScoresAtLeastTheGoal() throws Exception {
        Path corpus = findSharedCorpus();
        assumeTrue(corpus != null, "shared/corpus/requests-dev.tsv is not beside this checkout");
        List<CorpusRow> rows = DuplicateEvaluation.read(corpus);

        Score baseline = DuplicateEvaluation.baseline(rows);
        Score ours = DuplicateEvaluation.detector(rows,
                () -> LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), ShippedRequestSettings.duplicates()));

        assertThat(baseline.toString()).isEqualTo("precision 0.779 recall 0.870 F1 0.822");
        assertThat(ours.f1()).isGreaterThanOrEqualTo(0.95);
    }

    static Path findSharedCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/requests-dev.tsv");
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
