package ir.hotline137.console.calls;

import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCallView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live calls: who is waiting for a person, in queue order. */
@RestController
@RequestMapping("/api/calls")
public class CallsApi {
    private final Switchboard switchboard;

    public CallsApi(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    /** The switchboard is in memory and answers at once: no need to leave the event loop. */
    @GetMapping("/waiting")
    public List<WaitingCallView> waiting() {
        return switchboard.waitingCalls();
    }
}
