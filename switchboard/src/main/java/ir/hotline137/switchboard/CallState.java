package ir.hotline137.switchboard;

/** Where a call is in its life on the switchboard. Only the first two are live: the others have left it for good. */
enum CallState {
    WAITING, ASSIGNED, ENDED, ABANDONED, TIMED_OUT;

    boolean live() {
        return this == WAITING || this == ASSIGNED;
    }
}
