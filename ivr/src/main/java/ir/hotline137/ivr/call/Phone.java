package ir.hotline137.ivr.call;

import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.server.ScreenedConnection;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.SpokenNumbers;
import ir.hotline137.prompts.Utterance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SetMusicOffCommand;
import org.asteriskjava.fastagi.command.SetMusicOnCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * The caller's end of the line, in the words the call flows think in: play this, which key, type a number,
 * record, connect to that phone. Underneath it is one AGI command at a time; every reply that means the
 * caller has gone becomes {@link CallerHungUp}.
 *
 * <p>Prompts are played so that a caller who knows the menu may press a key at any moment: the key stops
 * the prompt and counts (barge-in).
 */
public final class Phone {
    /** Every key a telephone has: a key pressed during a prompt always stops it, valid or not. */
    public static final String ANY_KEY = "0123456789*#";
    /** The prompts' language: Asterisk looks for them under sounds/fa/. */
    public static final String LANGUAGE = "fa";
    /** Asterisk's core sound that tells a caller to start speaking. */
    public static final String BEEP = "beep";
    /**
     * The channel variable set when a call ends in our hands as it should, so that the dialplan after
     * {@code AGI()} can tell that from our side failing (see the README's dialplan). AGISTATUS cannot: a FastAGI
     * server that closes the connection, crashed or not, leaves it SUCCESS.
     */
    public static final String HANDLED_VARIABLE = "HOTLINE137";
    public static final String HANDLED = "done";

    private final AgiChannel channel;
    private final ScreenedConnection connection;
    private final IvrSettings settings;

    public Phone(AgiChannel channel, ScreenedConnection connection, IvrSettings settings) {
        this.channel = channel;
        this.connection = connection;
        this.settings = settings;
    }

    /**
     * Answers and sets the channel's language, so Asterisk finds the prompts under {@code sounds/fa/} whatever
     * the dialplan set.
     */
    public void answer() {
        send(new AnswerCommand(), "answering");
        send(new SetVariableCommand("CHANNEL(language)", LANGUAGE), "answering");
    }

    /** Plays the prompts to the end; keys pressed meanwhile are ignored. */
    public void play(Utterance utterance) {
        for (String file : utterance.files()) {
            AgiReply reply = send(new StreamFileCommand(sound(file), ""), "during a prompt");
            failedIfNegative(reply, "prompt " + sound(file));
        }
    }

    /** Plays the prompts and stops at the first key the caller presses. */
    public Optional<Character> playUntilKey(Utterance utterance) {
        for (String file : utterance.files()) {
            AgiReply reply = send(new StreamFileCommand(sound(file), ANY_KEY), "during a prompt");
            failedIfNegative(reply, "prompt " + sound(file));
            if (reply.getResultCode() > 0) {
                return Optional.of((char) reply.getResultCode());
            }
        }
        return Optional.empty();
    }

    /** One key: pressed during the prompt, or within the keypad timeout after it. Empty when none came. */
    public Optional<Character> askKey(Utterance prompt) {
        Optional<Character> early = playUntilKey(prompt);
        return early.isPresent() ? early : waitForKey(settings.keypadTimeout());
    }

    /**
     * A number typed on the keypad and ended with # (or by reaching {@code maxDigits}). The caller may start
     * typing during the prompt. Empty when nothing was typed.
     */
    public String askDigits(Utterance prompt, int maxDigits) {
        List<String> files = prompt.files();
        StringBuilder typed = new StringBuilder();
        for (String file : files.subList(0, files.size() - 1)) {
            AgiReply reply = send(new StreamFileCommand(sound(file), ANY_KEY), "during a prompt");
            failedIfNegative(reply, "prompt " + sound(file));
            if (reply.getResultCode() > 0) {
                typed.append((char) reply.getResultCode());
                return finishTyping(typed, maxDigits);
            }
        }
        // GET DATA plays the last prompt and gathers the digits in one command, barge-in included.
        AgiReply reply = send(new GetDataCommand(sound(files.getLast()), settings.keypadTimeout().toMillis(),
                maxDigits), "while typing");
        String result = reply.getResult();
        if (result.startsWith("-")) {
            failedIfNegative(reply, "prompt " + sound(files.getLast()) + " with keypad entry");
        }
        return result;
    }

    private String finishTyping(StringBuilder typed, int maxDigits) {
        while (typed.length() < maxDigits && typed.charAt(typed.length() - 1) != '#') {
            Optional<Character> key = waitForKey(settings.keypadTimeout());
            if (key.isEmpty()) {
                break;
            }
            typed.append(key.get());
        }
        int end = typed.length();
        return typed.charAt(end - 1) == '#' ? typed.substring(0, end - 1) : typed.toString();
    }

