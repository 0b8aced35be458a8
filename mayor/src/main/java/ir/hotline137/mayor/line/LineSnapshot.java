package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.util.List;
import java.util.Optional;

/**
 * The whole of a shared mayor's line as one change left it: what every node's copy is made to be when it finds
 * another node has changed the line since it last looked.
 *
 * @param callers    the open session's callers in line order, in every state
 * @param onAir      the caller on air, who may be of a session closed since (then not among {@code callers})
 * @param designated the caller the moderator set to go on air next
 * @param messages   the open session's messages between the screening room and the mayor, oldest first
 */
record LineSnapshot(
        Optional<MayorSession> session,
        List<HeldCaller> callers,
        Optional<HeldCaller> onAir,
        Optional<CallId> designated,
        List<LineMessage> messages) {

    /** A line nothing has happened on. */
    static final LineSnapshot EMPTY = new LineSnapshot(Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
            List.of());
}
