package ir.hotline137.console.requests;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.TrackingCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Citizen requests over JSON. The store and the index block, so their work runs off the event loop. */
@RestController
@RequestMapping("/api/requests")
public class RequestsApi {
    private final RequestDesk desk;

    public RequestsApi(RequestDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/{code}")
    public Mono<RequestView> byCode(@PathVariable String code) {
        if (!TrackingCode.isValid(code)) {
            return Mono.error(new ApiProblem.BadField("code", "a tracking code is " + TrackingCode.LENGTH
                    + " digits with a valid check digit"));
        }
        TrackingCode parsed = TrackingCode.parse(code);
        return Mono.fromCallable(() -> desk.find(parsed))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.map(RequestView::of).map(Mono::just)
                        .orElseGet(() -> Mono.error(new ApiProblem.NotFound("code", "no request " + code))));
    }
}
