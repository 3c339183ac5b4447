package dev.llmgateway.components.proxy;

import com.pulumi.core.Output;
import dev.llmgateway.components.bindings.command.Command;
import dev.llmgateway.components.network.TestPeer;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneOffTasksTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1";

    private static ContainerSpec container(String name) {
        return ContainerSpec.builder(name, "ghcr.io/berriai/litellm-migrations:v1.108.26").user("65532:65532")
                .secret("DATABASE_PASSWORD", Output.of(SECRET + ":password::")).build();
    }

    private static PlannedStack plan() {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var tasks = new OneOffTasks("app-deploy", OneOffTasksArgs.builder().region("us-east-1").vpcId(Output.of("vpc-1"))
                    .subnetIds(Output.of(List.of("private-a", "private-b"))).kmsKeyArn(Output.of(KEY)).build(), null);
            tasks.run(new OneOffTask("app-bootstrap", container("bootstrap"), List.of(), 512, 1024, Optional.empty(),
                    List.of(Output.of("db-resource-1")), List.of()));
            tasks.run(new OneOffTask("app-migrate", container("migrate"), List.of(), 512, 4096,
                    Optional.of(Output.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}")), List.of(), List.of()));
            tasks.connections().allowTo(new TestPeer("db", "sg-db"), 5432, "test");
        }).orThrow();
    }

    @Test
    void eachTaskIsAFamilyOfItsOwnRunByACommandAfterThePreviousOne() {
        PlannedStack plan = plan();
        PlannedResource bootstrap = plan.named(Command.TYPE, "app-deploy-bootstrap-run");
        PlannedResource migrate = plan.named(Command.TYPE, "app-deploy-migrate-run");
        assertEquals(Command.PLUGIN_VERSION, migrate.version(), "the plugin version plugin.json names");
        assertEquals(List.of("/bin/sh", "-c"), migrate.list("interpreter"));
        assertTrue(migrate.string("create").contains("aws ecs run-task"), migrate.string("create"));
        assertTrue(migrate.dependencies().contains(bootstrap.urn()), "in order");
        PlannedResource definition = plan.named("aws:ecs/taskDefinition:TaskDefinition", "app-deploy-migrate");
        assertTrue(migrate.dependencies().contains(definition.urn()));
        assertEquals("app-migrate", definition.string("family"));
        assertEquals("4096", definition.string("memory"));
        Map<?, ?> env = (Map<?, ?>) migrate.input("environment").orElseThrow();
        assertEquals("migrate", env.get("CONTAINER"));
        assertEquals("private-a,private-b", env.get("SUBNETS"));
        assertEquals("/ecs/app-migrate", env.get("LOG_GROUP"));
        assertEquals(List.of("db-resource-1"), bootstrap.list("triggers"), "a replaced database runs the bootstrap again");
        // The execution role reads exactly the secret the container names; the task role only what the task is given.
        assertTrue(plan.named("aws:iam/rolePolicy:RolePolicy", "app-deploy-migrate-execution").string("policy").contains(SECRET));
        assertTrue(plan.where(r -> r.name().equals("app-deploy-bootstrap-task") && r.type().equals("aws:iam/rolePolicy:RolePolicy")).isEmpty());
        assertEquals(1, plan.ofType("aws:ecs/cluster:Cluster").size());
        assertTrue(migrate.dependencies().contains(plan.named("aws:iam/rolePolicy:RolePolicy", "app-deploy-migrate-execution").urn()),
                "the execution role may read the secret before the task starts");
    }

    @Test
    void theResultContainerMustBeEssentialAndFamiliesUnique() {
        assertThrows(IllegalArgumentException.class, () -> new OneOffTask("app-x",
                ContainerSpec.builder("x", "busybox:1.36").essential(false).build(), List.of(), 256, 512, Optional.empty(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OneOffTask("app x",
                ContainerSpec.builder("x", "busybox:1.36").build(), List.of(), 256, 512, Optional.empty(), List.of(), List.of()));
    }

    @Test
    void commandBindingSendsTheProvidersPropertyNames() {
        // npm @pulumi/command 4.5.0, local/command.js: create, interpreter, environment, triggers (inputs); stdout, stderr.
        PlannedResource run = plan().named(Command.TYPE, "app-deploy-bootstrap-run");
        for (String input : List.of("create", "interpreter", "environment", "triggers")) {
            assertTrue(run.input(input).isPresent(), input);
        }
    }
}
