package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool on the real Prometheus configuration, the alert rules and their unit tests; each check
 * also on a broken copy, to show that it fails when it should.
 */
class PrometheusFilesIT {

    private static final Path CONFIG = DeploymentFiles.docker().resolve("prometheus.yml");
    private static final Path RULES = DeploymentFiles.docker().resolve("alerts.yml");
    private static final Path RULE_TESTS = DeploymentFiles.docker().resolve("alerts.test.yml");

    @TempDir
    Path folder;

    @Test
    void theConfigurationAndTheRulesItLoadsAreValid() {
        Tool.Run run = promtool(DeploymentFiles.docker(), "check", "config", CONFIG.toString());

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void aConfigurationScrapingWithoutATargetPortFails() {
        DeploymentFiles.copy(RULES, folder);
        Path broken = DeploymentFiles.brokenCopy(CONFIG, folder, config -> config.replace("scrape_interval: 15s", "scrape_interval: 15"));

        assertThat(promtool(folder, "check", "config", broken.toString()).succeeded()).isFalse();
    }

    @Test
    void theRulesAreValid() {
        Tool.Run run = promtool(DeploymentFiles.docker(), "check", "rules", RULES.toString());

        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    @Test
    void aRuleWithABrokenExpressionFails() {
        Path broken = DeploymentFiles.brokenCopy(RULES, folder, rules -> rules.replace("(sum(bookhub_watcher_leader) or vector(0)) < 1",
                "(sum(bookhub_watcher_leader) or vector(0) < 1"));

        Tool.Run run = promtool(folder, "check", "rules", broken.toString());

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).contains("BookhubNoWatcherLeader");
    }

    @Test
    void theAlertsFireAsTheirUnitTestsExpect() {
        Tool.Run run = promtool(DeploymentFiles.docker(), "test", "rules", RULE_TESTS.toString());

        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    @Test
    void aThresholdMovedAwayFromWhatTheRunbookSaysFailsTheUnitTests() {
        DeploymentFiles.copy(RULE_TESTS, folder);
        DeploymentFiles.brokenCopy(RULES, folder, rules -> rules.replace("bookhub_watcher_oplog_headroom_ratio) < 0.10",
                "bookhub_watcher_oplog_headroom_ratio) < 0.05"));

        Tool.Run run = promtool(folder, "test", "rules", folder.resolve("alerts.test.yml").toString());

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).contains("BookhubOplogHeadroomCritical");
    }

    private static Tool.Run promtool(Path workingDirectory, String... arguments) {
        return Tool.required("promtool", "prometheus").run(workingDirectory, arguments);
    }
}
