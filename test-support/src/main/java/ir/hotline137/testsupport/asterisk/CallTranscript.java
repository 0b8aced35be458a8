package ir.hotline137.testsupport.asterisk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened on one fake call, for assertions and for failure messages.
 *
 * @param uniqueId the call's {@code agi_uniqueid}
 * @param commands every command line the server sent, in order, as received
 * @param replies the reply to each command, same index as in {@code commands} (a 520 reply spans several lines)
 * @param recordings the audio files that {@code RECORD FILE} commands wrote, in order
 * @param audioSockets the streams that {@code EXEC AudioSocket} commands opened, or tried to, in order
 * @param callerHungUp whether the caller hung up (by script or by {@link FakeCall#hangUp()})
 * @param serverHungUp whether the server hung the channel up ({@code HANGUP} or {@code EXEC Hangup})
 * @param hangUpNoticeAt how many commands had been received when the unsolicited {@code HANGUP} line went to the
 *         server, or -1 if it never did
 * @param error why the call ended abnormally (connection refused, a silent server, a reset), if it did
 */
public record CallTranscript(String uniqueId, List<String> commands, List<String> replies, List<Path> recordings,
        List<AudioSocketSession> audioSockets, boolean callerHungUp, boolean serverHungUp, int hangUpNoticeAt,
        Optional<String> error) {

    public CallTranscript {
        Objects.requireNonNull(uniqueId, "uniqueId");
        commands = List.copyOf(commands);
        replies = List.copyOf(replies);
        recordings = List.copyOf(recordings);
        audioSockets = List.copyOf(audioSockets);
        Objects.requireNonNull(error, "error");
    }

    /**
     * Whether any command the server sent starts with {@code prefix}, as sent or with its words unquoted, so that
     * {@code sent("EXEC Dial PJSIP/101")} matches {@code EXEC "Dial" "PJSIP/101,30"}.
     */
    public boolean sent(String prefix) {
        return commands.stream().anyMatch(command -> AgiCommand.startsWith(command, prefix));
    }

    /** The prompts the caller heard, in order: the files of {@code STREAM FILE} and {@code GET DATA}. */
    public List<String> played() {
        return commands.stream()
                .map(AgiCommand::parse)
                .filter(command -> command.is("STREAM", "FILE") || command.is("GET", "DATA"))
                .filter(command -> command.argc() >= 3)
                .map(command -> command.word(2, ""))
                .toList();
    }

    /**
     * The option strings of each {@code EXEC} of {@code application} (matched case-blind), in order; e.g.
     * {@code executed("Dial")} gives {@code ["PJSIP/101,30"]}.
     */
    public List<String> executed(String application) {
        return commands.stream()
                .map(AgiCommand::parse)
                .filter(command -> command.is("EXEC", application))
                .map(command -> command.word(2, ""))
                .toList();
    }

    /** The commands the server sent after it had been told the caller was gone. */
    public List<String> commandsAfterHangUp() {
        return hangUpNoticeAt < 0 ? List.of() : commands.subList(hangUpNoticeAt, commands.size());
    }

    /** The whole exchange, one line each way, as a failure message should show it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("call ").append(uniqueId);
        if (callerHungUp) {
            text.append(", caller hung up");
        }
        if (serverHungUp) {
            text.append(", server hung up");
        }
        error.ifPresent(why -> text.append(", ERROR: ").append(why));
        for (int i = 0; i <= commands.size(); i++) {
            if (i == hangUpNoticeAt) {
                text.append("\n  < HANGUP");
            }
            if (i < commands.size()) {
                text.append("\n  > ").append(commands.get(i));
                if (i < replies.size()) {
                    text.append("\n  < ").append(replies.get(i).replace("\n", "\n    "));
                }
            }
        }
        recordings.forEach(file -> text.append("\n  recorded ").append(file));
        audioSockets.forEach(stream -> text.append("\n  ").append(stream));
        return text.toString();
    }
}
