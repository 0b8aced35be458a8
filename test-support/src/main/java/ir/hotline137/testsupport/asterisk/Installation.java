package ir.hotline137.testsupport.asterisk;

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
     * A user other than the test's, as Asterisk's own {@code asterisk} user is beside the hotline's: it may reach a
     * folder, create a file in it or write over one only as POSIX permissions allow a process with this uid and
     * these groups (the kernel's rule, minus ACLs and root's exemption). The fake cannot really write as another
     * user, so a file it wrote itself counts as this user's own.
     */
    public record FileUser(int uid, Set<Integer> gids) {
        public FileUser {
            gids = Set.copyOf(gids);
        }

        /** The rwx bits that apply to this user on {@code path}, as 0..7; 0 if it cannot be read. */
        int bits(Path path, boolean ownFile) {
            try {
                int mode = (Integer) Files.getAttribute(path, "unix:mode");
                int owner = (Integer) Files.getAttribute(path, "unix:uid");
                int group = (Integer) Files.getAttribute(path, "unix:gid");
                if (owner == uid || ownFile) {
                    return (mode >> 6) & 7;
                }
                return gids.contains(group) ? (mode >> 3) & 7 : mode & 7;
            } catch (IOException e) {
                return 0;
            }
        }

        /** Search permission on every folder from the root down to {@code folder}: the path can be walked. */
        boolean mayReach(Path folder) {
            for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
                if ((bits(p, false) & 1) == 0) {
                    return false;
                }
            }
            return true;
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

    /**
     * Whether Asterisk could open {@code file} for writing: the path can be walked and, for a new file, the folder
     * written, for an existing one the file itself ({@code O_TRUNC}, as {@code ast_writefile} opens it).
     *
     * @param ownFile the fake wrote this file earlier as Asterisk's user
     */
    boolean mayWrite(Path file, boolean ownFile) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        if (user.isEmpty()) {
            return Files.exists(file) ? Files.isWritable(file) : Files.isWritable(folder);
        }
        FileUser other = user.get();
        if (!other.mayReach(folder)) {
            return false;
        }
        return Files.exists(file) ? (other.bits(file, ownFile) & 2) != 0 : (other.bits(folder, false) & 3) == 3;
    }
}
