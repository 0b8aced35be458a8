package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The handle the IVR's call thread keeps for a caller it put on the {@link MayorLine}: it reads the caller's
 * place for the hold prompts, tells whether their turn has come, and reports what happened on the line (hung up,
 * conversation over). The moderator and the mayor act on the caller through the line; this handle is for the
 * one thread that owns the caller.
 *
 * <p>The IVR's hold looks at {@link #turn()} between short listens for the hang-up: on {@link Turn.StillWaiting}
 * it says the position now and then and listens again; on {@link Turn.OnAir} it bridges to the mayor and calls
 * {@link #talked()} when the bridge ends; on {@link Turn.Rejected} or {@link Turn.SessionClosed} it takes the
 * caller to the normal intake. Nothing here blocks: every method answers at once.
 */
public final class MayorCaller {
    private final MayorLine line;
    final CallId id;
    final MayorTopic topic;
    final String sessionId;
    final Instant joinedAt;
    /** The node whose IVR holds the call, on a cluster; blank on one node. */
    final String node;

    // Guarded by the line's lock.
    ScreeningState state = ScreeningState.AWAITING_SCREENING;
    final List<String> notes = new ArrayList<>();
    String decidedBy;
    /** Who took the caller and where to bridge, as they were at that moment. */
    String mayorUsername;
    String dialString;
    Instant onAirAt;
    Instant endedAt;
    String conversationRecording;
    /** The number a caller who withheld theirs told the moderator. */
    String givenNumber;
    /**
     * Set, on this node only, once the IVR reported the caller's end (hung up, talked): if the line could not take it
     * (a shared line's change refused), its sweep takes it later.
     */
    volatile boolean letGo;

    MayorCaller(MayorLine line, CallId id, MayorTopic topic, String sessionId, Instant joinedAt, String node) {
        this.line = line;
        this.id = id;
        this.topic = topic;
        this.sessionId = sessionId;
        this.joinedAt = joinedAt;
        this.node = node;
    }

    /** A caller another node put on a shared line, as this node first learns of them. */
    MayorCaller(MayorLine line, HeldCaller held) {
        this(line, held.id(), held.topic(), held.sessionId(), held.joinedAt(), held.node());
        take(held);
    }

    /** All of the caller, for a shared line's snapshot. */
    HeldCaller held() {
        return new HeldCaller(id, topic, sessionId, joinedAt, node, state, List.copyOf(notes), decidedBy,
                mayorUsername, dialString, onAirAt, endedAt, conversationRecording, givenNumber);
    }

    /** Takes what a shared line's snapshot says of the caller now; the handle stays the one the IVR holds. */
    void take(HeldCaller held) {
        state = held.state();
        notes.clear();
        notes.addAll(held.notes());
        decidedBy = held.decidedBy();
        mayorUsername = held.mayorUsername();
        dialString = held.dialString();
        onAirAt = held.onAirAt();
        endedAt = held.endedAt();
        conversationRecording = held.conversationRecording();
        givenNumber = held.givenNumber();
    }

    public CallId id() {
        return id;
    }

    public MayorTopic topic() {
        return topic;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    /** 1-based place among the callers still waiting, for "you are caller number 3"; 0 once not waiting. */
    public int position() {
        return line.positionOf(this);
    }

    /**
     * 1-based place in the order the mayor will take the waiting callers (the moderator's designated caller first,
     * then the line), for the hold prompt; 0 once not waiting. On the screens, {@link #position()} is the line's.
     */
    public int placeInTurn() {
        return line.placeInTurnOf(this);
    }

    /**
     * What the caller may expect to wait for the mayor from now, for the hold prompt; empty once not waiting.
     *
     * @see MayorLine#estimatedWait
     */
    public Optional<Duration> estimatedWait() {
        return line.estimateOf(this);
    }

    public ScreeningState state() {
        return line.stateOf(this);
    }

    /** The caller as the screens see them now. */
    public MayorCallerView view() {
        return line.viewOf(this);
    }

    /**
     * Where the caller stands now: still waiting, on air (and where to bridge), rejected, sent away by the
     * programme's end, or gone. Answers at once; the IVR asks again as it holds.
     */
    public Turn turn() {
        return line.turnOf(this);
    }

    /**
     * The caller hung up. Waiting, they leave the line at once (ABANDONED). On air, this ends the conversation
     * just like {@link #talked()}: they did talk to the mayor, and the mayor is free for the next caller.
     * Calling it again, or after the caller was rejected or dismissed, does nothing.
     */
    public void abandon() {
        letGo = true;
        line.abandon(this);
    }

    /**
     * The IVR is recording the conversation into this file (a path as text) and is about to bridge: kept, so a
     * directive written during the call points to the recording. If the file turns out to hold nothing once the
     * conversation is over, {@link #notRecorded()} takes it back.
     *
     * @throws IllegalStateException if the caller never was on air
     */
    public void recordedAs(String file) {
        Objects.requireNonNull(file, "file");
        line.recordedAs(this, file);
    }

    /**
     * The recording announced with {@link #recordedAs} was not written (Asterisk could not write the file): the
     * programme's record must not claim it. Does nothing if no recording was announced.
     */
    public void notRecorded() {
        line.notRecorded(this);
    }

    /**
     * The mayor's phone did not answer: the caller is approved again, first in line, and the mayor free to
     * take them (or another) with the next click. Does nothing unless the caller is on air.
     */
    public void notReached() {
        line.notReached(this);
    }

    /**
     * The caller hung up while the mayor's phone rang: they never talked, so they leave as ABANDONED and the
     * mayor is free. Does nothing unless the caller is on air.
     */
    public void hungUpBeforeAnswer() {
        letGo = true;
        line.hungUpBeforeAnswer(this);
    }

    /**
     * The conversation with the mayor is over, whoever hung up: the mayor can take the next caller. Calling
     * it again does nothing.
     *
     * @throws IllegalStateException if the caller was never on air
     */
    public void talked() {
        letGo = true;
        line.talked(this);
    }

    @Override
    public String toString() {
        return "MayorCaller[" + id + "]";
    }
}
