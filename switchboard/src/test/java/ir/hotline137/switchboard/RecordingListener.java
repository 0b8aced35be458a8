package ir.hotline137.switchboard;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it is told, in order, for assertions. */
final class RecordingListener implements SwitchboardListener {
    private final List<SwitchboardEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(SwitchboardEvent event) {
        events.add(event);
    }

    synchronized List<SwitchboardEvent> events() {
        return List.copyOf(events);
    }

    synchronized <T extends SwitchboardEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized void clear() {
        events.clear();
    }
}
