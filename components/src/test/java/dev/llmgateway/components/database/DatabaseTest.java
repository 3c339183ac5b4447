package dev.llmgateway.components.database;

import dev.llmgateway.components.network.TestPeer;
import com.pulumi.core.Output;
import dev.llmgateway.engine.OfflineEngine;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/k";

    private static DatabaseArgsBuilder base() {
        return DatabaseArgs.builder().vpcId(Output.of("vpc-1"))
                .subnetIds(Output.of(List.of("subnet-a", "subnet-b"))).kmsKeyArn(Output.of(KEY));
    }

    private static PlannedStack plan(UnaryOperator<DatabaseArgsBuilder> configure) {
        return OfflineEngine.run("p", "t", "us-east-1", ctx -> {
            var db = new Database("db", configure.apply(base()).build(), null);
            db.connections().allowDefaultPortFrom(new TestPeer("proxy", "sg-proxy"), "test");
            ctx.export("secret", db.masterSecretArn());
        }).orThrow();
    }

    @Test
    void devServerlessPausesWhenIdleWithOneInstanceAndNoProtection() {
        PlannedStack plan = plan(b -> b.minCapacity(0).maxCapacity(2).secondsUntilAutoPause(600).deletionProtection(false));
        PlannedResource cluster = plan.one("aws:rds/cluster:Cluster");
        assertEquals("aurora-postgresql", cluster.string("engine"));
        assertEquals(PostgresVersions.AURORA_DEFAULT, cluster.string("engineVersion"));
        assertEquals(0.0, cluster.number("serverlessv2ScalingConfiguration.minCapacity"));
        assertEquals(2.0, cluster.number("serverlessv2ScalingConfiguration.maxCapacity"));
        assertEquals(600.0, cluster.number("serverlessv2ScalingConfiguration.secondsUntilAutoPause"));
        assertFalse(cluster.flag("deletionProtection"));
        assertFalse(cluster.protect());
        PlannedResource instance = plan.one("aws:rds/clusterInstance:ClusterInstance");
        assertEquals("db.serverless", instance.string("instanceClass"));
        assertFalse(instance.flag("publiclyAccessible"));
    }

    @Test
    void aRestoredDatabaseNamesItsOriginWhichNoLaterChangeCanReplace() {
        PlannedResource cluster = plan(b -> b.restore(Optional.of(DatabaseRestore.pointInTime("live-db",
                Optional.of(java.time.Instant.parse("2026-11-20T10:00:00Z")))))).one("aws:rds/cluster:Cluster");
        assertEquals("live-db", cluster.string("restoreToPointInTime.sourceClusterIdentifier"));
        assertEquals("2026-11-20T10:00:00Z", cluster.string("restoreToPointInTime.restoreToTime"));
        assertTrue(cluster.ignoreChanges().containsAll(List.of("snapshotIdentifier", "restoreToPointInTime")),
                "force-new in the provider, read by RDS at creation only: " + cluster.ignoreChanges());

        PlannedResource instance = plan(b -> b.engine(DatabaseEngine.RDS_INSTANCE).restore(Optional.of(
                DatabaseRestore.fromSnapshot("db-final-1a2b3c4d")))).one("aws:rds/instance:Instance");
        assertEquals("db-final-1a2b3c4d", instance.string("snapshotIdentifier"));
        assertTrue(instance.input("restoreToPointInTime").isEmpty());
        assertTrue(plan(b -> b).one("aws:rds/cluster:Cluster").ignoreChanges().contains("restoreToPointInTime"),
                "also on a database created empty: a restore source set later for another one must not replace it");
    }

    @Test
    void aRestoreNamesExactlyOneOrigin() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseRestore(Optional.of("snap"), Optional.of("db"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DatabaseRestore(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DatabaseRestore(Optional.of("snap"), Optional.empty(),
                Optional.of(java.time.Instant.EPOCH)));
    }

    @Test
    void prodClusterHasAReaderAndIsProtectedByAwsAndPulumi() {
        PlannedStack plan = plan(b -> b.minCapacity(0.5).maxCapacity(8).readers(1).backupRetentionDays(30).protect(true)
                .availabilityZones(Optional.of(Output.of(List.of("us-east-1a", "us-east-1b", "us-east-1c")))));
        PlannedResource cluster = plan.one("aws:rds/cluster:Cluster");
        assertTrue(cluster.flag("deletionProtection"));
        assertTrue(cluster.protect() && cluster.retainOnDelete());
        assertEquals(30.0, cluster.number("backupRetentionPeriod"));
        assertFalse(cluster.flag("skipFinalSnapshot"));
        assertTrue(cluster.string("finalSnapshotIdentifier").matches("db-final-[0-9a-f]{8}"), cluster.string("finalSnapshotIdentifier"));
        assertTrue(cluster.input("serverlessv2ScalingConfiguration.secondsUntilAutoPause").isEmpty());
        List<PlannedResource> instances = plan.ofType("aws:rds/clusterInstance:ClusterInstance");
        assertEquals(2, instances.size());
        assertEquals(List.of("us-east-1a", "us-east-1b"), instances.stream().map(i -> i.string("availabilityZone")).sorted().toList());
    }

    @Test
    void everythingIsEncryptedWithTheCustomerKeyAndTlsIsForced() {
        PlannedStack plan = plan(b -> b);
        PlannedResource cluster = plan.one("aws:rds/cluster:Cluster");
        assertTrue(cluster.flag("storageEncrypted"));
        assertEquals(KEY, cluster.string("kmsKeyId"));
        assertTrue(cluster.flag("manageMasterUserPassword"));
        assertEquals(KEY, cluster.string("masterUserSecretKmsKeyId"));
        assertEquals(KEY, plan.one("aws:rds/clusterInstance:ClusterInstance").string("performanceInsightsKmsKeyId"));
        PlannedResource logs = plan.one("aws:cloudwatch/logGroup:LogGroup");
        assertEquals("/aws/rds/cluster/db/postgresql", logs.string("name"));
        assertEquals(KEY, logs.string("kmsKeyId"));
        assertTrue(cluster.dependencies().contains(logs.urn()), "log group exists before the export starts");
        assertEquals(List.of("postgresql"), cluster.list("enabledCloudwatchLogsExports"));
        assertTrue(cluster.flag("iamDatabaseAuthenticationEnabled") && cluster.flag("copyTagsToSnapshot"));
        PlannedResource parameters = plan.one("aws:rds/clusterParameterGroup:ClusterParameterGroup");
        assertEquals("aurora-postgresql17", parameters.string("family"));
        assertTrue(parameters.list("parameters").toString().contains("name=rds.force_ssl, value=1"), parameters.list("parameters").toString());
    }

    @Test
    void onlyGrantedSecurityGroupsReachPort5432() {
        PlannedStack plan = plan(b -> b);
        PlannedResource group = plan.one("aws:ec2/securityGroup:SecurityGroup");
        assertTrue(group.list("ingress").isEmpty() && group.list("egress").isEmpty());
        PlannedResource rule = plan.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertEquals("sg-proxy", rule.string("referencedSecurityGroupId"));
        assertEquals(5432.0, rule.number("fromPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());
        assertTrue(String.valueOf(plan.outputs().get("secret")).contains(":secret:rds!"), "master password is RDS-managed");
    }

    @Test
    void rdsInstanceIsMultiAzGp3WithStorageAutoscaling() {
        PlannedStack plan = plan(b -> b.engine(DatabaseEngine.RDS_INSTANCE).multiAz(true).maxAllocatedStorageGb(200));
        PlannedResource instance = plan.one("aws:rds/instance:Instance");
        assertTrue(instance.flag("multiAz"));
        assertEquals("gp3", instance.string("storageType"));
        assertEquals(200.0, instance.number("maxAllocatedStorage"));
        assertEquals("db.t4g.micro", instance.string("instanceClass"));
        assertFalse(instance.flag("performanceInsightsEnabled"), "t4g.micro has no Performance Insights");
        assertEquals("postgres17", plan.one("aws:rds/parameterGroup:ParameterGroup").string("family"));
        assertTrue(plan.ofType("aws:rds/cluster:Cluster").isEmpty());
    }

    @Test
    void argsRejectImpossibleCapacityAndOldVersionsForAutoPause() {
        var inverted = assertThrows(IllegalArgumentException.class, () -> base().minCapacity(4).maxCapacity(2).build());
        assertTrue(inverted.getMessage().contains("0 <= min <= max"), inverted.getMessage());
        var old = assertThrows(IllegalArgumentException.class, () -> base().engineVersion("16.2").minCapacity(0).build());
        assertTrue(old.getMessage().contains("engineVersion 16.2: a version that supports a minimum capacity of 0 (auto-pause): 16.3 or later"), old.getMessage());
        var retention = assertThrows(IllegalArgumentException.class, () -> base().logRetentionDays(10).build());
        assertTrue(retention.getMessage().contains("logRetentionDays"), retention.getMessage());
    }

    @Test
    void engineDefaultsAreDerivedSoACopyWithAnotherEngineGetsThatEnginesClassAndVersion() {
        DatabaseArgs aurora = base().build();
        DatabaseArgs rds = DatabaseArgsBuilder.builder(aurora).engine(DatabaseEngine.RDS_INSTANCE).build();
        assertEquals("db.serverless", aurora.resolvedInstanceClass());
        assertEquals(DatabaseArgs.defaultInstanceClass(DatabaseEngine.RDS_INSTANCE), rds.resolvedInstanceClass());
        assertEquals(PostgresVersions.defaultVersion(DatabaseEngine.RDS_INSTANCE), rds.resolvedEngineVersion());
        assertEquals("db.t4g.large", base().instanceClass("db.t4g.large").build().resolvedInstanceClass());
    }

    @Test
    void defaultsAreCreatableVersionsAndAwsMinorUpgradesAreNeverReverted() {
        PlannedStack aurora = plan(b -> b);
        PlannedResource cluster = aurora.one("aws:rds/cluster:Cluster");
        assertEquals("17.7", cluster.string("engineVersion"), "Aurora PostgreSQL LTS minor");
        assertTrue(cluster.ignoreChanges().contains("engineVersion"));
        assertTrue(aurora.one("aws:rds/clusterInstance:ClusterInstance").ignoreChanges().contains("engineVersion"));
        PlannedStack rds = plan(b -> b.engine(DatabaseEngine.RDS_INSTANCE));
        PlannedResource instance = rds.one("aws:rds/instance:Instance");
        assertEquals("17.7", instance.string("engineVersion"));
        assertTrue(instance.flag("autoMinorVersionUpgrade"));
        assertTrue(instance.ignoreChanges().contains("engineVersion"));
    }

    @Test
    void versionsRdsNoLongerCreatesAreRefused() {
        var retired = assertThrows(IllegalArgumentException.class, () -> base().engine(DatabaseEngine.RDS_INSTANCE).engineVersion("16.6").build());
        assertTrue(retired.getMessage().contains("16.11 or later"), retired.getMessage());
        assertTrue(PostgresVersions.problem(DatabaseEngine.AURORA_PROVISIONED, "16.8", false).isEmpty(), "Aurora 16.8 is a long-term-support minor");
        assertTrue(PostgresVersions.problem(DatabaseEngine.RDS_INSTANCE, "13.20", false).isPresent(), "13 is in paid extended support");
    }

    @Test
    void everyDestroyLeavesASnapshotUnderItsOwnName() {
        PlannedStack plan = plan(b -> b);
        PlannedResource suffix = plan.one("random:index/randomId:RandomId");
        assertEquals(4.0, suffix.number("byteLength"));
        assertEquals(KEY, suffix.string("keepers.kmsKeyId"), "a replacement for a new key gets a new name too");
        PlannedResource cluster = plan.one("aws:rds/cluster:Cluster");
        assertEquals("db-final-0123abcd", cluster.string("finalSnapshotIdentifier"), "name plus the random suffix");
        assertFalse(cluster.flag("skipFinalSnapshot"));
        PlannedResource instance = plan(b -> b.engine(DatabaseEngine.RDS_INSTANCE)).one("aws:rds/instance:Instance");
        assertEquals("db-final-0123abcd", instance.string("finalSnapshotIdentifier"));
    }

    @Test
    void everyExportedLogTypeHasItsOwnEncryptedGroupCreatedFirst() {
        PlannedStack plan = plan(b -> b.engine(DatabaseEngine.RDS_INSTANCE));
        PlannedResource instance = plan.one("aws:rds/instance:Instance");
        assertEquals(List.of("postgresql", "upgrade"), instance.list("enabledCloudwatchLogsExports"));
        for (Object type : instance.list("enabledCloudwatchLogsExports")) {
            PlannedResource group = plan.where(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup")
                    && ("/aws/rds/instance/db/" + type).equals(r.string("name"))).get(0);
            assertEquals(KEY, group.string("kmsKeyId"));
            assertTrue(instance.dependencies().contains(group.urn()), type + " group exists before the export starts");
        }
    }

    @Test
    void connectionBudgetFollowsMemory() {
        assertEquals(901, ConnectionBudget.maxConnections(DatabaseEngine.AURORA_SERVERLESS_V2, 0.5, 4, null));
        // A minimum of 0 or 0.5 ACU caps Serverless v2 at 2000 connections, a higher minimum at 5000.
        assertEquals(2000, ConnectionBudget.maxConnections(DatabaseEngine.AURORA_SERVERLESS_V2, 0.5, 16, null));
        assertEquals(3604, ConnectionBudget.maxConnections(DatabaseEngine.AURORA_SERVERLESS_V2, 1, 16, null));
        assertEquals(112, ConnectionBudget.maxConnections(DatabaseEngine.RDS_INSTANCE, 0, 0, "db.t4g.micro"));
        assertEquals(5000, ConnectionBudget.maxConnections(DatabaseEngine.AURORA_PROVISIONED, 0, 0, "db.r7g.4xlarge"));
        assertEquals(97, ConnectionBudget.usable(112));
        assertThrows(IllegalArgumentException.class, () -> ConnectionBudget.maxConnections(DatabaseEngine.RDS_INSTANCE, 0, 0, "db.x1.huge"));
    }
}
