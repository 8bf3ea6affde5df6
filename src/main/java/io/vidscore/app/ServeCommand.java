package io.vidscore.app;

import io.quarkus.runtime.Quarkus;
import io.vidscore.music.MusicRequest;
import io.vidscore.neural.Device;
import io.vidscore.pipeline.NeuralOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the functions as a long-running service over a bucket, with the Funqy HTTP endpoints up.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the three functions as a service (HTTP: POST /extract-frames, /encode-video, /generate-music).",
            "Directory bucket: serve --bucket <dir>  (videos dropped into <dir>/incoming/ are scored when completely written).",
            "S3-compatible store: serve --s3-endpoint <url> --bucket <name> --events poll|push."})
public class ServeCommand implements Callable<Integer> {

    @Inject
    VidscoreRuntime runtime;

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "<dir|name>",
            description = "A local folder (directory bucket), or the bucket name with --s3-endpoint / --store s3.")
    String bucket;

    @Option(names = "--s3-endpoint", paramLabel = "<url>", description = "S3 API endpoint (MinIO, S3Proxy, LocalStack, ...). Implies --store s3.")
    URI s3Endpoint;

    @Option(names = "--store", paramLabel = "dir|s3", description = "Where the bucket is: dir (default) or s3 (AWS, or --s3-endpoint).")
    String store;

    @Option(names = "--path-style", description = "Path-style S3 URLs (http://host/bucket/key), as most self-hosted stores need.")
    boolean pathStyle;

    @Option(names = "--events", paramLabel = "watch|poll|push",
            description = "How new videos are found: watch (directory bucket, default there), poll (list incoming/ every --poll-interval; default for S3), "
                    + "push (only when events are POSTed to the functions, e.g. from S3 notifications).")
    String events;

    @Option(names = "--poll-interval", defaultValue = "5", paramLabel = "<seconds>", description = "Seconds between listings in poll mode. Default: ${DEFAULT-VALUE}.")
    int pollIntervalS;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>", description = "HTTP port of the functions. Default: ${DEFAULT-VALUE}.")
    int port; // applied before Quarkus starts, see VidscoreMain

    @Option(names = "--workers", defaultValue = "1", paramLabel = "<n>", description = "Events processed at once. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--engine", defaultValue = "composer", paramLabel = "<name>", description = "Music engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "<n>", description = "Engine seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--style", paramLabel = "<style>", description = "Music style for every video instead of the mood's choice.")
    String style;

    @Option(names = "--bpm", paramLabel = "<bpm>", description = "Tempo for every video instead of its visual tempo.")
    Double bpm;

    @Option(names = "--key", paramLabel = "<key>", description = "Key for every video, e.g. \"A minor\".")
    String key;

    @Option(names = "--models", paramLabel = "<dir>",
            description = "Folder with neural model weights (clip-vit-base-patch32/, musicgen-small/; see models/README.md). Default: none, built-in components only.")
    java.nio.file.Path models;

    @Option(names = "--prompt", paramLabel = "<text>", description = "Free-form words about the music, merged into the neural engine's conditioning for every video.")
    String prompt;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|cuda",
            description = "Where neural models run: auto tries CUDA and falls back to the CPU. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        String kind = store != null ? store : (s3Endpoint != null ? ServeSettings.STORE_S3 : ServeSettings.STORE_DIR);
        String mode = events != null ? events
                : (ServeSettings.STORE_S3.equals(kind) ? ServeSettings.EVENTS_POLL : ServeSettings.EVENTS_WATCH);
        ServeSettings settings;
        try {
            settings = new ServeSettings(kind, bucket, s3Endpoint, pathStyle, mode, Duration.ofSeconds(pollIntervalS), workers, engine, seed,
                    new MusicRequest.Overrides(style, bpm, key), new NeuralOptions(models, prompt, Device.parse(device)));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vidscore: " + e.getMessage());
            return CliErrors.EXIT_USAGE;
        }
        runtime.start(settings);
        Quarkus.waitForExit();
        return CliErrors.EXIT_OK;
    }
}
