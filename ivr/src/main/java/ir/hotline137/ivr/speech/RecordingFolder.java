package ir.hotline137.ivr.speech;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder callers are recorded into, shared with Asterisk: Asterisk writes every file in it (RECORD FILE,
 * MixMonitor) and we read them. One folder a day; each file named by the call's id and what was recorded, so
 * an agent or an auditor finds a recording from the request's date and the call alone.
 *
 * <p>Asterisk usually runs as its own user. Each folder we make is therefore given the {@link Sharing#group()}
 * both users belong to and a {@link Sharing#mode()} that lets that group write (setgid by default, so what
 * Asterisk writes inside keeps the group and stays readable to us). Asterisk does not say when it cannot write:
 * MixMonitor answers success and only logs "Permission denied". So a recording counts only once
 * {@link #holdsAudio} has seen it.
 */
public final class RecordingFolder {
    private static final Logger log = LoggerFactory.getLogger(RecordingFolder.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    /** A WAV file's header; a file no longer than it holds no sound. */
    private static final long WAV_HEADER_BYTES = 44;
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    /**
     * How the folders are shared with Asterisk.
     *
     * @param group     the group both we and Asterisk's user belong to; empty to keep the group folders get
     * @param mode      the permission bits of every folder made here, e.g. {@code 02770}
     * @param checkWait how long a finished recording may take to appear (Asterisk closes files on its own thread;
     *                  a network file system shows a size late)
     */
    public record Sharing(Optional<String> group, int mode, Duration checkWait) {
        public Sharing {
            if (mode < 0 || mode > 07777) {
                throw new IllegalArgumentException("hotline.recordings.mode must be octal permission bits such as "
                        + "2770, not " + Integer.toOctalString(mode));
            }
            if ((mode & 0700) != 0700) {
                throw new IllegalArgumentException("hotline.recordings.mode " + Integer.toOctalString(mode)
                        + " would lock the hotline out of its own recordings folder: the owner needs rwx (7..)");
            }
            if (checkWait.isNegative()) {
                throw new IllegalArgumentException("hotline.recordings.check-wait cannot be negative");
            }
            group = group.filter(g -> !g.isBlank());
        }

        /** Parses the octal text of application.yml, e.g. "2770". */
        public static int octal(String mode) {
            try {
                return Integer.parseInt(mode.strip(), 8);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hotline.recordings.mode must be octal, such as 2770, not '"
                        + mode + "'");
            }
        }
    }

    private final Path root;
    private final ZoneId zone;
    private final Sharing sharing;
    private final Optional<GroupPrincipal> group;
    private final Optional<UserPrincipal> us;
    /** Folders whose sharing failed, each logged once; a new day's folder gets its own line. */
    private final Set<Path> reported = ConcurrentHashMap.newKeySet();
    /** Folders made or set right by this process: the day's folder is looked at once, not at every recording. */
    private final Set<Path> shared = ConcurrentHashMap.newKeySet();

    /**
     * @throws IllegalArgumentException if the sharing group does not exist on this machine
     */
    public RecordingFolder(Path root, ZoneId zone, Sharing sharing) {
        this.root = root.toAbsolutePath();
        this.zone = zone;
        this.sharing = sharing;
        this.group = sharing.group().map(RecordingFolder::lookUp);
        this.us = currentUser();
        if (group.isPresent() && (sharing.mode() & 0070) != 0070) {
            log.warn("hotline.recordings.mode {} gives the group {} no write access: Asterisk's user will not be able "
                    + "to record into the folders", Integer.toOctalString(sharing.mode()), sharing.group().get());
        }
    }

    private static Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static GroupPrincipal lookUp(String name) {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalArgumentException("hotline.recordings.group '" + name + "' is no group on this machine "
                    + "(getent group " + name + ")", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("hotline.recordings.group '" + name + "' cannot be used here: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The file (without extension: Asterisk adds it) for one recording of a call. The day's folder is made
     * here, shared as configured, when we share the file system with Asterisk; when we do not, Asterisk's side
     * must have it.
     *
     * @param purpose e.g. "description" or "message"
     */
    public Path fileFor(String callId, String purpose, Instant at) {
        Path day = root.resolve(LocalDate.ofInstant(at, zone).format(DAY));
        try {
            share(day);
        } catch (IOException | UnsupportedOperationException e) {
            // Asterisk writes the file, possibly on another host; its failure will show in the recording.
            if (reported.add(day)) {
                log.error("cannot prepare the recordings folder {} for Asterisk ({}): recordings there will fail. Is "
                        + "the hotline's process in group {} (restarted since usermod)?", day, e.toString(),
                        sharing.group().orElse("(its own)"));
            }
        }
        return day.resolve(safe(callId) + "-" + safe(purpose));
    }

    /**
     * Whether Asterisk has written sound into {@code file}: it exists and holds more than a WAV header. Waits up
     * to the sharing's check wait for it to show, so a recording Asterisk is still closing is not missed.
     */
    public boolean holdsAudio(Path file) {
        long deadline = System.nanoTime() + sharing.checkWait().toNanos();
        while (true) {
            try {
                if (Files.size(file) > WAV_HEADER_BYTES) {
                    if (Files.isReadable(file)) {
                        return true;
                    }
                    log.warn("{} was written but the hotline cannot read it: Asterisk's umask leaves its group no read "
                            + "access", file);
                    return false;
                }
            } catch (IOException notThere) {
                // not yet, or never
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(LOOK_AGAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Makes {@code folder} and every folder between it and the root (the root too) shared as configured. A missing
     * folder is made under a temporary name, given its group and mode, and only then moved into place, so a folder
     * never exists half-shared; one of ours that is shared otherwise (made before the setting, or by an older
     * version) is set right. Folders owned by someone else are left as the operator made them.
     */
    private void share(Path folder) throws IOException {
        if (shared.contains(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (!folder.equals(root) && parent != null) {
            share(parent);
        }
        if (Files.isDirectory(folder)) {
            repair(folder);
            shared.add(folder);
            return;
        }
        Path making = Files.createTempDirectory(parent, "." + folder.getFileName() + "-");
        try {
            apply(making);
            Files.move(making, folder, StandardCopyOption.ATOMIC_MOVE);
            shared.add(folder);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(making);
            if (!Files.isDirectory(folder)) {
                throw e;
            }
            // Made meanwhile by another call, or by the hotline's own AudioSocket recorder: share that one.
            repair(folder);
            shared.add(folder);
        }
    }

    private void repair(Path folder) throws IOException {
        if (us.isEmpty() || !Files.getOwner(folder).equals(us.get())) {
            return;
        }
        int mode = (Integer) Files.getAttribute(folder, "unix:mode") & 07777;
        boolean groupWrong = group.isPresent()
                && !Files.readAttributes(folder, PosixFileAttributes.class).group().equals(group.get());
        if (groupWrong || mode != sharing.mode()) {
            apply(folder);
        }
    }

    private void apply(Path folder) throws IOException {
        if (group.isPresent()) {
            Files.setAttribute(folder, "posix:group", group.get());
        }
        // The "unix" view, not "posix": only it carries the setgid bit. Set after the group: chgrp clears setgid.
        Files.setAttribute(folder, "unix:mode", sharing.mode());
    }

    /** Asterisk's unique ids are like 1732180000.123; anything else is kept out of the file name. */
    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
