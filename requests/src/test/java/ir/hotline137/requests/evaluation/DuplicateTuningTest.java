package ir.hotline137.requests.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ir.hotline137.requests.ShippedRequestSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The held-out check: the corpus is split by problem, so the part the detector is scored on holds only problems
 * the tuning never met, and on that part the shipped settings keep F1 at 0.95 or more.
 */
class DuplicateTuningTest {

    @Test
    void everyReportOfOneProblemLandsOnTheSameSideAndTheProblemsAlternate() {
        List<CorpusRow> rows = List.of(row(1, "a"), row(2, "b"), row(3, "a"), row(4, "c"), row(5, "b"), row(6, "d"));

        DuplicateTuning.Split split = DuplicateTuning.split(rows);

        assertThat(split.tuning()).extracting(CorpusRow::id).containsExactly(1, 3, 4);
        assertThat(split.heldOut()).extracting(CorpusRow::id).containsExactly(2, 5, 6);
    }

    @Test
    void onProblemsItWasNotTunedOnTheShippedDetectorKeepsF1AtLeast095() throws Exception {
        Path corpus = DuplicateEvaluationTest.findSharedCorpus();
        assumeTrue(corpus != null, "shared/corpus/requests-dev.tsv is not beside this checkout");
        DuplicateTuning.Split split = DuplicateTuning.split(DuplicateEvaluation.read(corpus));
        Set<String> tuned = split.tuning().stream().map(CorpusRow::cluster).collect(Collectors.toSet());
        Set<String> held = split.heldOut().stream().map(CorpusRow::cluster).collect(Collectors.toCollection(HashSet::new));
        held.retainAll(tuned);
        assertThat(held).as("no problem on both sides").isEmpty();

        Score heldOut = DuplicateTuning.score(split.heldOut(), ShippedRequestSettings.duplicates());

        assertThat(heldOut.f1()).as(heldOut.toString()).isGreaterThanOrEqualTo(0.95);
    }

    private static CorpusRow row(int id, String cluster) {
        return new CorpusRow(id, cluster, 1, "pothole", "phone", "چاله " + cluster);
    }
}
