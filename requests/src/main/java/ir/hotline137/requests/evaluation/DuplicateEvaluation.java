package ir.hotline137.requests.evaluation;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.duplicates.DuplicateQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Scores duplicate detection on a corpus of requests with known clusters: rows arrive in id order, each is
 * answered "new" or "duplicate of row X" from earlier rows only, then joins the index as an open request.
 * Also scores the reference point the corpus README names: the latest earlier row of the same district
 * and category.
 */
public final class DuplicateEvaluation {
    /** Rows arrive a few minutes apart, all inside the default 30-day window. */
    private static final Duration ARRIVAL_GAP = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-01-01T06:00:00Z");

    private DuplicateEvaluation() {
    }

    public static List<CorpusRow> read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(tsv + " is empty");
        }
        List<String> header = List.of(lines.getFirst().strip().split("\t"));
        int id = column(header, "id", tsv);
        int cluster = column(header, "cluster", tsv);
        int district = column(header, "district", tsv);
        int category = column(header, "category", tsv);
        int channel = header.indexOf("channel");
        int text = column(header, "text", tsv);
        List<CorpusRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            try {
                rows.add(new CorpusRow(Integer.parseInt(cells[id].strip()), cells[cluster].strip(),
                        Integer.parseInt(cells[district].strip()), cells[category].strip(),
                        channel >= 0 ? cells[channel].strip() : "", cells[text].strip()));
            } catch (RuntimeException e) {
                throw new IOException(tsv + " line " + (n + 1) + " is malformed: " + e.getMessage(), e);
            }
        }
        rows.sort(Comparator.comparingInt(CorpusRow::id));
        return rows;
    }

    private static int column(List<String> header, String name, Path tsv) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException(tsv + " has no '" + name + "' column; its header is " + header);
        }
        return index;
    }

    /** "Duplicate of the latest earlier row with the same district and category." */
    public static Score baseline(List<CorpusRow> rows) {
        Map<String, CorpusRow> latest = new HashMap<>();
        Tally tally = new Tally();
        for (CorpusRow row : rows) {
            String key = row.district() + "/" + row.category();
            tally.answer(row, Optional.ofNullable(latest.get(key)));
            latest.put(key, row);
        }
        return tally.score();
    }

    /** Our detector, with a fresh index from {@code newIndex}. */
    public static Score detector(List<CorpusRow> rows, Supplier<DuplicateIndex> newIndex) {
        Tally tally = new Tally();
        Map<TrackingCode, CorpusRow> byCode = new HashMap<>();
        try (DuplicateIndex index = newIndex.get()) {
            long revision = 0;
            for (CorpusRow row : rows) {
                Instant at = START.plus(ARRIVAL_GAP.multipliedBy(row.id()));
                List<DuplicateCandidate> found = index.findDuplicates(
                        new DuplicateQuery(row.district(), Optional.of(row.category()), row.text(), at));
                tally.answer(row, found.stream().findFirst().map(c -> byCode.get(c.code())));
                TrackingCode code = codeFor(row.id());
                byCode.put(code, row);
                index.index(asRequest(row, code, at, ++revision));
            }
        }
        return tally.score();
    }

    private static TrackingCode codeFor(int id) {
        String body = Integer.toString(1_000_000 + id);
        return new TrackingCode(body + TrackingCode.checkDigit(body));
    }

    private static CitizenRequest asRequest(CorpusRow row, TrackingCode code, Instant at, long revision) {
        return new CitizenRequest(code, row.id(), revision, at, Optional.empty(), row.district(), row.category(),
                row.text(), RequestSource.API, Optional.empty(), RequestStatus.REGISTERED,
                List.of(new HistoryEntry(at, "evaluation", HistoryWords.registered(RequestSource.API))), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    /** Counts answers against the clusters seen so far. */
    private static final class Tally {
        private final Map<String, Integer> seen = new HashMap<>();
        private int tp;
        private int fp;
        private int fn;

        void answer(CorpusRow row, Optional<CorpusRow> duplicateOf) {
            boolean trulyDuplicate = seen.containsKey(row.cluster());
            seen.merge(row.cluster(), 1, Integer::sum);
            if (duplicateOf.isPresent()) {
                if (duplicateOf.get().cluster().equals(row.cluster())) {
                    tp++;
                } else {
                    fp++;
                    if (trulyDuplicate) {
                        fn++;
                    }
                }
            } else if (trulyDuplicate) {
                fn++;
            }
        }

        Score score() {
            return new Score(tp, fp, fn);
        }
    }
}
