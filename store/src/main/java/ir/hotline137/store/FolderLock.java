package ir.hotline137.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The data folder's lock: one process at a time, and a second one is told who holds it instead of finding
 * the files "damaged". The operating system releases the lock when the holder dies, however it dies.
 */
final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(DataFolder folder) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ByteBuffer content = ByteBuffer.allocate(4096);
                channel.read(content, 0);
                String holder = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
                channel.close();
                throw new DataFolderException("data folder " + folder.root() + " is in use by " + describe(holder)
                        + ". Stop that process first, or point hotline.data-dir at another folder.");
            }
            ProcessHandle self = ProcessHandle.current();
            String who = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().orElse(Instant.now())
                    + "\ncommand=" + self.info().command().orElse("java") + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new FolderLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the open failure is the one worth telling
                }
            }
            throw new DataFolderException("cannot lock data folder " + folder.root() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(String holder) {
        String pid = field(holder, "pid");
        if (pid == null) {
            return "another process";
        }
        String started = field(holder, "started");
        boolean self = pid.equals(Long.toString(ProcessHandle.current().pid()));
        return (self ? "this very process (pid " + pid + ")" : "process " + pid)
                + (started != null ? ", started " + started : "");
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the process is letting go of the folder; the OS releases the lock with the channel anyway
        }
    }
}
