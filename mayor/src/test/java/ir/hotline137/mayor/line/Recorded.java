package ir.hotline137.mayor.line;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it is told, in order, for assertions. */
final class Recorded implements MayorLineListener {
    private final List<MayorLineEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(MayorLineEvent event) {
        events.add(event);
    }

    synchronized List<MayorLineEvent> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }
}