    public Optional<Character> waitForKey(Duration timeout) {
        AgiReply reply = send(new WaitForDigitCommand(timeout.toMillis()), "while waiting for a key");
        failedIfNegative(reply, "waiting for a key");
        return reply.getResultCode() > 0 ? Optional.of((char) reply.getResultCode()) : Optional.empty();
    }

    /**
     * Records the caller after a beep into {@code file}.wav until they press #, fall silent, reach the limit or
     * hang up; a caller who hangs up at the end of a message still leaves it, so that is no exception here.
     * Asterisk writes the file, so {@code file} must be a path Asterisk can write to.
     *
     * <p>The beep is played by {@link #beep()}, not by RECORD FILE's own BEEP option: on an Asterisk without the
     * {@code beep} sound that option fails the whole command ({@code 200 result=-1 (randomerror)}, nothing
     * recorded, the caller still there), where a beep of our own can simply be left out.
     */
    public Recording record(Path file, Duration limit) {
        return record(file, limit, true);
    }

    /**
     * {@link #record(Path, Duration)}, with or without the beep first: without, when the caller has just heard it
     * (a streamed description that fell back to recording).
     */
    public Recording record(Path file, Duration limit, boolean beepFirst) {
        if (beepFirst) {
            beep();
        }
        AgiReply reply = send(new RecordFileCommand(file.toString(), "wav", "#", (int) limit.toMillis(), 0, false,
                (int) Math.max(1, settings.descriptionSilence().toSeconds())), "while recording");
        String why = reply.getExtra();
        if ("writefile".equals(why)) {
            throw new AgiCommandRefused("RECORD FILE " + file, "Asterisk cannot write there: the recordings folder "
                    + "must exist on Asterisk's side and be writable by Asterisk's user (hotline.recordings.group, "
                    + "hotline.recordings.mode)");
        }
        // (timeout) reports the milliseconds left of Asterisk's last wait, so only a negative result is a failure.
        boolean hungUp = reply.getResultCode() < 0;
        if (hungUp && !"hangup".equals(why)) {
            confirmHangUp("recording into " + file);
            throw new AgiCommandRefused("RECORD FILE " + file, reply.getFirstLine() + " on a live channel");
        }
        long samples = parseLong(reply.getAttribute("endpos"));
        return new Recording(file.resolveSibling(file.getFileName() + ".wav"), "dtmf".equals(why), samples, hungUp);
    }

    /**
     * Asterisk's own short tone that tells the caller to start speaking (the core sound {@code beep}). A beep that
     * cannot play on a live channel (the sound missing) is no reason to stop listening: the caller is asked to
     * speak without it, and the missing sound is logged once.
     */
    public void beep() {
        AgiReply reply = send(new StreamFileCommand(BEEP, ""), "during the beep");
        if (reply.getResultCode() < 0) {
            confirmHangUp("during the beep");
            MissingSounds.report(BEEP);
        }
    }

    /**
     * Streams the caller's voice to an AudioSocket service ({@code host:port}) until that service ends the
     * stream or the caller hangs up.
     *
     * @param stream the stream's id, by which the service knows the call
     * @return true if the caller hung up meanwhile
     * @throws AgiCommandRefused when this Asterisk has no AudioSocket application
     */
    public boolean streamVoice(UUID stream, String service) {
        int result = exec("AudioSocket", stream + "," + service);
        if (result >= 0) {
            return false;
        }
        // -1 is both a hang-up and a stream that could not start (nobody listening, bad address).
        try {
            confirmHangUp("streaming to " + service);
            return false;
        } catch (CallerHungUp gone) {
            return true;
        }
    }

    /**
     * Bridges the caller to another phone and returns when that conversation is over, or the caller hung up.
     *
     * <p>Dial's {@code g} option lets the caller stay with us when the other side hangs up: without it Asterisk
     * answers {@code -1} exactly as when the caller hangs up. Even so a {@code -1} is checked against the channel,
     * so whichever way this Asterisk answers, a caller still on the line is never taken for gone. Asterisk still
     * answers GET VARIABLE on a channel whose caller has gone, so the status is known either way.
     */
    public DialResult dial(String dialString, Duration ring) {
        int result = exec("Dial", dialString + "," + ring.toSeconds() + ",g");
        boolean callerGone = false;
        if (result < 0) {
            try {
                confirmHangUp("after Dial " + dialString);
            } catch (CallerHungUp gone) {
                callerGone = true;
            }
        }
        try {
            return new DialResult(variable("DIALSTATUS").orElse(""), callerGone);
        } catch (CallerHungUp statusUnreadable) {
            // The connection closed with the hang-up (AGIEXITONHANGUP): a hang-up during Dial almost always ends
            // the conversation rather than the ringing.
            return new DialResult(DialResult.ANSWER, true);
        }
    }

