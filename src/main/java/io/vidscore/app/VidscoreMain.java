package io.vidscore.app;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of the jar and of dev mode. Only {@code serve} listens on a port: for every other command
 * the HTTP listener is switched off before Quarkus starts, so the CLI needs no free port and cannot
 * clash with a running service.
 */
@QuarkusMain
public class VidscoreMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        // The report's plot is drawn with java.awt: no display exists on servers, in containers or in CI.
        System.setProperty("java.awt.headless", "true");
        boolean devServe = args.length == 0 && LaunchMode.current() == LaunchMode.DEVELOPMENT; // see run()
        boolean serve = devServe || args.length > 0 && "serve".equals(args[0])
                && java.util.Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
        if (!serve) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
        }
        for (int i = 0; serve && i + 1 < args.length; i++) {
            if ("--port".equals(args[i])) {
                System.setProperty("quarkus.http.port", args[i + 1]);
            }
        }
        Quarkus.run(VidscoreMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0 && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            // ./mvnw quarkus:dev: the directory bucket ./bucket, watched, with the HTTP functions up.
            args = new String[] {"serve", "--bucket", "bucket"};
        }
        return commandLine(factory).execute(args);
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new TopCommand(), factory);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            line.getErr().println("vidscore: " + CliErrors.oneLine(ex));
            if (verbose) {
                ex.printStackTrace(line.getErr());
            }
            return CliErrors.EXIT_INTERNAL;
        });
        return cl;
    }
}
