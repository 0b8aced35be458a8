package ir.hotline137.console.figures;

import ir.hotline137.figures.Figures;
import ir.hotline137.figures.FiguresReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/figures?days=7}: supervisors only (enforced in the security rules). Counting walks the store
 * and the call log, so it runs off the event loop.
 */
@RestController
public class FiguresApi {
    private final FiguresReport report;

    public FiguresApi(FiguresReport report) {
        this.report = report;
    }

    @GetMapping("/api/figures")
    public Mono<Figures> figures(@RequestParam(defaultValue = "7") int days) {
        return Mono.fromCallable(() -> report.compute(days)).subscribeOn(Schedulers.boundedElastic());
    }
}
