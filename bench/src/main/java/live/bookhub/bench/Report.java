package live.bookhub.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The run's results as a Markdown table with the ratios and targets, and as an SVG chart. */
final class Report {

    private final BenchSettings settings;
    private final TargetResult gateway;
    private final TargetResult socketIo;
    /** The bare fan-outs measured at the low rates beside the gateway. */
    private final List<TargetResult> bare;
    /** {@code null} when no storm ran. */
    private final ResumeStorm.Result storm;
    private final Instant when;
    private final String loadBefore;
    private final String loadAfter;

    Report(BenchSettings settings, TargetResult gateway, TargetResult socketIo, List<TargetResult> bare, ResumeStorm.Result storm,
           Instant when, String loadBefore, String loadAfter) {
        this.settings = settings;
        this.gateway = gateway;
        this.socketIo = socketIo;
        this.bare = bare;
        this.storm = storm;
        this.when = when;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %s on %d cores (load average %s at the start, %s at the end); %d clients on the ladder, %s per step; %s idle clients; %d gateway process(es), JVM %s; gateway %s.%n%n",
                when, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, settings.clients(), settings.step(),
                settings.idleClients(), settings.gateways(), String.join(" ", settings.gatewayJvm()),
                settings.home().relativize(settings.gatewayJar())));
        out.append("| server | clients | events/s | deliveries/s | p50 ms | p99 ms | p99.9 ms | missing | duplicates | CPU-s per M deliveries | of it in kernel |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TargetResult target : List.of(gateway, socketIo)) {
            for (StepResult step : target.ladder()) {
                row(out, target.name(), step);
            }
            target.many().forEach(many -> row(out, target.name(), many.step()));
        }
        for (TargetResult target : bare) {
            target.ladder().forEach(step -> row(out, target.name(), step));
        }
        Set<Integer> common = commonSustainedRates();
        double gatewayCpu = cpuPerMillion(gateway, common);
        double socketIoCpu = cpuPerMillion(socketIo, common);
        out.append(String.format(Locale.ROOT, "%n| figure | push-gateway | socket.io | ratio | target | met |%n|---|---:|---:|---:|---|---|%n"));
        figure(out, "CPU-s per million deliveries (steps both sustained)", gatewayCpu, socketIoCpu, "≤ 0.5", gatewayCpu / socketIoCpu <= 0.5);
        figure(out, "highest sustained deliveries/s (p99 < 250 ms, none missing)", gateway.highestSustained(), socketIo.highestSustained(),
                "> 1", gateway.highestSustained() > socketIo.highestSustained());
        figure(out, "resident KiB per idle connection", gateway.bytesPerIdleClient() / 1024, socketIo.bytesPerIdleClient() / 1024,
                "< 1", gateway.bytesPerIdleClient() < socketIo.bytesPerIdleClient());
        out.append(String.format(Locale.ROOT, "| %,d concurrent clients on %d gateway(s): delivered / missing | %,d / %d | %,d / %d | | all, none missing | %s |%n",
                settings.idleClients(), settings.gateways(), gateway.idle().delivered(), gateway.idle().missing(),
                socketIo.idle().delivered(), socketIo.idle().missing(), yes(gateway.idle().missing() == 0 && gateway.idle().delivered() > 0)));
        for (TargetResult.ManyClients many : gateway.many()) {
            out.append(String.format(Locale.ROOT, "| %,d clients on %d gateway(s) at %d events/s: p99 ms, resident KiB per idle connection | %.1f, %.2f | | | p99 ≤ 100 | %s |%n",
                    many.step().clients(), settings.gateways(), many.step().eventsPerSecond(), many.step().p99Millis(),
                    many.bytesPerIdleClient() / 1024, yes(many.step().p99Millis() <= 100 && many.step().missing() == 0)));
        }
        long missing = gateway.ladder().stream().mapToLong(StepResult::missing).sum()
                + gateway.many().stream().mapToLong(many -> many.step().missing()).sum();
        out.append(String.format(Locale.ROOT, "| missing deliveries, push-gateway, all steps | %d | | | 0 | %s |%n", missing, yes(missing == 0)));
        lowRates(out);
        if (storm == null && settings.stormClients() > 0) {
            out.append(String.format(Locale.ROOT, "%nResume storm (%,d clients): did not complete (see the run's output).%n", settings.stormClients()));
        }
        if (storm != null) {
            out.append(String.format(Locale.ROOT, "%nResume storm: %,d clients at %d positions, up to %,d events behind, reconnect at once to a fresh gateway while %s.%n%n",
                    storm.clients(), storm.positions(), storm.behind(), "10 events/s keep coming"));
            out.append(ResumeStorm.Result.header()).append(storm.row("push-gateway"));
        }
        return out.toString();
    }

    /** CPU-seconds per million deliveries at the low rates, the gateway beside the bare fan-outs (target: at or below the lowest). */
    private void lowRates(StringBuilder out) {
        if (bare.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%n| events/s to %,d clients | push-gateway | %s | socket.io | gateway ÷ lowest bare | target | met |%n",
                settings.clients(), bare.stream().map(TargetResult::name).collect(Collectors.joining(" | "))));
        out.append("|---:|---:|").append("---:|".repeat(bare.size())).append("---:|---:|---|---|\n");
        for (int rate : settings.bareRates()) {
            double ours = cpuAt(gateway, rate);
            double lowest = bare.stream().mapToDouble(target -> cpuAt(target, rate)).filter(cpu -> !Double.isNaN(cpu)).min().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %s | %.2f | %.2f | ≤ 1 | %s |%n", rate, ours,
                    bare.stream().map(target -> String.format(Locale.ROOT, "%.2f", cpuAt(target, rate))).collect(Collectors.joining(" | ")),
                    cpuAt(socketIo, rate), ours / lowest, yes(ours <= lowest)));
        }
    }

    private static double cpuAt(TargetResult target, int rate) {
        return target.at(rate).map(StepResult::cpuSecondsPerMillion).orElse(Double.NaN);
    }

    private Set<Integer> commonSustainedRates() {
        Set<Integer> gatewayRates = gateway.ladder().stream().filter(StepResult::sustained).map(StepResult::eventsPerSecond).collect(Collectors.toSet());
        return socketIo.ladder().stream().filter(StepResult::sustained).map(StepResult::eventsPerSecond)
                .filter(gatewayRates::contains).collect(Collectors.toSet());
    }

    private static double cpuPerMillion(TargetResult target, Set<Integer> rates) {
        List<StepResult> steps = target.ladder().stream().filter(step -> rates.contains(step.eventsPerSecond())).toList();
        double delivered = steps.stream().mapToDouble(StepResult::delivered).sum();
        return delivered == 0 ? Double.NaN : steps.stream().mapToDouble(StepResult::cpuSeconds).sum() / (delivered / 1e6);
    }

    private static void row(StringBuilder out, String name, StepResult step) {
        out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.1f | %.1f | %.1f | %d | %d | %.2f | %.0f %% |%s%n", name, step.clients(),
                step.eventsPerSecond(), step.deliveriesPerSecond(), step.p50Millis(), step.p99Millis(), step.p999Millis(),
                step.missing(), step.duplicates(), step.cpuSecondsPerMillion(), step.kernelShare() * 100, step.sustained() ? "" : " not sustained"));
    }

    private static void figure(StringBuilder out, String name, double ours, double theirs, String target, boolean met) {
        out.append(String.format(Locale.ROOT, "| %s | %,.2f | %,.2f | %.2f | %s | %s |%n", name, ours, theirs, ours / theirs, target, yes(met)));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** Two panels: p99 latency and CPU-seconds per million deliveries against deliveries per second, one line per server. */
    String svg() {
        double maxRate = 0;
        for (TargetResult target : List.of(gateway, socketIo)) {
            for (StepResult step : target.ladder()) {
                maxRate = Math.max(maxRate, step.deliveriesPerSecond());
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"395\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"960\" height=\"395\" fill=\"white\"/>\n");
        Panel latency = new Panel(60, 40, 380, 280, maxRate, 500, "p99 latency, ms (capped at 500)", "deliveries/s");
        Panel cpu = new Panel(540, 40, 380, 280, maxRate, maxCpu(), "server CPU-s per million deliveries", "deliveries/s");
        latency.frame(svg);
        cpu.frame(svg);
        latency.hline(svg, StepResult.P99_TARGET_MILLIS, "250 ms target");
        String[][] styles = {{"#1f77b4", "push-gateway"}, {"#d62728", "socket.io"}};
        List<TargetResult> targets = List.of(gateway, socketIo);
        for (int i = 0; i < targets.size(); i++) {
            latency.line(svg, targets.get(i).ladder(), step -> Math.min(500, step.p99Millis()), styles[i][0]);
            cpu.line(svg, targets.get(i).ladder(), StepResult::cpuSecondsPerMillion, styles[i][0]);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"377\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"383\">%s</text>%n",
                    60 + i * 160, styles[i][0], 80 + i * 160, styles[i][1]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"420\" y=\"383\">%d clients, %s, %d cores</text>%n",
                settings.clients(), when.toString().substring(0, 10), Runtime.getRuntime().availableProcessors()));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double maxCpu() {
        double max = 0;
        for (TargetResult target : List.of(gateway, socketIo)) {
            for (StepResult step : target.ladder()) {
                if (!Double.isNaN(step.cpuSecondsPerMillion())) {
                    max = Math.max(max, step.cpuSecondsPerMillion());
                }
            }
        }
        return max * 1.1;
    }

    /** One chart area with linear axes from 0. */
    private record Panel(int x, int y, int width, int height, double maxX, double maxY, String title, String xLabel) {

        void frame(StringBuilder svg) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x, y - 15, title));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", x, y, width, height));
            for (int i = 0; i <= 4; i++) {
                double xv = maxX * i / 4;
                double yv = maxY * i / 4;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px(xv), y + height + 15, compact(xv)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\" text-anchor=\"end\">%s</text>%n", x - 5, py(yv) + 4, compact(yv)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x + width / 2, y + height + 30, xLabel));
        }

        void hline(StringBuilder svg, double value, String label) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%.1f\" fill=\"#666\">%s</text>%n",
                    x, py(value), x + width, py(value), x + 5, py(value) - 4, label));
        }

        void line(StringBuilder svg, List<StepResult> steps, java.util.function.ToDoubleFunction<StepResult> value, String color) {
            String points = steps.stream().filter(step -> !Double.isNaN(value.applyAsDouble(step)))
                    .map(step -> String.format(Locale.ROOT, "%.1f,%.1f", px(step.deliveriesPerSecond()), py(value.applyAsDouble(step))))
                    .collect(Collectors.joining(" "));
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", points, color));
            for (String point : points.split(" ")) {
                if (!point.isEmpty()) {
                    String[] xy = point.split(",");
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", xy[0], xy[1], color));
                }
            }
        }

        private double px(double value) {
            return x + (maxX == 0 ? 0 : value / maxX * width);
        }

        private double py(double value) {
            return y + height - (maxY == 0 ? 0 : Math.min(value, maxY) / maxY * height);
        }

        private static String compact(double value) {
            if (value >= 1_000_000) {
                return String.format(Locale.ROOT, "%.1fM", value / 1_000_000);
            }
            if (value >= 1_000) {
                return String.format(Locale.ROOT, "%.0fk", value / 1_000);
            }
            return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
        }
    }
}
