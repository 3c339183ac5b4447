package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.database.PostgresVersions;
import dev.llmgateway.gateway.access.Access;
import dev.llmgateway.gateway.access.EdgeAccess;
import dev.llmgateway.gateway.access.LoadBalancerPlacement;
import dev.llmgateway.gateway.access.PublicAccess;
import dev.llmgateway.gateway.access.VpnAccess;

import java.util.List;
import java.util.Optional;

/**
 * Changes a deployed stack cannot take by {@code pulumi up}: refused before anything is planned, each with the key,
 * why, and the safe procedure (README, "Updates: what the plan refuses"). The offline update plan calls it with the
 * deployed stack's settings and the new ones; the plan finds everything else.
 */
public final class SettingsTransition {

    private SettingsTransition() {
    }

    /** Throws a {@link SettingsException} naming the first key whose change a deployed stack cannot take. */
    public static void check(StackSettings base, StackSettings head) {
        if (!base.region().equals(head.region())) {
            throw refused("aws:region", base.region(), head.region(), "every resource of a stack lives in its region; the"
                    + " provider cannot move them", "deploy a new stack in the new region, move clients to it, then destroy the old one");
        }
        if (!base.network().cidr().equals(head.network().cidr())) {
            throw refused("litellm-gateway:vpcCidr", base.network().cidr(), head.network().cidr(), "a VPC's primary block cannot"
                    + " change: the VPC and everything in it would be replaced, the database with it", "deploy a new stack with the new"
                    + " block and restore the database from a snapshot into it");
        }
        if (head.network().azCount() < base.network().azCount()) {
            throw refused("litellm-gateway:azCount", base.network().azCount(), head.network().azCount(), "the database and cache"
                    + " may run in the zones that go (a standby, a reader, a replica); their subnets cannot be deleted while they"
                    + " do (DependencyViolation)", "keep azCount; to shrink, deploy a new stack with fewer zones and restore the"
                    + " database from a snapshot into it");
        }
        List<String> baseZones = base.network().availabilityZones();
        List<String> headZones = head.network().availabilityZones();
        if (!baseZones.isEmpty() && !headZones.isEmpty()
                && !headZones.subList(0, Math.min(baseZones.size(), headZones.size())).equals(baseZones.subList(0, Math.min(baseZones.size(), headZones.size())))) {
            throw refused("litellm-gateway:availabilityZones", baseZones, headZones, "a subnet cannot move to another zone: it"
                    + " would be replaced while the database and the tasks use it", "keep the deployed zones in their order and append new ones");
        }
        if (base.database().engine() != head.database().engine()) {
            throw refused("litellm-gateway:dbEngine", SettingsReader.spelling(base.database().engine()),
                    SettingsReader.spelling(head.database().engine()), "another engine is another database: the new one would"
                            + " start empty and the old one be deleted", "take a snapshot, deploy a new stack with the new engine,"
                            + " restore the data into it (pg_dump/pg_restore across engines), then move clients");
        }
        int baseMajor = major(base.database());
        int headMajor = major(head.database());
        if (baseMajor != headMajor) {
            throw refused("litellm-gateway:dbEngineVersion", base.database().engineVersion().orElse(String.valueOf(baseMajor)),
                    head.database().engineVersion().orElse(String.valueOf(headMajor)), "the parameter group's family follows the"
                            + " major version while the engine version is left to AWS after creation (minor upgrades): RDS would"
                            + " refuse a " + headMajor + " parameter group on a " + baseMajor + " database, and a major upgrade is"
                            + " not done by this stack", "upgrade the major version outside the update (RDS Blue/Green Deployments, or a"
                            + " snapshot restored into a new stack), then set dbEngineVersion to the version now running");
        }
        DatabaseSlot serving = head.database().serving();
        if (!base.database().slots().contains(serving)) {
            throw refused("litellm-gateway:dbServingSlot", SettingsReader.spelling(base.database().serving()),
                    SettingsReader.spelling(serving), "slot " + SettingsReader.spelling(serving) + " holds no database yet: created"
                            + " in this update it would serve empty (only the slot that does not serve is restored)",
                    "first add the slot to dbSlots with dbRestoreSource and deploy, check the copy, then set dbServingSlot"
                            + " (docs/runbooks.md, \"Restore the database from a snapshot\")");
        }
        Optional<LoadBalancerPlacement> baseBalancer = base.access().mode().loadBalancer();
        Optional<LoadBalancerPlacement> headBalancer = head.access().mode().loadBalancer();
        if (baseBalancer.isPresent() && base.access().deletionProtection()
                && (headBalancer.isEmpty() || headBalancer.get().internal() != baseBalancer.get().internal())) {
            throw refused("litellm-gateway:accessMode", modeName(base), modeName(head), "the load"
                    + " balancer would be " + (headBalancer.isEmpty() ? "deleted" : "replaced (internal and internet-facing are"
                    + " different load balancers)") + " while albDeletionProtection is on in the deployed stack (OperationNotPermitted)",
                    "first deploy the current access mode with litellm-gateway:albDeletionProtection = false, then switch the mode"
                            + " (expect the gateway to be unreachable while the new load balancer comes up, 3-4 min)");
        }
    }

    private static String modeName(StackSettings settings) {
        Access mode = settings.access().mode();
        return mode instanceof PublicAccess ? "public" : mode instanceof VpnAccess ? "vpn" : mode instanceof EdgeAccess ? "edge" : "private";
    }

    private static int major(DatabaseSettings database) {
        return PostgresVersions.major(database.engineVersion().orElse(PostgresVersions.defaultVersion(database.engine()))).orElse(0);
    }

    private static SettingsException refused(String key, Object from, Object to, String why, String procedure) {
        return new SettingsException("Refused update of " + key + " from '" + from + "' to '" + to + "' on a deployed stack: " + why
                + ". Safe procedure: " + procedure + ".");
    }
}
