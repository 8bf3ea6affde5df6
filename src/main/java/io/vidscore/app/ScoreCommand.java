package io.vidscore.app;

import io.vidscore.events.ObjectCreated;
import io.vidscore.music.ComposerEngine;
import io.vidscore.music.MusicRequest;
import io.vidscore.pipeline.BucketLayout;
import io.vidscore.pipeline.ChainSettings;
import io.vidscore.pipeline.InProcessEvents;
import io.vidscore.pipeline.Json;
import io.vidscore.pipeline.MusicEngines;
import io.vidscore.pipeline.NeuralOptions;
import io.vidscore.neural.Device;
import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code score}: the whole chain on one file, locally. The video is linked into a private directory
 * bucket under incoming/ and the same three functions the cloud runs are chained by object-created
 * events in-process; the outputs are then copied out next to each other.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score one video: write music that fits it, and the video with that music.",
            "Writes into the --out folder:",
            "  <stem>.wav   the music: 48 kHz stereo, as long as the video",
            "  <stem>.mp4   the video stream, copied (not re-encoded), with the music",
            "               as its only audio track (AAC)",
            "  <stem>.json  the report: tempo, beats, cuts, alignment, loudness, timings",
            "  <stem>.mid   the same music as MIDI, one track per instrument",
            "  <stem>.png   onsets, visual beats, music beats and cuts on one time axis",
            "The music is mastered to -14 LUFS integrated, true peak at most -1 dBTP.",
            "Progress goes to stderr, the paths of the files to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored", "1:the input was rejected (the reason is printed)", "2:wrong usage", "3:internal or environment error"})
public class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<video>", description = "The video file to score (MP4, MOV, MKV, WebM, ...).")
    Path video;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>", description = "Folder for the outputs (created if missing).")
    Path out;

    @Option(names = "--engine", defaultValue = "composer", paramLabel = "<name>",
            description = "Music engine: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", completionCandidates = EngineNames.class)
    String engine;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "<n>",
            description = "Seed for the engine's choices: the same seed and video give identical output. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--style", paramLabel = "<style>", completionCandidates = StyleNames.class,
            description = "Music style instead of the one the picture's mood suggests: ${COMPLETION-CANDIDATES}.")
    String style;

    @Option(names = "--bpm", paramLabel = "<bpm>",
            description = "Tempo (40-240) instead of the video's visual tempo; the grid keeps the phase of the visual beats.")
    Double bpm;

    @Option(names = "--key", paramLabel = "<key>", description = "Key instead of the mood's, e.g. \"A minor\", \"F# major\", \"Bb major\".")
    String key;

    @Option(names = "--models", paramLabel = "<dir>",
            description = "Folder with neural model weights (clip-vit-base-patch32/, musicgen-small/; see models/README.md). Default: none, built-in components only.")
    Path models;

    @Option(names = "--prompt", paramLabel = "<text>", description = "Free-form words about the music you want, merged into the neural engine's conditioning.")
    String prompt;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|cuda",
            description = "Where neural models run: auto tries CUDA and falls back to the CPU. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--clip-batch", defaultValue = "32", paramLabel = "<n>",
            description = "Frames the CLIP encoder runs at once (with --models holding CLIP). Default: ${DEFAULT-VALUE}.")
    int clipBatch;

    @Option(names = "--keep-original-audio", description = "Also keep the video's own audio, as a second track.")
    boolean keepOriginalAudio;

    @Option(names = "--no-progress", description = "Do not show progress on stderr.")
    boolean noProgress;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(video)) {
            err.println("vidscore: no such file: " + video);
            return CliErrors.EXIT_USAGE;
        }
        if (!Files.isReadable(video)) {
            err.println("vidscore: cannot read " + video + " (permission denied)");
            return CliErrors.EXIT_USAGE;
        }
        MusicRequest.Overrides overrides;
        NeuralOptions neural;
        try {
            overrides = new MusicRequest.Overrides(style, bpm, key);
            neural = new NeuralOptions(models, prompt, Device.parse(device), clipBatch);
            MusicEngines.validate(engine, neural);
        } catch (IllegalArgumentException | io.vidscore.neural.ModelException e) {
            err.println("vidscore: " + e.getMessage());
            return CliErrors.EXIT_USAGE;
        }
        Files.createDirectories(out);
        Path bucketDir = Files.createTempDirectory("vidscore-bucket-");
        try {
            return scoreIn(bucketDir, err, overrides, neural);
        } finally {
            deleteTree(bucketDir);
        }
    }

    private int scoreIn(Path bucketDir, PrintWriter err, MusicRequest.Overrides overrides, NeuralOptions neural) throws IOException {
        String name = video.getFileName().toString();
        String stem = BucketLayout.stemOf(name);
        DirectoryObjectStore local = new DirectoryObjectStore(bucketDir, "local");
        linkOriginal(bucketDir.resolve(BucketLayout.incoming(name)));

        ConsoleProgress progress = new ConsoleProgress(err, !noProgress);
        ChainSettings settings = ChainSettings.DEFAULT.withEngine(engine).withSeed(seed).withOverrides(overrides)
                .withKeepOriginalAudio(keepOriginalAudio).withNeural(neural);
        InProcessEvents events = InProcessEvents.chainOver(local, settings, progress);

        String key = BucketLayout.incoming(name);
        ObjectInfo info = local.head(key).orElseThrow();
        events.accept(new ObjectCreated(local.bucket(), key, info.size(), info.etag(), null, null));
        events.drain();
        progress.finish();

        if (local.exists(BucketLayout.report(stem))) {
            Path wav = copyOut(local, BucketLayout.soundtrack(stem), stem + ".wav");
            Path mp4 = copyOut(local, BucketLayout.scored(stem), stem + ".mp4");
            Path json = copyOut(local, BucketLayout.report(stem), stem + ".json");
            PrintWriter stdout = spec.commandLine().getOut();
            if (local.exists(BucketLayout.midi(stem))) {
                stdout.println(copyOut(local, BucketLayout.midi(stem), stem + ".mid"));
            }
            if (local.exists(BucketLayout.plot(stem))) {
                stdout.println(copyOut(local, BucketLayout.plot(stem), stem + ".png"));
            }
            stdout.println(wav);
            stdout.println(mp4);
            stdout.println(json);
            stdout.flush();
            return CliErrors.EXIT_OK;
        }
        if (local.exists(BucketLayout.failed(name))) {
            String reason = Json.tree(local.getBytes(BucketLayout.failed(name))).path("reason").asText();
            err.println("vidscore: cannot score " + video + ": " + reason);
            return CliErrors.EXIT_REJECTED;
        }
        err.println("vidscore: the chain ended without a report or a recorded failure for " + video);
        return CliErrors.EXIT_INTERNAL;
    }

    /** A link, not a copy: a 2 GB video costs nothing to put in the private bucket, and it is never written to. */
    private void linkOriginal(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path source = video.toAbsolutePath();
        try {
            Files.createSymbolicLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }

    private Path copyOut(DirectoryObjectStore store, String key, String fileName) throws IOException {
        Path target = out.resolve(fileName);
        Path tmp = out.resolve("." + fileName + ".part");
        store.download(key, tmp);
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            // Files.delete on a symbolic link removes the link, never the user's original behind it.
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // best effort: a temp folder
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Lets --help list the styles from the one place that knows them. */
    static class StyleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ComposerEngine.STYLES.iterator();
        }
    }

    /** Lets --help list the engines from the one place that knows them. */
    static class EngineNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MusicEngines.NAMES.iterator();
        }
    }
}
