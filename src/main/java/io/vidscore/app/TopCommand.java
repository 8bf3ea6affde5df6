package io.vidscore.app;

import picocli.CommandLine.Command;

@Command(name = "vidscore", mixinStandardHelpOptions = true, version = "vidscore 0.1.0",
        description = "Scores videos: analyses the picture (tempo, beats, cuts, mood) and writes music that fits it, "
                + "as a WAV, as the video re-muxed with the music, and as a JSON report.",
        subcommands = {ScoreCommand.class, ServeCommand.class})
public class TopCommand {
}
