package ir.hotline137.requests.evaluation;

import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.nio.file.Path;
import java.time.Duration;

class EvalMain {
    public static void main(String[] args) throws Exception {
        var rows = DuplicateEvaluation.read(Path.of(args[0]));
        System.out.println("baseline " + DuplicateEvaluation.baseline(rows));
        for (double t = 0.06; t <= 0.40; t += 0.02) {
            for (double f : new double[] {0.2, 0.3, 0.4, 0.5}) {
                double th = t;
                var s = new DuplicateSettings(Duration.ofDays(30), th, f, 10);
                System.out.printf("t=%.3f f=%.1f %s%n", th, f, DuplicateEvaluation.detector(rows,
                        () -> LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), s)));
            }
        }
    }
}
