package ir.hotline137.ivr.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the fake Asterisk has installed and who it runs as: the things that differ between real Asterisk 22
 * machines and change what the same command answers. The default is a complete install running as the test's own
 * user, which can write wherever the test can; each {@code with...} method gives a copy that lacks something,
 * as a machine in the field may.
 *
 * @param missingSounds       sound files this Asterisk does not have, by the name a command gives them
 *                            ({@code beep}, {@code hotline137/welcome}); a stock install has all of them
 * @param missingApplications dialplan applications not loaded, lower case
 * @param user                who Asterisk runs as when it writes files; empty for the test's own user
 * @param audioSocketBefore2025 an Asterisk 22 from before asterisk/asterisk#1138 (spring 2025): there
 *                            {@code EXEC AudioSocket} answers {@code -1} when the service ends the stream, where a
 *                            later one answers {@code 0}
 */
public record Installation(Set<String> missingSounds, Set<String> missingApplications, Optional<FileUser> user,
                           boolean audioSocketBefore2025) {

    /**
     * A user other than the test's, as Asterisk's own {@code asterisk} user is beside the hotline's: it may write into
     * a folder only as POSIX permissions allow a process with this uid and these groups (the same rule the kernel
     * applies, minus ACLs and root's exemption).
     */
    public record FileUser(int uid, Set<Integer> gids) {
        public FileUser {
            gids = Set.copyOf(gids);
        }

        /** Whether this user may create a file in {@code folder}: write and search permission on it. */
        boolean mayCreateIn(Path folder) {
            try {
                int mode = (Integer) Files.getAttribute(folder, "unix:mode");
                int owner = (Integer) Files.getAttribute(folder, "unix:uid");
                int group = (Integer) Files.getAttribute(folder, "unix:gid");
                int bits = owner == uid ? (mode >> 6) & 7 : gids.contains(group) ? (mode >> 3) & 7 : mode & 7;
                return (bits & 3) == 3;
            } catch (IOException e) {
                return false;
            }
        }
    }

    public Installation {
        missingSounds = Set.copyOf(missingSounds);
        missingApplications = Set.copyOf(missingApplications);
        Objects.requireNonNull(user, "user");
    }

    /** Asterisk 22 as installed from source with the core sounds, every application we use, as the test's user. */
    public static Installation complete() {
        return new Installation(Set.of(), Set.of(), Optional.empty(), false);
    }

    /** The same install without these sounds (e.g. {@code beep}, a core sound some packagings leave out). */
    public Installation withoutSounds(String... names) {
        Set<String> missing = new HashSet<>(missingSounds);
        missing.addAll(Set.of(names));
        return new Installation(missing, missingApplications, user, audioSocketBefore2025);
    }

    /** The same install without this application module loaded (e.g. {@code MixMonitor}). */
    public Installation withoutApplication(String name) {
        Set<String> missing = new HashSet<>(missingApplications);
        missing.add(name.toLowerCase(Locale.ROOT));
        return new Installation(missingSounds, missing, user, audioSocketBefore2025);
    }

    /** The same install running as another user, as a packaged Asterisk runs as {@code asterisk}. */
    public Installation runningAs(FileUser other) {
        return new Installation(missingSounds, missingApplications, Optional.of(other), audioSocketBefore2025);
    }

    /** The same install as it was before the AudioSocket fix of 2025 (see {@link #audioSocketBefore2025()}). */
    public Installation withAudioSocketBefore2025() {
        return new Installation(missingSounds, missingApplications, user, true);
    }

    boolean hasSound(String name) {
        return !missingSounds.contains(name);
    }

    boolean hasApplication(String name) {
        return !missingApplications.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether Asterisk could create {@code file}: its folder exists and, as another user, it may write there. */
    boolean mayWrite(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        return user.map(u -> u.mayCreateIn(folder)).orElse(Files.isWritable(folder));
    }
}
