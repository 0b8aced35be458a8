package ir.hotline137.hotline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every test of the whole application shares: its own data folder and free ports. */
final class TestApplication {
    private TestApplication() {
    }

    /** A fresh data folder and port 0 for FastAGI and AudioSocket; returns the folder's parent. */
    static Path isolated(DynamicPropertyRegistry registry, String name) throws IOException {
        Path dir = Files.createTempDirectory(name);
        registry.add("hotline.data-dir", () -> dir.resolve("data").toString());
        registry.add("hotline.fastagi.port", () -> "0");
        registry.add("hotline.audiosocket.port", () -> "0");
        return dir;
    }

    /** One console user, {@code hotline.users[index]}, with a test-only clear password. */
    static void user(DynamicPropertyRegistry registry, int index, String username, String password, String role,
                     String dialString) {
        String at = "hotline.users[" + index + "].";
        registry.add(at + "username", () -> username);
        registry.add(at + "password", () -> "{noop}" + password);
        registry.add(at + "roles", () -> role);
        if (dialString != null) {
            registry.add(at + "dial-string", () -> dialString);
        }
    }
}
