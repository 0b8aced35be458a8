package ir.hotline137.ivr.fake;

import ir.hotline137.ivr.fake.AudioSocketSession.Ending;
import ir.hotline137.ivr.fake.AudioSocketStream.Performance;
import ir.hotline137.ivr.fake.Caller.HangUp;
import ir.hotline137.ivr.fake.Caller.Keys;
import ir.hotline137.ivr.fake.Caller.Silence;
import ir.hotline137.ivr.fake.Caller.Speech;
import ir.hotline137.ivr.fake.Caller.Step;
import ir.hotline137.ivr.fake.Caller.Voice;
import ir.hotline137.ivr.fake.Caller.VoiceEnd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The channel of one live call as res_agi sees it: answers each command with Asterisk 22's reply, letting the
 * caller's script decide what happens during input commands. Used by a single thread, the call's.
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
    private final Deque<Step> script;
    private final List<String> dialStatuses;
    private final Map<String, String> variables = new HashMap<>();
    private int dials;

    ScriptedChannel(Caller caller, String channelName, long maxWaitMillis) {
        this.channelName = channelName;
        this.maxWaitMillis = maxWaitMillis;
        this.script = new ArrayDeque<>(caller.steps());
        this.dialStatuses = caller.dialStatuses();
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
            if (command.argc() >= 4) {
                variables.put(command.word(2, ""), command.word(3, ""));
            }
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

    private Reply streamFile(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.argc() < 4 || command.argc() > 5 || command.number(4, 0) == null) {
            return usage("STREAM FILE FILENAME ESCAPE_DIGITS [SAMPLE OFFSET]");
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1 endpos=0");
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
        if (!CallerAudio.canWrite(format)) {
            return Reply.of("200 result=-1 (writefile)");
        }
        if (hungUpAlready(patience)) {
            return callerHungUp("200 result=-1 (hangup) endpos=0");
        }
        Path file = Path.of(command.word(2, "") + "." + format);
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
                            : "200 result=0 (timeout) endpos=" + samples);
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
                                : "200 result=0 (timeout) endpos=" + samples);
                        // Silence detection or the maximum time ends it, either way a timeout to res_agi.
                        case FALLS_SILENT -> recorded(file, "200 result=0 (timeout) endpos=" + samples);
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
                    return recorded(file, "200 result=0 (timeout) endpos=" + samples);
                }
            }
        } catch (IOException e) {
            return Reply.of("200 result=-1 (writefile)");
        }
    }

    private Reply exec(AgiCommand command, Patience patience) throws InterruptedException {
        if (command.argc() < 2) {
            return usage("EXEC APPLICATION OPTIONS");
        }
        String application = command.word(1, "").toLowerCase(Locale.ROOT);
        if (application.equals("dial")) {
            dials++;
        }
        if (application.equals("hangup")) {
            return new Reply("200 result=-1", Effect.CHANNEL_HUNG_UP, null, null);
        }
        if (application.equals("audiosocket")) {
            return audioSocket(command.word(2, ""), patience);
        }
        return Reply.of(APPLICATIONS.contains(application) ? "200 result=0" : "200 result=-2");
    }

    /**
     * {@code EXEC AudioSocket <uuid>,<host>:<port>} as app_audiosocket runs it: the caller's next step, whatever it
     * is, is played down the stream (see {@link AudioSocketStream}) until the server ends it, by a hangup frame or
     * by closing, and Asterisk answers {@code 200 result=0}; or until the caller hangs up, when it closes the
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
            return ending == Ending.CALLER_HUNG_UP
                    ? new Reply("200 result=-1", Effect.CALLER_HUNG_UP, null, session)
                    : new Reply("200 result=0", Effect.NONE, null, session);
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
        String name = command.word(2, "");
        String value = name.equals("DIALSTATUS")
                ? dialStatuses.get(Math.min(Math.max(dials - 1, 0), dialStatuses.size() - 1))
                : variables.get(name);
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
