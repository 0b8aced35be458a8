package ir.hotline137.switchboard;

/**
 * Told of every change on the switchboard, e.g. the console pushing it to agents' screens. Called after
 * the change, on the thread of whoever made a change (for another node's change, the thread that read it), outside
 * the switchboard's lock: it must be quick and must not block, or it holds up a caller's call thread.
 */
@FunctionalInterface
public interface SwitchboardListener {
    void on(SwitchboardEvent event);
}
