package io.vidscore.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "vidscore", mixinStandardHelpOptions = true, version = "vidscore 0.1.0",
        description = "Scores videos: analyses the picture (tempo, beats, cuts, mood) and writes music that fits it, "
                + "as a WAV, as the video re-muxed with the music, and as a JSON report.",
        subcommands = {ScoreCommand.class, ServeCommand.class})
public class TopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** No command given: say what there is, and fail as wrong usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.EXIT_USAGE;
    }
}