    /**
     * Starts recording the conversation that follows, both sides mixed, into {@code file} (with its extension,
     * e.g. {@code .wav}): Asterisk's MixMonitor, writing only while the caller is bridged.
     *
     * <p>True says only that MixMonitor started: it opens the file afterwards on its own thread and answers
     * success even when it cannot (a folder its user may not write), so whether anything was recorded is known
     * only from the file, once the conversation is over.
     *
     * @return false when this Asterisk cannot record at all (no MixMonitor): the call goes on unrecorded
     */
    public boolean recordConversation(Path file) {
        int result;
        try {
            result = exec("MixMonitor", file + ",b");
        } catch (AgiCommandRefused missing) {
            return false;
        }
        if (result < 0) {
            confirmHangUp("starting to record into " + file);
            return false;
        }
        return true;
    }

    /** Stops a recording {@link #recordConversation} started, so a second attempt does not write twice. */
    public void stopRecordingConversation() {
        try {
            exec("StopMixMonitor", "");
        } catch (AgiCommandRefused missing) {
            // then nothing was recording either
        }
    }

    /** Runs a dialplan application; a refusal by Asterisk (e.g. the application is missing) is an error. */
    public int exec(String application, String arguments) {
        AgiReply reply = send(new ExecCommand(application, arguments), "during " + application);
        if (reply.getResultCode() == -2) {
            throw new AgiCommandRefused("EXEC " + application, "no such application in this Asterisk");
        }
        return reply.getResultCode();
    }

    public Optional<String> variable(String name) {
        AgiReply reply = send(new GetVariableCommand(name), "reading " + name);
        return reply.getResultCode() == 1 ? Optional.ofNullable(reply.getExtra()) : Optional.empty();
    }

    /**
     * Tells the dialplan that this call ended as it should ({@link #HANDLED_VARIABLE}); without it, the dialplan
     * after {@code AGI()} hands the caller to its fallback.
     */
    public void markHandled() {
        send(new SetVariableCommand(HANDLED_VARIABLE, HANDLED), "ending the call");
    }

    public void musicOnHold(boolean on) {
        send(on ? new SetMusicOnCommand() : new SetMusicOffCommand(), "on hold");
    }

    /**
     * Tells a caller on hold their place in line (music paused for it): "your place in the queue: 3", with an
     * estimated wait when there is one ("about 6 minutes"), then {@code then}. A place below 1 means the caller stopped waiting a moment ago, so nothing is said and the
     * hold loop acts on it next.
     */
    public void announcePlace(int position, Optional<Duration> estimatedWait, Prompt then) {
        if (position < 1) {
            return;
        }
        musicOnHold(false);
        Utterance said = Utterance.of(Prompt.HOLD_POSITION).then(SpokenNumbers.cardinal(position));
        if (estimatedWait.isPresent()) {
            // Whole minutes, rounded up: "about three minutes" promises less than it may take.
            long minutes = Math.max(1, (estimatedWait.get().toSeconds() + 59) / 60);
            said = said.then(Prompt.HOLD_ESTIMATE)
                    .then(SpokenNumbers.cardinal((int) Math.min(minutes, SpokenNumbers.MAX_CARDINAL)))
                    .then(Prompt.MINUTES);
        }
        play(said.then(then));
        musicOnHold(true);
    }

    /**
     * While holding, listens for the caller hanging up without sending anything to Asterisk, so thousands
     * of waiting callers cost no traffic.
     */
    public boolean hungUpWithin(Duration slice) {
        try {
            return connection.hungUpWithin(slice);
        } catch (IOException e) {
            return true;
        }
    }

    private String sound(String file) {
        return settings.sounds() + "/" + file;
    }

    private AgiReply send(AgiCommand command, String when) {
        AgiReply reply;
        try {
            reply = channel.sendCommand(command);
        } catch (AgiHangupException | AgiNetworkException e) {
            throw new CallerHungUp(when);
        } catch (AgiException e) {
            throw new AgiCommandRefused(command.buildCommand(), e.getMessage());
        }
        if (reply.getStatus() != AgiReply.SC_SUCCESS) {
            throw new AgiCommandRefused(command.buildCommand(), reply.getFirstLine());
        }
        return reply;
    }

    /**
     * Asterisk answers -1 both when the caller hung up and when it could not do the thing at all (a prompt
     * missing from its sounds folder). Which one it was decides between a quiet end and an error someone
     * must fix, so a -1 is checked against the channel itself.
     */
    private void failedIfNegative(AgiReply reply, String what) {
        if (reply.getResultCode() < 0) {
            confirmHangUp(what);
            throw new AgiCommandRefused(what, "failed on a live channel: is it installed in Asterisk's sounds/"
                    + LANGUAGE + "/" + settings.sounds() + "/ (install-prompts)?");
        }
    }

    /** Throws {@link CallerHungUp} if the channel is gone; returns if the caller is still there. */
    private void confirmHangUp(String when) {
        send(new ChannelStatusCommand(), when);
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
