package dev.llmgateway.acceptance;

import dev.llmgateway.engine.PlannedStack;
import dev.llmgateway.gateway.Plans;
import dev.llmgateway.gateway.settings.Stacks;
import dev.llmgateway.gateway.settings.PolicyProfile;
import dev.llmgateway.gateway.settings.StackFileConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.google.gson.Gson;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.WorkspaceStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance test's own set-up: when it runs, its stack name and config, and its stack on the mock engine. */
class AcceptanceStackTest {

    private static final Path STACK_FILE = Stacks.PROJECT.resolve(AcceptanceSetup.DEFAULT_STACK_FILE);
    private static final String NAME = "acc0a1b2c";

    @Test
    void skipsWithOneReasonWhenACliOrCredentialsAreMissing() {
        Map<String, String> env = Map.of("HOME", "/home/ci", "AWS_PROFILE", "sandbox");
        assertEquals(Optional.of("no pulumi CLI on the PATH (https://www.pulumi.com/docs/install/)"),
                AcceptanceSetup.skipReason(env::get, tool -> !tool.equals("pulumi"), p -> false));
        assertTrue(AcceptanceSetup.skipReason(env::get, tool -> !tool.equals("aws"), p -> false).orElseThrow().startsWith("no aws CLI"));
        assertTrue(AcceptanceSetup.skipReason(Map.of("HOME", "/home/ci")::get, tool -> true, p -> false).orElseThrow()
                .startsWith("no AWS credentials"));
        assertEquals(Optional.empty(), AcceptanceSetup.skipReason(env::get, tool -> true, p -> false));
        assertEquals(Optional.empty(), AcceptanceSetup.skipReason(Map.of("HOME", "/home/ci")::get, tool -> true,
                p -> p.equals(Path.of("/home/ci/.aws/credentials"))), "a credentials file is enough");
    }

    @Test
    void stackNamesAreUniqueAndShortEnoughForLoadBalancerNames() {
        SecureRandom random = new SecureRandom();
        String name = AcceptanceSetup.uniqueStackName(random);
        assertTrue(name.matches("acc[0-9a-f]{6}"), name);
        assertTrue(("llm-" + name + "-proxy-").length() + 7 <= 32, "auto-named ALB (name + '-' + 7 characters) fits 32");
        assertFalse(name.equals(AcceptanceSetup.uniqueStackName(random)) && name.equals(AcceptanceSetup.uniqueStackName(random)));
    }

    @Test
    void theStackFileIsAllowListedForTheRunnerOnlyAndListsStayLists() {
        Map<String, Object> config = AcceptanceSetup.config(STACK_FILE, "acc0a1b2c", "198.18.7.9/32", Optional.of("eu-west-1"));
        assertEquals(List.of("198.18.7.9/32"), config.get("litellm-gateway:allowedCidrs"));
        assertEquals(List.of("environment=acceptance", "acceptance-run=acc0a1b2c"), config.get("litellm-gateway:tags"),
                "every resource of the run carries its name, for the sweeper");
        assertEquals("eu-west-1", config.get("aws:region"));
        assertEquals("dev", config.get("litellm-gateway:policyProfile"));
        assertEquals("2", config.get("litellm-gateway:azCount"), "scalars as their text");
        assertEquals(List.of("claude-haiku"), AcceptanceSetup.modelAliases(config));
    }

    @Test
    void theAutomationApiSetsConfigAsTheCliStoresAndAcceptsIt(@TempDir Path project) throws Exception {
        Files.copy(Stacks.PROJECT.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        StandInPulumi pulumi = new StandInPulumi(project);
        Map<String, Object> config = AcceptanceSetup.config(STACK_FILE, NAME, "198.18.7.9/32", Optional.empty());
        AutomationStackDriver driver = AutomationStackDriver.create(project, NAME, config, line -> { }, pulumi);
        driver.up();
        List<String> setAll = pulumi.commands().stream().filter(c -> c.contains("set-all")).findFirst().orElseThrow();
        assertTrue(setAll.contains("--path") && setAll.contains("litellm-gateway:models[0]=claude-haiku=bedrock/us.anthropic"
                + ".claude-haiku-4-5-20251001-v1:0"), setAll.toString());
        var stored = StackFileConfigSource.load(project, project.resolve("Pulumi." + NAME + ".yaml"), NAME).values();
        assertTrue(stored.get("litellm-gateway:models").object(), "the CLI stores a list, not list text");
        assertEquals("[\"198.18.7.9/32\"]", stored.get("litellm-gateway:allowedCidrs").text());
    }

    @Test
    void listTextSetWithoutPathIsRefusedAsTheCliRefusesIt(@TempDir Path project) throws Exception {
        Files.copy(Stacks.PROJECT.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        StandInPulumi pulumi = new StandInPulumi(project);
        WorkspaceStack stack = LocalWorkspace.createStack(NAME, project,
                LocalWorkspaceOptions.builder().workDir(project).pulumiCommand(pulumi).build());
        Map<String, ConfigValue> asBefore = new LinkedHashMap<>();
        AcceptanceSetup.config(STACK_FILE, NAME, "198.18.7.9/32", Optional.empty()).forEach((key, value) -> asBefore.put(key,
                new ConfigValue(value instanceof List<?> list ? new Gson().toJson(list) : String.valueOf(value))));
        stack.setAllConfig(asBefore);
        var error = assertThrows(CommandException.class, () -> stack.up(UpOptions.builder().build()));
        assertTrue(error.getMessage().contains("with configuration key 'allowedCidrs' must be of type 'array<string>'"),
                error.getMessage());
    }

    @Test
    void anEncryptedListIsRefusedBecauseTheCliStoresItAsText(@TempDir Path project) throws Exception {
        Files.copy(Stacks.PROJECT.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        StandInPulumi pulumi = new StandInPulumi(project);
        WorkspaceStack stack = LocalWorkspace.createStack(NAME, project,
                LocalWorkspaceOptions.builder().workDir(project).pulumiCommand(pulumi).build());
        stack.setAllConfig(AutomationStackDriver.cliValues(AcceptanceSetup.config(STACK_FILE, NAME, "198.18.7.9/32", Optional.empty())), true);
        stack.setConfig("litellm-gateway:alarmEmails", new ConfigValue("[\"ops@acme.test\"]", true));
        var error = assertThrows(CommandException.class, () -> stack.up(UpOptions.builder().build()));
        assertTrue(error.getMessage().contains("with configuration key 'alarmEmails' must be of type 'array<string>'"), error.getMessage());
    }

    @Test
    void theThrowAwayStackIsCheapUnprotectedAndExportsWhatTheTestReads() {
        StackFileConfigSource source = StackFileConfigSource.load(Stacks.PROJECT, STACK_FILE, NAME);
        StackSettings settings = StackSettings.read(source);
        assertEquals(PolicyProfile.DEV, settings.policyProfile());
        assertEquals(1, settings.proxy().maxTasks());
        assertFalse(settings.database().deletionProtection() || settings.database().protect() || settings.access().deletionProtection());
        PlannedStack plan = Plans.of(source);
        assertTrue(plan.resources().stream().noneMatch(r -> r.protect()), "nothing blocks destroy");
        assertTrue(plan.outputs().keySet().containsAll(List.of("gatewayUrl", "adminUiUrl", "masterKeySecretArn")), plan.outputs().keySet().toString());
        // scripts/acceptance-sweep.sh deletes the final snapshot the database keeps on delete, found by this prefix.
        assertTrue(plan.one("aws:rds/instance:Instance").string("finalSnapshotIdentifier").startsWith("llm-" + NAME + "-db-final-"));
    }
}
