package ir.hotline137.testsupport.asterisk;

import ir.hotline137.testsupport.asterisk.AudioSocketSession.Ending;
import ir.hotline137.testsupport.asterisk.AudioSocketStream.Performance;
import ir.hotline137.testsupport.asterisk.Caller.HangUp;
import ir.hotline137.testsupport.asterisk.Caller.Keys;
import ir.hotline137.testsupport.asterisk.Caller.Silence;
import ir.hotline137.testsupport.asterisk.Caller.Speech;
import ir.hotline137.testsupport.asterisk.Caller.Step;
import ir.hotline137.testsupport.asterisk.Caller.Voice;
import ir.hotline137.testsupport.asterisk.Caller.VoiceEnd;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The channel of one call as res_agi sees it: answers each command with Asterisk 22's reply, letting the caller's
 * script decide what happens during input commands and the {@link Installation} what this Asterisk has. Used by a
 * single thread, the call's.
 *
 * <p>Where each reply comes from. Every reply below was read in Asterisk's source ({@code res/res_agi.c} unless
 * named otherwise; the handler is given) or, where marked, inferred from it:
 * <ul>
 * <li>Any command: an unknown one answers {@code 510 Invalid or unknown command}, a malformed one the {@code 520}
 *     usage block ({@code agi_handle_command}); once the channel is down only the commands the {@code commands[]}
 *     table marks as allowed on a dead channel run (GET/SET VARIABLE, EXEC, VERBOSE, NOOP, DATABASE), every other
 *     answers {@code 511 Command Not Permitted on a dead channel or intercept routine} ({@link #answerDead}).</li>
 * <li>{@code ANSWER}: {@code 200 result=0} ({@code handle_answer}).</li>
 * <li>{@code STREAM FILE}: {@code 200 result=0 endpos=N} played out, {@code 200 result=<key> endpos=N} stopped by
 *     an escape key, {@code 200 result=-1 endpos=N} hung up, and {@code 200 result=-1 endpos=0} on a live channel
 *     when the sound is missing ({@code handle_streamfile}: {@code ast_openstream} fails).</li>
 * <li>{@code GET DATA}: {@code 200 result=<digits>}, {@code 200 result=<digits> (timeout)}, {@code 200 result=-1}
 *     hung up, and the same {@code 200 result=-1} on a live channel when the prompt is missing
 *     ({@code handle_getdata}, {@code ast_app_getdata_full} returns the failed {@code ast_streamfile}).</li>
 * <li>{@code WAIT FOR DIGIT}: {@code 200 result=<key>}, {@code 200 result=0} timed out, {@code 200 result=-1} hung
 *     up ({@code handle_waitfordigit}).</li>
 * <li>{@code RECORD FILE}: with {@code BEEP} and no {@code beep} sound, {@code 200 result=-1 (randomerror)
 *     endpos=0} with the channel still up and nothing recorded; a folder it cannot write,
 *     {@code 200 result=-1 (writefile)} (no endpos); ended by an escape key {@code 200 result=<key> (dtmf)
 *     endpos=N}; by the caller hanging up {@code 200 result=-1 (hangup) endpos=N}, the audio kept; by silence or
 *     the time limit {@code 200 result=<ms> (timeout) endpos=N}, where {@code <ms>} is what was left of the last
 *     wait: 0 at the time limit, positive when silence ended it (the exact number is inferred)
 *     ({@code handle_recordfile}).</li>
 * <li>{@code EXEC}: {@code 200 result=<what the application returned>}, not interpreted, and {@code -2} for an
 *     application not loaded ({@code handle_exec}, {@code pbx_findapp}). Dial ({@code apps/app_dial.c}): answered
 *     then ended by the called side {@code -1}, or {@code 0} with the {@code g} option; ended by the caller
 *     {@code -1} and the channel down; not answered (NOANSWER, BUSY, CONGESTION, CHANUNAVAIL) {@code 0}; the caller
 *     hanging up while it rings {@code -1} with DIALSTATUS CANCEL; a bad dial string INVALIDARGS and {@code -1}
 *     ({@code 0} with {@code g}). MixMonitor ({@code apps/app_mixmonitor.c}) answers {@code 0} always: the file is
 *     opened afterwards on the monitor's own thread, and a file it cannot open is only logged. StopMixMonitor
 *     answers {@code 0}, recording or not. AudioSocket ({@code apps/app_audiosocket.c}): see
 *     {@link #audioSocket}.</li>
 * <li>{@code GET VARIABLE}: {@code 200 result=1 (value)} or {@code 200 result=0} when unset; DIALSTATUS is set by
 *     Dial ({@code handle_getvariable}). {@code SET VARIABLE}: {@code 200 result=1} ({@code handle_setvariable}).</li>
 * <li>{@code SET MUSIC}: {@code 200 result=0}, whatever the class ({@code handle_setmusic}).</li>
 * <li>{@code CHANNEL STATUS}: {@code 200 result=6} (up) on a live channel ({@code handle_channelstatus}).</li>
 * </ul>
 */
final class ScriptedChannel {

    /** Lets the channel wait as a caller would, yet learn at once when the caller hangs up meanwhile. */
    @FunctionalInterface
    interface Patience {
        /** Waits up to {@code millis}; true if the caller hung up before the time was over. */
        boolean hangsUpWithin(long millis) throws InterruptedException;
    }

    /** What a reply did to the channel, beyond its text. */
    enum Effect { NONE, CALLER_HUNG_UP, CHANNEL_HUNG_UP }

    /**
     * One answer to one command.
     *
     * @param text the reply without its final line break; several lines only for a 520 usage reply
     * @param recording the audio file written by a {@code RECORD FILE}, or null
     * @param audioSocket what an {@code EXEC AudioSocket} streamed, or null
     */
    record Reply(String text, Effect effect, Path recording, AudioSocketSession audioSocket) {
        static Reply of(String text) {
            return new Reply(text, Effect.NONE, null, null);
        }
    }

    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN_COMMAND = "510 Invalid or unknown command";

    private static final String FULL_PROMPT = " endpos=16000";
    private static final int SPEECH_MILLIS = 1500;
    private static final int SILENCE_MILLIS = 1000;
    private static final int CUT_SHORT_MILLIS = 200;
    private static final int KEYS_LEAD_MILLIS = 300;
    private static final int HANG_UP_LEAD_MILLIS = 100;
    // The string form libuuid's uuid_parse insists on; Java's UUID.fromString would take far less.
    private static final Pattern UUID_FORM =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    // Applications a stock Asterisk 22 has; EXEC of any other answers -2, as for an application not loaded.
    private static final Set<String> APPLICATIONS = Set.of("answer", "audiosocket", "dial", "mixmonitor",
            "musiconhold", "noop", "playback", "progress", "ringing", "set", "startmusiconhold",
            "stopmixmonitor", "stopmusiconhold", "verbose", "wait");

    private final String channelName;
    private final long maxWaitMillis;
    private final Installation installation;
    private final Deque<Step> script;
    private final List<String> dialStatuses;
    private final Caller.Conversation conversation;
    private final Map<String, String> variables = new HashMap<>();
    private int dials;
    /** The file a MixMonitor started on this channel writes to, while it runs and could open its file. */
    private Path monitoring;
    /** Files this channel wrote, as Asterisk's user: that user owns them. */
    private final Set<Path> written = new HashSet<>();

    ScriptedChannel(Caller caller, String channelName, long maxWaitMillis, Installation installation) {
        this(caller, channelName, maxWaitMillis, installation, Map.of());
    }

    /** @param variables set on the channel before the script runs, as an Originate's {@code Variable:} lines are */
    ScriptedChannel(Caller caller, String channelName, long maxWaitMillis, Installation installation,
                    Map<String, String> variables) {
        this.variables.putAll(variables);
        this.channelName = channelName;
        this.maxWaitMillis = maxWaitMillis;
        this.installation = installation;
        this.script = new ArrayDeque<>(caller.steps());
        this.dialStatuses = caller.dialStatuses();
        this.conversation = caller.conversation();
    }

    /** The reply to a command on a live channel; the caller of this method handles dead ones. */
    Reply answer(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.is("ANSWER")) {
            return Reply.of("200 result=0");
        } else if (command.is("STREAM", "FILE")) {
            return streamFile(command, patience);
        } else if (command.is("GET", "DATA")) {
            return getData(command, patience);
        } else if (command.is("WAIT", "FOR", "DIGIT")) {
            return waitForDigit(command, patience);
        } else if (command.is("RECORD", "FILE")) {
            return recordFile(command, patience);
        } else if (command.is("EXEC")) {
            return exec(command, patience);
        } else if (command.is("GET", "VARIABLE")) {
            return getVariable(command);
        } else if (command.is("SET", "VARIABLE")) {
            if (command.argc() != 4) {
                return usage("SET VARIABLE VARIABLENAME VALUE");
            }
            variables.put(command.word(2, ""), command.word(3, ""));
            return Reply.of("200 result=1");
        } else if (command.is("SET", "MUSIC")) {
            return command.argc() < 3 ? usage("SET MUSIC {ON|OFF} CLASS") : Reply.of("200 result=0");
        } else if (command.is("CHANNEL", "STATUS")) {
            return channelStatus(command);
        } else if (command.is("VERBOSE")) {
            return command.argc() < 2 ? usage("VERBOSE MESSAGE LEVEL") : Reply.of("200 result=1");
        } else if (command.is("HANGUP")) {
            return hangup(command);
        } else if (command.is("NOOP")) {
            return Reply.of("200 result=0");
        }
        return Reply.of(UNKNOWN_COMMAND);
    }

    /**
     * The reply to a command once the channel is down: the few commands res_agi's table allows on a dead channel
     * run as ever (an application then finds its channel hung up), every other is refused with {@code 511}.
     */
    Reply answerDead(AgiCommand command) throws InterruptedException {
        if (command.is("GET", "VARIABLE") || command.is("SET", "VARIABLE") || command.is("VERBOSE")
                || command.is("NOOP")) {
            return answer(command, millis -> true);
        }
        if (command.is("EXEC")) {
            if (command.argc() < 2) {
                return usage("EXEC APPLICATION OPTIONS");
            }
            String application = command.word(1, "").toLowerCase(Locale.ROOT);
            if (!APPLICATIONS.contains(application) || !installation.hasApplication(application)) {
                return Reply.of("200 result=-2");
            }
            return switch (application) {
                // Dial checks for a hang-up before anything else: DIALSTATUS CANCEL (app_dial.c).
                case "dial" -> {
                    dials++;
                    variables.put("DIALSTATUS", "CANCEL");
                    yield Reply.of("200 result=-1");
                }
                // These only attach to or detach from the channel, which they do, hung up or not (inferred).
                case "mixmonitor", "stopmixmonitor", "noop", "set", "verbose" -> Reply.of("200 result=0");
                // Anything that plays or waits reads a frame first and gets none (inferred from ast_read).
                default -> Reply.of("200 result=-1");
            };
        }
        return Reply.of(DEAD_CHANNEL);
    }

    private Reply streamFile(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.argc() < 4 || command.argc() > 5 || command.number(4, 0) == null) {
            return usage("STREAM FILE FILENAME ESCAPE_DIGITS [SAMPLE OFFSET]");
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1 endpos=0");
        }
        if (!installation.hasSound(command.word(2, ""))) {
            return Reply.of("200 result=-1 endpos=" + orDefault(command.number(4, 0), 0));
        }
        String escapeDigits = command.word(3, "");
        // A prompt nobody can interrupt is no input command: the caller's next move waits for a later one.
        if (escapeDigits.isEmpty()) {
            return Reply.of("200 result=0" + FULL_PROMPT);
        }
        return switch (script.peekFirst()) {
            case HangUp h -> callerHangsUp("200 result=-1 endpos=0");
            case Keys k when k.duringPrompt() && escapeDigits.indexOf(k.keys().charAt(0)) >= 0 ->
                    Reply.of("200 result=" + (int) takeOneKey() + " endpos=5000");
            case null, default -> Reply.of("200 result=0" + FULL_PROMPT);
        };
    }

    private Reply getData(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.argc() < 3) {
            return usage("GET DATA FILE [TIMEOUT] [MAXDIGITS]");
        }
        long timeout = orDefault(command.number(3, 0), 0);
        int maxDigits = orDefault(command.number(4, 1024), 1024);
        if (maxDigits <= 0) {
            maxDigits = 1024;
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1");
        }
        if (!installation.hasSound(command.word(2, ""))) {
            return Reply.of("200 result=-1");
        }
        switch (script.peekFirst()) {
            case HangUp h -> {
                return callerHangsUp("200 result=-1");
            }
            case Keys k -> {
                script.removeFirst();
                String keys = k.keys();
                StringBuilder digits = new StringBuilder();
                int next = 0;
                boolean complete = false;
                while (next < keys.length() && !complete) {
                    char key = keys.charAt(next++);
                    if (key == '#') {
                        complete = true;
                    } else {
                        digits.append(key);
                        complete = digits.length() == maxDigits;
                        // The caller who types "1234#" into a 4-digit field means the # as the end, not as input.
                        if (complete && next < keys.length() && keys.charAt(next) == '#') {
                            next++;
                        }
                    }
                }
                if (next < keys.length()) {
                    script.addFirst(new Keys(keys.substring(next), false));
                }
                if (complete) {
                    return Reply.of("200 result=" + digits);
                }
                return patience.hangsUpWithin(waitMillis(timeout))
                        ? callerHungUp("200 result=-1")
                        : Reply.of("200 result=" + digits + " (timeout)");
            }
            case Silence s -> script.removeFirst();
            case null, default -> {
            }
        }
        return patience.hangsUpWithin(waitMillis(timeout))
                ? callerHungUp("200 result=-1")
                : Reply.of("200 result= (timeout)");
    }

    private Reply waitForDigit(AgiCommand command, Patience patience) throws InterruptedException {
        Integer timeout = command.number(3, 0);
        if (command.argc() != 4 || timeout == null) {
            return usage("WAIT FOR DIGIT TIMEOUT");
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1");
        }
        switch (script.peekFirst()) {
            case HangUp h -> {
                return callerHangsUp("200 result=-1");
            }
            case Keys k -> {
                return Reply.of("200 result=" + (int) takeOneKey());
            }
            case Silence s -> script.removeFirst();
            case null, default -> {
            }
        }
        // WAIT FOR DIGIT 0 only looks for a key already pressed; -1 would wait for ever.
        return patience.hangsUpWithin(timeout == 0 ? 0 : waitMillis(timeout))
                ? callerHungUp("200 result=-1")
                : Reply.of("200 result=0");
    }

    private Reply recordFile(AgiCommand command, Patience patience) throws InterruptedException {
        Integer maxMillis = command.number(5, 0);
        if (command.argc() < 6 || maxMillis == null) {
            return usage("RECORD FILE FILENAME FORMAT ESCAPE_DIGITS TIMEOUT [OFFSET SAMPLES] [BEEP] [S=SILENCE]");
        }
        String format = command.word(3, "");
        String escapeDigits = command.word(4, "");
        boolean silenceDetection = silenceOption(command);
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1 (hangup) endpos=0");
        }
        // The beep comes first: a missing one or a key pressed into it ends the command before a file is opened.
        if (beepOption(command)) {
            if (!installation.hasSound("beep")) {
                return Reply.of("200 result=-1 (randomerror) endpos=0");
            }
            if (script.peekFirst() instanceof Keys k && k.duringPrompt() && escapeDigits.indexOf(k.keys().charAt(0)) >= 0) {
                return Reply.of("200 result=" + (int) takeOneKey() + " (randomerror) endpos=0");
            }
        }
        Path file = Path.of(command.word(2, "") + "." + format);
        if (!CallerAudio.canWrite(format) || !installation.mayWrite(file, written.contains(file))) {
            return Reply.of("200 result=-1 (writefile)");
        }
        written.add(file);
        Path words = Path.of(file + ".words");
        Step step = script.peekFirst();
        try {
            switch (step) {
                case HangUp h -> {
                    return callerHangsUp("200 result=-1 (hangup) endpos=0");
                }
                case Speech speech -> {
                    script.removeFirst();
                    int samples = samples(SPEECH_MILLIS, maxMillis);
                    CallerAudio.write(file, format, CallerAudio.speech(samples, speech.words().hashCode()));
                    Files.writeString(words, speech.words(), StandardCharsets.UTF_8);
                    if (speech.thenHangsUp()) {
                        return new Reply("200 result=-1 (hangup) endpos=" + samples, Effect.CALLER_HUNG_UP, file, null);
                    }
                    boolean cutOff = maxMillis > 0 && maxMillis < SPEECH_MILLIS;
                    return recorded(file, escapeDigits.indexOf('#') >= 0 && !cutOff
                            ? "200 result=35 (dtmf) endpos=" + samples
                            : timedOut(samples, maxMillis, cutOff, silenceDetection));
                }
                case Voice voice -> {
                    script.removeFirst();
                    int samples = maxMillis > 0
                            ? Math.min(voice.pcm().length, maxMillis * CallerAudio.SAMPLE_RATE / 1000)
                            : voice.pcm().length;
                    CallerAudio.write(file, format, Arrays.copyOf(voice.pcm(), samples));
                    // Real speech has no words file: what was said is for a real recogniser to find.
                    Files.deleteIfExists(words);
                    boolean cutOff = samples < voice.pcm().length;
                    return switch (voice.end()) {
                        case HANGS_UP -> new Reply("200 result=-1 (hangup) endpos=" + samples,
                                Effect.CALLER_HUNG_UP, file, null);
                        case PRESSES_HASH -> recorded(file, escapeDigits.indexOf('#') >= 0 && !cutOff
                                ? "200 result=35 (dtmf) endpos=" + samples
                                : timedOut(samples, maxMillis, cutOff, silenceDetection));
                        case FALLS_SILENT -> recorded(file, timedOut(samples, maxMillis, cutOff, silenceDetection));
                    };
                }
                case Keys k when escapeDigits.indexOf(k.keys().charAt(0)) >= 0 -> {
                    // Pressing an escape key at once ends a recording that holds nothing but a moment of line noise.
                    char key = takeOneKey();
                    int samples = samples(CUT_SHORT_MILLIS, maxMillis);
                    CallerAudio.write(file, format, CallerAudio.silence(samples));
                    Files.deleteIfExists(words);
                    return recorded(file, "200 result=" + (int) key + " (dtmf) endpos=" + samples);
                }
                case null, default -> {
                    if (step instanceof Silence) {
                        script.removeFirst();
                    }
                    int samples = samples(SILENCE_MILLIS, maxMillis);
                    CallerAudio.write(file, format, CallerAudio.silence(samples));
                    // A words file left from an earlier call would make silence look like speech.
                    Files.deleteIfExists(words);
                    boolean cutOff = maxMillis > 0 && maxMillis <= SILENCE_MILLIS;
                    return recorded(file, timedOut(samples, maxMillis, cutOff, silenceDetection));
                }
            }
        } catch (IOException e) {
            return Reply.of("200 result=-1 (writefile)");
        }
    }

    /**
     * The reply of a recording that ran into its time limit or, with silence detection on, fell silent: res_agi
     * reports the last {@code ast_waitfor} value, the milliseconds left of that wait, which is 0 only at the limit.
     */
    private static String timedOut(int samples, int maxMillis, boolean cutOff, boolean silenceDetection) {
        long recordedMillis = samples * 1000L / CallerAudio.SAMPLE_RATE;
        long left;
        if (cutOff || !silenceDetection) {
            left = 0;
        } else if (maxMillis > 0) {
            left = Math.max(0, maxMillis - recordedMillis);
        } else {
            // Without a limit ast_waitfor waits in chunks of 100,000 ms; a frame arrives every 20 ms.
            left = 99_980;
        }
        return "200 result=" + left + " (timeout) endpos=" + samples;
    }

    // handle_recordfile beeps when the 7th word is not a number or s=..., or when an 8th word is not s=...
    private static boolean beepOption(AgiCommand command) {
        String seventh = command.word(6, null);
        String eighth = command.word(7, null);
        boolean seventhBeeps = seventh != null && command.number(6, 0) == null && !seventh.startsWith("s=");
        boolean eighthBeeps = eighth != null && !eighth.startsWith("s=");
        return seventhBeeps || eighthBeeps;
    }

    private static boolean silenceOption(AgiCommand command) {
        for (int i = 6; i < Math.min(command.argc(), 9); i++) {
            if (command.word(i, "").startsWith("s=")) {
                return true;
            }
        }
        return false;
    }

    private Reply exec(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.argc() < 2) {
            return usage("EXEC APPLICATION OPTIONS");
        }
        String application = command.word(1, "").toLowerCase(Locale.ROOT);
        if (application.equals("hangup")) {
            return new Reply("200 result=-1", Effect.CHANNEL_HUNG_UP, null, null);
        }
        if (!APPLICATIONS.contains(application) || !installation.hasApplication(application)) {
            return Reply.of("200 result=-2");
        }
        return switch (application) {
            case "audiosocket" -> audioSocket(command.word(2, ""), patience);
            case "dial" -> dial(command.word(2, ""), patience);
            case "mixmonitor" -> mixMonitor(command.word(2, ""));
            case "stopmixmonitor" -> {
                monitoring = null;
                yield Reply.of("200 result=0");
            }
            default -> Reply.of("200 result=0");
        };
    }

    /**
     * {@code EXEC Dial <dial string>,<ring seconds>[,<options>]} as app_dial runs it. The caller's
     * {@link Caller#dialStatus dial statuses} say how the called phone answers, one per Dial. An answered call lasts
     * the caller's {@link Caller#talksFor conversation}, after which the called side hangs up ({@code -1}, or
     * {@code 0} with {@code g}: the caller stays on the line either way) unless the caller hangs up first
     * ({@code -1}, channel down). Unanswered, it rings for at most the fake's longest wait and answers {@code 0};
     * a caller who hangs up meanwhile makes it {@code -1} with DIALSTATUS CANCEL. A running MixMonitor writes the
     * conversation.
     */
    private Reply dial(String arguments, Patience patience) throws InterruptedException {
        // Asterisk splits application arguments at commas and trims each one.
        String[] parts = arguments.split(",", -1);
        String destination = parts[0].strip();
        long ringMillis = parts.length > 1 && !parts[1].isBlank() ? seconds(parts[1]) * 1000 : 0;
        boolean goOn = parts.length > 2 && options(parts[2]).indexOf('g') >= 0;
        dials++;
        if (destination.isEmpty() || destination.indexOf('/') < 0 || ringMillis < 0) {
            variables.put("DIALSTATUS", "INVALIDARGS");
            return Reply.of(goOn ? "200 result=0" : "200 result=-1");
        }
        String status = dialStatuses.get(Math.min(dials - 1, dialStatuses.size() - 1));
        if (!status.equals("ANSWER")) {
            long ring = status.equals("NOANSWER") ? waitMillis(ringMillis) : 0;
            if (patience.hangsUpWithin(ring)) {
                variables.put("DIALSTATUS", "CANCEL");
                return callerHungUp("200 result=-1");
            }
            variables.put("DIALSTATUS", status);
            return Reply.of("200 result=0");
        }
        variables.put("DIALSTATUS", "ANSWER");
        long talk = conversation.length().toMillis();
        boolean callerLeft = patience.hangsUpWithin(talk) || conversation.callerHangsUpFirst();
        recordConversation(talk);
        if (callerLeft) {
            return callerHungUp("200 result=-1");
        }
        return Reply.of(goOn ? "200 result=0" : "200 result=-1");
    }

    /**
     * {@code EXEC MixMonitor <file>[,<options>]}: answers {@code 0} at once, always. The file is opened on the monitor's
     * thread, here at once: if Asterisk's user may not write there, nothing is written and nobody is told but
     * Asterisk's log ("Cannot open ..."). With {@code b} only bridged audio is written, so until a Dial is answered
     * the file holds its header alone.
     */
    private Reply mixMonitor(String arguments) {
        String file = arguments.split(",", 2)[0].strip();
        if (file.isEmpty()) {
            return Reply.of("200 result=-1");
        }
        Path target = Path.of(file);
        monitoring = null;
        if (installation.mayWrite(target, written.contains(target))) {
            try {
                CallerAudio.write(target, "wav", new short[0]);
                written.add(target);
                monitoring = target;
            } catch (IOException e) {
                // As on Asterisk: the monitor's thread logs it and the call goes on.
            }
        }
        return Reply.of("200 result=0");
    }

    private void recordConversation(long millis) {
        if (monitoring == null) {
            return;
        }
        int samples = (int) (millis * CallerAudio.SAMPLE_RATE / 1000);
        try {
            CallerAudio.write(monitoring, "wav", CallerAudio.speech(samples, monitoring.hashCode()));
        } catch (IOException e) {
            monitoring = null;
        }
    }

    // Dial's option letters, without the arguments some of them take in parentheses.
    private static String options(String options) {
        return options.replaceAll("\\([^)]*\\)", "");
    }

    private static long seconds(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@code EXEC AudioSocket <uuid>,<host>:<port>} as app_audiosocket runs it: the caller's next step, whatever it
     * is, is played down the stream (see {@link AudioSocketStream}) until the server ends it, by a hangup frame or
     * by closing, and Asterisk answers {@code 200 result=0} (since asterisk/asterisk#1138, spring 2025;
     * {@code 200 result=-1} with the channel up before it, see {@link Installation#audioSocketBefore2025()}); or until the caller hangs up, when it closes the
     * socket without a frame and answers {@code 200 result=-1} with the channel going down. A stream that cannot
     * start, for bad arguments or a refused connection, answers {@code 200 result=-1} with the channel still up and
     * leaves the step for the next input command.
     */
    private Reply audioSocket(String options, Patience patience) throws InterruptedException {
        // Asterisk splits application arguments at commas and trims each one.
        String[] arguments = options.split(",", 2);
        String uuid = arguments[0].strip();
        String server = arguments.length > 1 ? arguments[1].strip() : "";
        InetSocketAddress service = service(server);
        if (!UUID_FORM.matcher(uuid).matches() || service == null) {
            return streamNotStarted(new AudioSocketSession(uuid, server, 0, "", Ending.BAD_ARGUMENTS));
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1");
        }
        AudioSocketStream stream;
        try {
            stream = AudioSocketStream.open(service, UUID.fromString(uuid));
        } catch (IOException e) {
            return streamNotStarted(new AudioSocketSession(uuid, server, 0, "", Ending.CONNECT_FAILED));
        }
        try (stream) {
            Ending ending = stream.play(performance(script.pollFirst(), uuid), patience);
            AudioSocketSession session =
                    new AudioSocketSession(uuid, server, stream.audioBytes(), stream.keysSent(), ending);
            if (ending == Ending.CALLER_HUNG_UP) {
                return new Reply("200 result=-1", Effect.CALLER_HUNG_UP, null, session);
            }
            return new Reply(installation.audioSocketBefore2025() ? "200 result=-1" : "200 result=0", Effect.NONE,
                    null, session);
        }
    }

    // What the caller sends down an AudioSocket stream for each kind of step; every kind is used up by the stream.
    private static Performance performance(Step step, String uuid) {
        Random noise = new Random(uuid.hashCode());
        return switch (step) {
            case Voice voice -> new Performance(voice.pcm(), voice.end() == VoiceEnd.PRESSES_HASH ? "#" : "",
                    voice.end() == VoiceEnd.HANGS_UP);
            // The murmur carries no words a recogniser could hear; a test of recognition speaks a real recording.
            case Speech speech -> new Performance(CallerAudio.speech(samples(SPEECH_MILLIS, 0),
                    speech.words().hashCode()), "", speech.thenHangsUp());
            // A moment passes between the stream opening and the first key, as between a prompt and a finger.
            case Keys keys -> new Performance(CallerAudio.lineNoise(samples(KEYS_LEAD_MILLIS, 0), noise), keys.keys(),
                    false);
            case HangUp h -> new Performance(CallerAudio.lineNoise(samples(HANG_UP_LEAD_MILLIS, 0), noise), "", true);
            case Silence s -> new Performance(new short[0], "", false);
            case null -> new Performance(new short[0], "", false);
        };
    }

    // host:port as Asterisk resolves it, an IPv6 host in brackets; null when there is no usable port.
    private static InetSocketAddress service(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = server.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            // A bare IPv6 address: its last group would be taken for the port.
            return null;
        }
        try {
            int port = Integer.parseInt(server.substring(colon + 1));
            return port >= 1 && port <= 65_535 ? new InetSocketAddress(host, port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Reply streamNotStarted(AudioSocketSession session) {
        return new Reply("200 result=-1", Effect.NONE, null, session);
    }

    private Reply getVariable(AgiCommand command) {
        if (command.argc() != 3) {
            return usage("GET VARIABLE VARIABLENAME");
        }
        String value = variables.get(command.word(2, ""));
        return Reply.of(value == null ? "200 result=0" : "200 result=1 (" + value + ")");
    }

    private Reply channelStatus(AgiCommand command) {
        if (command.argc() == 2) {
            return Reply.of("200 result=6");
        } else if (command.argc() == 3) {
            return Reply.of(command.word(2, "").equals(channelName) ? "200 result=6" : "200 result=-1");
        }
        return usage("CHANNEL STATUS CHANNELNAME");
    }

    private Reply hangup(AgiCommand command) {
        if (command.argc() == 1 || (command.argc() == 2 && command.word(1, "").equals(channelName))) {
            return new Reply("200 result=1", Effect.CHANNEL_HUNG_UP, null, null);
        } else if (command.argc() == 2) {
            return Reply.of("200 result=-1");
        }
        return usage("HANGUP CHANNELNAME");
    }

    // A hang-up from the test may land while the command is on its way; then the command finds the line dead.
    private static boolean hungUpAlready(Patience patience) throws InterruptedException {
        return patience.hangsUpWithin(0);
    }

    private char takeOneKey() {
        Keys keys = (Keys) script.removeFirst();
        if (keys.keys().length() > 1) {
            script.addFirst(new Keys(keys.keys().substring(1), false));
        }
        return keys.keys().charAt(0);
    }

    private Reply callerHangsUp(String text) {
        script.removeFirst();
        return callerHungUp(text);
    }

    private static Reply callerHungUp(String text) {
        return new Reply(text, Effect.CALLER_HUNG_UP, null, null);
    }

    private static Reply recorded(Path file, String text) {
        return new Reply(text, Effect.NONE, file, null);
    }

    private static Reply usage(String syntax) {
        return Reply.of("520-Invalid command syntax.  Proper usage follows:\nUsage: " + syntax
                + "\n520 End of proper usage.");
    }

    // A timed-out wait really waits, so a server polling for keys in a loop does not spin, but never for long.
    private long waitMillis(long timeout) {
        return timeout > 0 ? Math.min(timeout, maxWaitMillis) : maxWaitMillis;
    }

    private static int samples(int naturalMillis, int maxMillis) {
        int millis = maxMillis > 0 ? Math.min(naturalMillis, maxMillis) : naturalMillis;
        return millis * CallerAudio.SAMPLE_RATE / 1000;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
