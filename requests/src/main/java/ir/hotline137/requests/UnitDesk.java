package ir.hotline137.requests;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a unit may do to a request, and only to one referred to it when the change is made: begin work, give the
 * result, send it back, note it. Made by {@link RequestDesk#forUnit}.
 */
public final class UnitDesk {
    private final RequestDesk desk;
    private final String unit;
    private final Predicate<CitizenRequest> ours;

    UnitDesk(RequestDesk desk, String unit) {
        this.desk = desk;
        this.unit = unit;
        this.ours = request -> request.referral().map(Referral::unit).filter(unit::equals).isPresent();
    }

    public String unit() {
        return unit;
    }

    /** The request, if it is referred to this unit now; otherwise empty, as if there were none. */
    public Optional<CitizenRequest> find(TrackingCode code) {
        return desk.find(code).filter(ours);
    }

    /** Work has begun: REFERRED to IN_PROGRESS (already so: unchanged). */
    public CitizenRequest acknowledge(TrackingCode code, String actor) {
        CitizenRequest now = find(code).orElseThrow(() -> new RequestNotFoundException(code));
        if (now.status() == RequestStatus.IN_PROGRESS) {
            return now;
        }
        return desk.changeStatus(code, RequestStatus.IN_PROGRESS, actor, Optional.empty(), ours);
    }

    public CitizenRequest giveResult(TrackingCode code, String result, String actor) {
        return desk.giveResult(code, result, actor, ours);
    }

    public CitizenRequest sendBack(TrackingCode code, String reason, String actor) {
        return desk.sendBack(code, reason, actor, ours);
    }

    public CitizenRequest addNote(TrackingCode code, String note, String actor) {
        return desk.addNote(code, note, actor, ours);
    }
}
