package ir.hotline137.hotline.admin;

import ir.hotline137.calls.CallsMigration;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.calls.PostgresCallLog;
import ir.hotline137.console.open311.ApiClientsMigration;
import ir.hotline137.console.open311.MapDbApiClients;
import ir.hotline137.console.open311.PostgresApiClients;
import ir.hotline137.console.people.MapDbPeople;
import ir.hotline137.console.people.PeopleMigration;
import ir.hotline137.console.people.PostgresPeople;
import ir.hotline137.console.shift.MapDbShifts;
import ir.hotline137.console.shift.PostgresShifts;
import ir.hotline137.console.shift.ShiftsMigration;
import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.requests.RequestsAssembly;
import ir.hotline137.mayor.file.CallerFilesMigration;
import ir.hotline137.mayor.file.MapDbCallerFiles;
import ir.hotline137.mayor.file.PostgresCallerFiles;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.MayorLogMigration;
import ir.hotline137.mayor.log.PostgresMayorSessionLog;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.MeetingsMigration;
import ir.hotline137.mayor.meeting.PostgresMeetings;
import ir.hotline137.outbound.callback.CallbacksMigration;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.outbound.callback.PostgresCallbacks;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.OutboxMigration;
import ir.hotline137.outbound.outbox.PostgresOutbox;
import ir.hotline137.prompts.PromptSounds;
import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.duplicates.IndexReconciliation;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.evaluation.CorpusRow;
import ir.hotline137.requests.evaluation.DuplicateEvaluation;
import ir.hotline137.requests.evaluation.DuplicateTuning;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.requests.store.RequestsMigration;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.Backup;
import ir.hotline137.store.DataCheck;
import ir.hotline137.store.DataFolder;
import ir.hotline137.store.DataFolderException;
import ir.hotline137.store.Format1Upgrade;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreRefusedException;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.MigrateStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.StoreMigration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar hotline.jar COMMAND [ARGS] [--setting=value …]}. Settings come from the same
 * application.yml as the server's, so a command sees the data folder and thresholds the server would.
 */
public final class AdminCommandLine {
    private static final List<String> COMMANDS = List.of("eval-duplicates", "rebuild-index", "install-prompts",
            "check-data", "backup", "verify-backup", "restore", "upgrade-data", "migrate-store", "hash-password", "help");

    private AdminCommandLine() {
    }

    /** True when the first argument names a command; settings alone (--x=y) start the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("--") || args[0].equals("--help"));
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, err);
    }

    static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        String command = args[0];
        String[] operands = Arrays.stream(args, 1, args.length).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        String[] settings = Arrays.stream(args, 1, args.length).filter(a -> a.startsWith("--")).toArray(String[]::new);
        try {
            return switch (command) {
                case "eval-duplicates" -> evalDuplicates(operands, settings, out, err);
                case "rebuild-index" -> rebuildIndex(settings, out);
                case "install-prompts" -> installPrompts(operands, out, err);
                case "check-data" -> checkData(settings, out);
                case "backup" -> backup(operands, settings, out, err);
                case "verify-backup" -> verifyBackup(operands, out, err);
                case "restore" -> restore(operands, settings, out, err);
                case "upgrade-data" -> upgradeData(settings, out);
                case "migrate-store" -> migrateStore(settings, out, err);
                case "hash-password" -> hashPassword(in, out, err);
                case "help", "--help" -> usage(out, 0);
                default -> {
                    err.println("unknown command '" + command + "'");
                    yield usage(err, 2);
                }
            };
        } catch (DataFolderException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out, int code) {
        out.println("""
                usage: java -jar hotline.jar [--setting=value …]          run the hotline
                       java -jar hotline.jar eval-duplicates FILE.tsv     score duplicate detection on a corpus
                       java -jar hotline.jar rebuild-index                rebuild the duplicate index from the store
                       java -jar hotline.jar install-prompts DIR          copy the Persian prompts into DIR, e.g.
                                                                          /var/lib/asterisk/sounds/fa/hotline137
                       java -jar hotline.jar check-data [--recover]       read the (stopped) data folder through;
                                                                          --recover keeps what a damaged journal
                                                                          still holds and moves the rest aside
                       java -jar hotline.jar backup DIR                   copy the data folder into DIR (new or
                                                                          empty), also while the hotline runs
                       java -jar hotline.jar verify-backup DIR            read a backup through
                       java -jar hotline.jar restore DIR                  lay a backup out as hotline.data-dir
                                                                          (which must be new or empty)
                       java -jar hotline.jar upgrade-data                 bring a data folder of an earlier
                                                                          version (format 1) into the journal
                       java -jar hotline.jar migrate-store                move the (stopped) data folder's records
                                                                          into the empty PostgreSQL of
                                                                          hotline.postgresql.*; run again to go on
                       java -jar hotline.jar hash-password                read a password from the input and print
                                                                          its bcrypt hash for hotline.users
                commands: %s""".formatted(COMMANDS));
        return code;
    }

    /**
     * The password is read from the input, not taken as an argument, so it never shows in the shell's history or
     * in the process list.
     */
    private static int hashPassword(BufferedReader in, PrintStream out, PrintStream err) {
        String password;
        try {
            password = in.readLine();
        } catch (IOException e) {
            err.println("cannot read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.codePointCount(0, password.length()) < 10) {
            err.println("type the password (at least 10 characters) on the input, e.g. "
                    + "read -rs P && echo \"$P\" | java -jar hotline.jar hash-password");
            return 2;
        }
        out.println(new BCryptPasswordEncoder(12).encode(password));
        return 0;
    }

    private static int evalDuplicates(String[] operands, String[] settings, PrintStream out, PrintStream err) {
        if (operands.length != 1) {
            err.println("eval-duplicates needs one argument: the corpus file (.tsv)");
            return 2;
        }
        Path corpus = Path.of(operands[0]);
        if (!Files.isReadable(corpus)) {
            err.println("cannot read " + corpus.toAbsolutePath());
            return 2;
        }
        List<CorpusRow> rows;
        try {
            rows = DuplicateEvaluation.read(corpus);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        HotlineProperties properties = properties(settings);
        out.println("rows " + rows.size());
        out.println("baseline (latest earlier row of the same district and category): " + DuplicateEvaluation.baseline(rows));
        out.println(DuplicateEvaluation.detector(rows,
                () -> LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), properties.duplicates().settings())));
        DuplicateTuning.Split split = DuplicateTuning.split(rows);
        out.printf("held-out check (%d rows tuned on, %d rows of other problems held out)%n", split.tuning().size(),
                split.heldOut().size());
        out.println(DuplicateTuning.tune(rows, properties.duplicates().settings()));
        return 0;
    }

