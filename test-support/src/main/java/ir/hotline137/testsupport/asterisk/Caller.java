package ir.hotline137.testsupport.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the person on the phone does, step by step: an immutable script that a {@link FakeAsterisk} plays out
 * against the commands of the server under test. One {@code Caller} may be dialled many times; each call keeps
 * its own place in the script.
 *
 * <p>Steps are consumed in order by the <em>input</em> commands, those during which a real caller can act:
 * {@code STREAM FILE} with escape digits, {@code GET DATA}, {@code WAIT FOR DIGIT}, {@code RECORD FILE} and
 * {@code EXEC AudioSocket}, which streams what the caller does to the server as it happens. Other commands
 * ({@code ANSWER}, {@code EXEC Dial}, ...) never consume a step. A prompt with escape digits counts as input only
 * for {@link #hangsUp()} and {@link #pressesDuringPrompt(String)}; {@link #staysSilent()},
 * {@link #presses(String)}, {@link #says(String)} and {@link #speaks(Path)} wait for the command that collects keys,
 * records or streams. When the steps run out the caller stays on the line and listens, as after {@link #holds()}.
 *
 * <p>{@link #says(String)} stands in for speech with a murmur and hands the words over in a side file, for tests of
 * what the server does with a transcript; {@link #speaks(Path)} and its kin play a real recording, for tests that
 * need the server to hear actual speech, such as a recogniser listening on an AudioSocket stream.
 *
 * <pre>{@code
 * Caller.withNumber("09121234567")
 *       .pressesDuringPrompt("1")   // barges into the welcome menu with 1
 *       .presses("7#")              // district 7, typed after the next prompt
 *       .says("چاله بزرگ جلوی مدرسه")  // the problem, at the next RECORD FILE
 *       .hangsUp();
 *
 * Caller.withNumber("09121234567")
 *       .speaksThenPressesHash(Path.of("src/test/resources/pothole.wav"));  // streamed, then # to finish
 * }</pre>
 */
public final class Caller {

    /** What a step does; package-private because only the channel in this package plays them. */
    sealed interface Step {
    }

    /** Keys, either typed after the prompt or, if {@code duringPrompt}, the first one pressed into it. */
    record Keys(String keys, boolean duringPrompt) implements Step {
    }

    /** Words at the next recording; {@code thenHangsUp}: the caller hangs up instead of pressing #. */
    record Speech(String words, boolean thenHangsUp) implements Step {
    }

    /**
     * A real recording of the caller's voice, at the next {@code RECORD FILE} or {@code EXEC AudioSocket}, and what
     * the caller does once it has been said.
     *
     * @param pcm the recording's samples, read once when the script is written so that a bad file fails there and a
     *         thousand calls share one copy; never written to
     */
    record Voice(Path wav, short[] pcm, VoiceEnd end) implements Step {
    }

    /** What the caller does after the last word of a {@link Voice}. */
    enum VoiceEnd {
        /** Stays on the line without a word: the server must notice the silence itself. */
        FALLS_SILENT,
        /** Presses # to say that was all. */
        PRESSES_HASH,
        /** Hangs up. */
        HANGS_UP
    }

    record Silence() implements Step {
    }

    record HangUp() implements Step {
    }

    private static final String DTMF = "0123456789*#ABCD";

    /**
     * How a bridged conversation (an {@code EXEC Dial} the called phone answered) goes.
     *
     * @param length          how long the two talk
     * @param callerHangsUpFirst the caller ends it, not the called side
     */
    record Conversation(Duration length, boolean callerHangsUpFirst) {
        /** A moment's talk that the agent (or the mayor) ends, as most calls end: long enough to record. */
        static final Conversation SHORT = new Conversation(Duration.ofMillis(200), false);
    }

    private final String number;
    private final String name;
    private final List<Step> steps;
    private final List<String> dialStatuses;
    private final Conversation conversation;
    private final boolean finished;

    private Caller(String number, String name, List<Step> steps, List<String> dialStatuses,
                   Conversation conversation, boolean finished) {
        this.number = number;
        this.name = name;
        this.steps = List.copyOf(steps);
        this.dialStatuses = List.copyOf(dialStatuses);
        this.conversation = conversation;
        this.finished = finished;
    }

    /** A caller whose number reaches us, as {@code agi_callerid}. */
    public static Caller withNumber(String callerId) {
        if (checkLine(callerId, "callerId").isBlank()) {
            throw new IllegalArgumentException("a caller's number cannot be blank; use anonymous()");
        }
        return new Caller(callerId, null, List.of(), List.of("ANSWER"), Conversation.SHORT, false);
    }

    /** A caller with a withheld number: {@code agi_callerid: unknown}. */
    public static Caller anonymous() {
        return new Caller(null, null, List.of(), List.of("ANSWER"), Conversation.SHORT, false);
    }

    /** The caller's display name, {@code agi_calleridname}; {@code unknown} unless set. */
    public Caller named(String callerName) {
        return new Caller(number, checkLine(callerName, "callerName"), steps, dialStatuses, conversation, finished);
    }

    /**
     * Keys typed once the prompt has finished. {@code GET DATA} takes them up to and including {@code #} (which it
     * drops) or up to its maximum; {@code WAIT FOR DIGIT} takes one key at a time; an AudioSocket stream carries
     * them all as DTMF frames after a moment of line noise. Prompts ({@code STREAM FILE}) play to their end and
     * leave the keys for the command that collects them.
     */
    public Caller presses(String keys) {
        return then(new Keys(checkKeys(keys), false));
    }

    /**
     * Barge-in: the first key is pressed while the next prompt that accepts it plays, so that {@code STREAM FILE}
     * returns it; the other keys wait for the {@code GET DATA} or {@code WAIT FOR DIGIT} that follows. A
     * {@code GET DATA} reached first takes all the keys, since it allows barge-in itself.
     */
    public Caller pressesDuringPrompt(String keys) {
        return then(new Keys(checkKeys(keys), true));
    }

    /**
     * Speech for the next {@code RECORD FILE}: it writes a short WAV at {@code <path>.<format>} and the words, in
     * UTF-8, at {@code <path>.<format>.words}, where a stand-in transcriber can read what was "said". The caller
     * ends the recording with {@code #}. An {@code EXEC AudioSocket} that comes first streams the murmur alone
     * (no recogniser will hear words in it) and line noise after it. Until either comes, commands waiting for keys
     * time out.
     */
    public Caller says(String words) {
        Objects.requireNonNull(words, "words");
        if (words.isBlank()) {
            throw new IllegalArgumentException("says() needs words; use staysSilent() for a silent recording");
        }
        return then(new Speech(words, false));
    }

    /**
     * Like {@link #says(String)}, but the caller hangs up at the end instead of pressing #, as many do after
     * leaving a message: Asterisk keeps the recording and answers {@code 200 result=-1 (hangup) endpos=N}. On an
     * AudioSocket stream the caller hangs up right after the murmur.
     */
    public Caller saysThenHangsUp(String words) {
        Objects.requireNonNull(words, "words");
        if (words.isBlank()) {
            throw new IllegalArgumentException("saysThenHangsUp() needs words");
        }
        return then(new Speech(words, true));
    }

    /**
     * The caller says what {@code wav} holds, then stays quiet on the line. At {@code EXEC AudioSocket} the voice is
     * streamed at real pace and line noise follows until the server ends the stream; at {@code RECORD FILE} it is
     * what gets recorded, the recording ending in a timeout as Asterisk's silence detection or maximum time would
     * end it ({@code 200 result=0 (timeout) endpos=N}), with no {@code .words} file.
     *
     * @param wav 8 kHz 16-bit mono PCM in a RIFF WAV file, as a phone line carries it
     * @throws IllegalArgumentException if the file holds anything else
     * @throws UncheckedIOException if it cannot be read
     */
    public Caller speaks(Path wav) {
        return then(voice(wav, VoiceEnd.FALLS_SILENT));
    }

    /**
     * Like {@link #speaks(Path)}, but the caller presses # right after the last word: a DTMF frame on the
     * AudioSocket stream, or the key that ends a {@code RECORD FILE} that accepts it ({@code 200 result=35 (dtmf)}).
     */
    public Caller speaksThenPressesHash(Path wav) {
        return then(voice(wav, VoiceEnd.PRESSES_HASH));
    }

    /**
     * Like {@link #speaks(Path)}, but the caller hangs up right after the last word: Asterisk closes the
     * AudioSocket stream without a frame and answers {@code 200 result=-1}, or keeps the recording and answers
     * {@code 200 result=-1 (hangup) endpos=N}, as for {@link #saysThenHangsUp(String)}.
     */
    public Caller speaksThenHangsUp(Path wav) {
        return then(voice(wav, VoiceEnd.HANGS_UP));
    }

    /**
     * The caller does nothing when next asked for keys or speech: key input times out, a recording holds silence
     * and no {@code .words} file, an AudioSocket stream carries line noise until the server ends it. Prompts before
     * that play out as they always do.
     */
    public Caller staysSilent() {
        return then(new Silence());
    }

    /**
     * The caller hangs up during the next input command. For the moment of your choosing instead, use
     * {@link FakeCall#hangUp()}.
     */
    public Caller hangsUp() {
        return then(new HangUp());
    }

    /**
     * Ends the script with a caller who stays on the line and listens for as long as the server goes on:
     * prompts play out, key input and recordings time out. Same as simply running out of steps, but says so.
     */
    public Caller holds() {
        requireOpen();
        return new Caller(number, name, steps, dialStatuses, conversation, true);
    }

    /**
     * What {@code GET VARIABLE DIALSTATUS} answers ({@code ANSWER} unless set). With several, each
     * {@code EXEC Dial} moves on to the next status and the last one stays, e.g. {@code dialStatus("NOANSWER",
     * "ANSWER")} for an agent who misses the call and a second one who takes it.
     */
    public Caller dialStatus(String status, String... later) {
        List<String> statuses = new ArrayList<>();
        statuses.add(Objects.requireNonNull(status, "status"));
        for (String next : later) {
            statuses.add(Objects.requireNonNull(next, "status"));
        }
        return new Caller(number, name, steps, statuses, conversation, finished);
    }

    /**
     * How long each answered {@code EXEC Dial} lasts before the called side (the agent, the mayor) hangs up, the
     * caller staying on the line: Asterisk then answers {@code 200 result=-1}, or {@code 200 result=0} when the Dial
     * had the {@code g} option. 200 ms unless set; a {@link FakeCall#hangUp()} meanwhile is the caller hanging up
     * in the conversation.
     */
    public Caller talksFor(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a conversation cannot last " + length);
        }
        return new Caller(number, name, steps, dialStatuses, new Conversation(length, conversation.callerHangsUpFirst()),
                finished);
    }

    /**
     * The caller, not the called side, ends each answered conversation: Asterisk answers {@code 200 result=-1}
     * whatever the Dial's options, followed by the {@code HANGUP} notice.
     */
    public Caller hangsUpAfterTalking() {
        return new Caller(number, name, steps, dialStatuses, new Conversation(conversation.length(), true), finished);
    }

    /** The number sent as {@code agi_callerid}, {@code unknown} for an anonymous caller. */
    public String callerId() {
        return number == null ? "unknown" : number;
    }

    /** The name sent as {@code agi_calleridname}. */
    public String callerIdName() {
        return name == null ? "unknown" : name;
    }

    List<Step> steps() {
        return steps;
    }

    List<String> dialStatuses() {
        return dialStatuses;
    }

    Conversation conversation() {
        return conversation;
    }

    @Override
    public String toString() {
        String script = steps.stream().map(Caller::describe).collect(Collectors.joining(", "));
        return "Caller[" + callerId() + ": " + (script.isEmpty() ? "listens" : script)
                + (finished ? ", holds" : "") + ", dial " + String.join("/", dialStatuses) + ", talks "
                + conversation.length().toMillis() + " ms" + (conversation.callerHangsUpFirst() ? " then hangs up" : "")
                + "]";
    }

    private static String describe(Step step) {
        return switch (step) {
            case Keys k when k.duringPrompt() -> "presses " + k.keys() + " during the prompt";
            case Keys k -> "presses " + k.keys();
            case Speech s -> "says \"" + s.words() + "\"";
            case Voice v -> "speaks " + v.wav().getFileName() + " (" + v.pcm().length * 1000L / CallerAudio.SAMPLE_RATE
                    + " ms)" + switch (v.end()) {
                        case FALLS_SILENT -> "";
                        case PRESSES_HASH -> " then presses #";
                        case HANGS_UP -> " then hangs up";
                    };
            case Silence s -> "stays silent";
            case HangUp h -> "hangs up";
        };
    }

    private static Voice voice(Path wav, VoiceEnd end) {
        Objects.requireNonNull(wav, "wav");
        try {
            return new Voice(wav, CallerAudio.readWav(wav), end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the caller's voice from " + wav, e);
        }
    }

    private Caller then(Step step) {
        requireOpen();
        List<Step> longer = new ArrayList<>(steps);
        longer.add(step);
        return new Caller(number, name, longer, dialStatuses, conversation, false);
    }

    // A step after hangsUp() or holds() could never be reached: most likely a mistake in the test.
    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("nothing can follow holds(): " + this);
        }
        if (!steps.isEmpty() && steps.getLast() instanceof HangUp) {
            throw new IllegalStateException("nothing can follow hangsUp(): " + this);
        }
    }

    // The value goes into one line of the AGI environment; a line break would forge the lines after it.
    private static String checkLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " cannot hold a line break");
        }
        return value;
    }

    private static String checkKeys(String keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys given");
        }
        for (char key : keys.toCharArray()) {
            if (DTMF.indexOf(key) < 0) {
                throw new IllegalArgumentException("not a telephone key: '" + key + "' in \"" + keys + "\"");
            }
        }
        return keys;
    }
}
