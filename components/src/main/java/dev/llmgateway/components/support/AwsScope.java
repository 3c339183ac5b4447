package dev.llmgateway.components.support;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * Where a component's resources live: the partition, region and account of its provider, for ARNs the component
 * writes itself (trust conditions, ARN patterns).
 *
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}...
 * @param region    the provider's region
 * @param account   the account the provider's credentials belong to
 */
public record AwsScope(String partition, String region, String account) {

    /** Looks the scope up through {@code parent}'s provider (the AWS provider's caller identity, region and partition). */
    public static Output<AwsScope> of(Resource parent) {
        var invoke = InvokeOptions.builder().parent(parent).build();
        return Output.tuple(
                AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke).applyValue(p -> p.partition()),
                AwsFunctions.getRegion(GetRegionArgs.builder().build(), invoke).applyValue(r -> r.name()),
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke).applyValue(i -> i.accountId()))
                .applyValue(t -> new AwsScope(t.t1, t.t2, t.t3));
    }

    /** An ARN of this scope: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