    private static int rebuildIndex(String[] settings, PrintStream out) {
        HotlineProperties properties = properties(settings);
        try (Storage storage = Storage.open(properties.dataDir(), properties.embeddedStore().settings());
             DuplicateIndex index = RequestsAssembly.openIndex(storage.folder(), properties);
             PostgresDatabase cluster = properties.storeKind() == HotlineProperties.StoreKind.POSTGRESQL
                     ? PostgresDatabase.open(properties.postgresql().settings()) : null) {
            DataFolder folder = storage.folder();
            // From the store the deployment keeps its requests in: this node's index, from the cluster's database.
            RequestStore store = cluster == null ? MapDbRequestStore.open(storage) : PostgresRequestStore.open(cluster);
            IndexReconciliation.Rebuilt rebuilt = IndexReconciliation.rebuild(store, index);
            out.printf("rebuilt the duplicate index in %s: %d requests in %d ms%n", folder.indexFolder(),
                    rebuilt.requests(), rebuilt.millis());
        }
        return 0;
    }

    /**
     * A district becoming a city's cluster: every record of the data folder (which must not be in use) into the
     * PostgreSQL of {@code hotline.postgresql.*}, requests before the notifications that follow their changes. The
     * console's logged-in sessions are not moved: everyone logs in again on the cluster.
     */
    private static int migrateStore(String[] settings, PrintStream out, PrintStream err) {
        // The schema's and the pool's routine lines would bury the command's own few.
        String[] quieter = Stream.concat(Stream.of("--logging.level.org.flywaydb=WARN",
                "--logging.level.com.zaxxer.hikari=WARN"), Arrays.stream(settings)).toArray(String[]::new);
        HotlineProperties properties = properties(quieter);
        try (Storage storage = Storage.open(properties.dataDir(), properties.embeddedStore().settings());
             PostgresDatabase database = PostgresDatabase.open(properties.postgresql().settings());
             ClusterNode node = ClusterNode.join(database, "migrate-store", Duration.ofSeconds(5))) {
            node.leaveWhenClosed();
            MapDbRequestStore requests = MapDbRequestStore.open(storage);
            PostgresRequestStore clusterRequests = PostgresRequestStore.open(database);
            List<StoreMigration> migrations = List.of(
                    RequestsMigration.of(requests, clusterRequests),
                    new OutboxMigration(MapDbOutbox.open(storage), PostgresOutbox.open(database, node), requests,
                            clusterRequests),
                    CallbacksMigration.of(MapDbCallbacks.open(storage), PostgresCallbacks.open(database, node)),
                    CallsMigration.of(MapDbCallLog.open(storage), PostgresCallLog.open(database)),
                    MayorLogMigration.of(MapDbMayorSessionLog.open(storage), PostgresMayorSessionLog.open(database)),
                    CallerFilesMigration.of(MapDbCallerFiles.open(storage), PostgresCallerFiles.open(database)),
                    MeetingsMigration.of(MapDbMeetings.open(storage), PostgresMeetings.open(database)),
                    PeopleMigration.of(MapDbPeople.open(storage), PostgresPeople.open(database)),
                    ShiftsMigration.of(MapDbShifts.open(storage), PostgresShifts.open(database)),
                    ApiClientsMigration.of(MapDbApiClients.open(storage), PostgresApiClients.open(database)));
            out.printf("moving %s into %s%n", properties.dataDir().toAbsolutePath().normalize(),
                    properties.postgresql().url());
            if (!new MigrateStore(database, out).run(migrations)) {
                err.println("the counts differ. If nodes have run on PostgreSQL since the move, their new records are "
                        + "counted there and nothing is wrong; if this is another hotline's data folder, it cannot be "
                        + "moved into a cluster already in use; otherwise look at the lines marked above before "
                        + "starting the cluster");
                return 1;
            }
            out.println("everything moved: start the nodes with --hotline.store=postgresql; each builds its duplicate "
                    + "index from PostgreSQL at its first start");
            return 0;
        } catch (StoreRefusedException refused) {
            err.println(refused.getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int checkData(String[] settings, PrintStream out) {
        boolean recover = Arrays.asList(settings).contains("--recover");
        HotlineProperties properties = properties(Arrays.stream(settings).filter(s -> !s.equals("--recover"))
                .toArray(String[]::new));
        DataCheck.Report report = DataCheck.run(properties.dataDir(), recover);
        report.lines().forEach(out::println);
        return report.sound() ? 0 : 1;
    }

    private static int backup(String[] operands, String[] settings, PrintStream out, PrintStream err) {
        if (operands.length != 1) {
            err.println("backup needs one argument: the folder to back up into (new or empty)");
            return 2;
        }
        HotlineProperties properties = properties(settings);
        Backup.Contents contents = Backup.create(properties.dataDir(), Path.of(operands[0]));
        out.printf("backed up %s into %s: %d journal records (to position %d), %d recordings; verified%n",
                properties.dataDir().toAbsolutePath().normalize(), contents.folder().toAbsolutePath(), contents.records(),
                contents.journalEnd(), contents.recordings());
        return 0;
    }

    private static int verifyBackup(String[] operands, PrintStream out, PrintStream err) {
        if (operands.length != 1) {
            err.println("verify-backup needs one argument: the backup folder");
            return 2;
        }
        Backup.Contents contents = Backup.verify(Path.of(operands[0]));
        out.printf("backup %s of %s is whole: %d journal records (to position %d), %d recordings%n",
                contents.folder().toAbsolutePath(), contents.created(), contents.records(), contents.journalEnd(),
                contents.recordings());
        contents.changesPerMap().forEach((map, changes) -> out.printf("  %s: %d changes%n", map, changes));
        return 0;
    }

    private static int restore(String[] operands, String[] settings, PrintStream out, PrintStream err) {
        if (operands.length != 1) {
            err.println("restore needs one argument: the backup folder; the data folder is hotline.data-dir");
            return 2;
        }
        HotlineProperties properties = properties(settings);
        Backup.Contents contents = Backup.restore(Path.of(operands[0]), properties.dataDir());
        out.printf("restored %d journal records and %d recordings into %s; the first start builds the store files"
                + " and the index from the journal%n", contents.records(), contents.recordings(),
                properties.dataDir().toAbsolutePath().normalize());
        return 0;
    }

    private static int upgradeData(String[] settings, PrintStream out) {
        HotlineProperties properties = properties(settings);
        List<Format1Upgrade.OldFile> oldFiles = List.of(MapDbRequestStore.FORMAT1, MapDbCallLog.FORMAT1,
                MapDbMayorSessionLog.FORMAT1);
        Format1Upgrade.Result result = Format1Upgrade.run(properties.dataDir(), properties.embeddedStore().settings(), oldFiles);
        out.printf("upgraded %s to data format 2: %d requests, %d call records, %d mayor-session records copied into"
                + " the journal; the old files are kept in %s%n", properties.dataDir().toAbsolutePath().normalize(),
                result.of(MapDbRequestStore.FORMAT1.name()), result.of(MapDbCallLog.FORMAT1.name()), result.of(MapDbMayorSessionLog.FORMAT1.name()),
                result.oldFiles());
        return 0;
    }

    /** Copies the prompt audio out of the jar into Asterisk's sound folder: the jar is all a deployment needs. */
    private static int installPrompts(String[] operands, PrintStream out, PrintStream err) {
        if (operands.length != 1) {
            err.println("install-prompts needs one argument: the folder, e.g. /var/lib/asterisk/sounds/fa/hotline137");
            return 2;
        }
        Path target = Path.of(operands[0]);
        try {
            List<Path> copied = PromptSounds.copyTo(target);
            out.printf("installed %d prompts in %s%n", copied.size(), target.toAbsolutePath());
            return 0;
        } catch (RuntimeException e) {
            err.println("could not install the prompts in " + target.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The settings as the server would see them, without starting anything. */
    private static HotlineProperties properties(String[] settings) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(settings)) {
            return context.getBean(HotlineProperties.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HotlineProperties.class)
    static class SettingsOnly {
    }
}
