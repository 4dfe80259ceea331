package live.bookhub.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code ./bookhub bench pipeline} run does; each can be set as {@code --name=value}. A bad
 * option stops the run before anything starts, with one line naming it.
 *
 * @param home        the project root (the services' jars, tools/ with mongosh, bench/results)
 * @param books       books inserted by {@code insertMany}, then updated by one {@code updateMany}
 * @param insertBatch books per {@code insertMany}
 * @param catchUp     changes made while the watcher is stopped (rounds of {@code updateMany} over the books)
 * @param warmUp      books inserted, updated and deleted before the measured phases (0: none, a cold stack)
 * @param watcherArgs further arguments of the change-watcher, e.g. {@code --bookhub.watcher.batch-size=1000}
 * @param out         the results file (Markdown)
 */
record PipelineSettings(Path home, int books, int insertBatch, int catchUp, int warmUp, List<String> watcherArgs, Path out) {

    private static final List<String> NAMES = List.of("home", "books", "insert-batch", "catch-up", "warm-up", "watcher-args", "out");

    static PipelineSettings parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not \"" + arg + "\"");
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (bench/README.md lists the options)");
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        int books = positive(options, "books", "20000");
        int catchUp = positive(options, "catch-up", "100000");
        if (catchUp % books != 0) {
            throw new IllegalArgumentException("--catch-up (" + catchUp + ") must be a multiple of --books (" + books
                    + "): the catch-up is rounds of updateMany over every book");
        }
        String watcherArgs = options.getOrDefault("watcher-args", "").trim();
        return new PipelineSettings(home, books, positive(options, "insert-batch", "1000"), catchUp, wholeNumber(options, "warm-up", "0", 0),
                watcherArgs.isEmpty() ? List.of() : Arrays.asList(watcherArgs.split("\\s+")),
                home.resolve(options.getOrDefault("out", "bench/results/pipeline-latest.md")));
    }

    private static int positive(Map<String, String> options, String name, String fallback) {
        return wholeNumber(options, name, fallback, 1);
    }

    private static int wholeNumber(Map<String, String> options, String name, String fallback, int least) {
        String value = options.getOrDefault(name, fallback);
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= least) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a " + (least > 0 ? "positive" : "non-negative")
                + " whole number, not \"" + value + "\"");
    }
}
