package dev.llmgateway.engine;

import java.util.List;

/**
 * A flow the program declared ({@link dev.llmgateway.components.network.Flow}), with the values its ends
 * resolved to on the mock engine: what the reachability check and the diagram read.
 *
 * @param name the name of the rule that admits it
 * @param from who opens the connection
 * @param to   who accepts it
 * @param port TCP port
 * @param why  what the path is for
 */
public record PlannedFlow(String name, End from, End to, int port, String why) {

    /**
     * One end: exactly one of group, range or prefix list; the subnets its members live in when declared.
     *
     * @param label           what the end is
     * @param securityGroupId security group id, or null
     * @param cidr            IPv4 range, or null
     * @param prefixListId    managed prefix list id, or null
     * @param subnetIds       subnets of the group's members; empty when not declared
     */
    public record End(String label, String securityGroupId, String cidr, String prefixListId, List<String> subnetIds) {
        /** Copies the subnets. */
        public End {
            subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        }

        /** Whether the end is outside the stack's security groups (an address range or a prefix list). */
        public boolean outside() {
            return securityGroupId == null;
        }
    }
}
