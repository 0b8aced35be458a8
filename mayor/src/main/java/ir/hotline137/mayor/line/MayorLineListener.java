package ir.hotline137.mayor.line;

/**
 * Told of every change on the mayor's line, e.g. the console pushing it to the moderator's and the mayor's
 * screens. Called after the change, on the thread of whoever made it, outside the line's lock: it must be
 * quick and must not block, or it holds up a caller's call thread.
 */
@FunctionalInterface
public interface MayorLineListener {
    void on(MayorLineEvent event);
}
