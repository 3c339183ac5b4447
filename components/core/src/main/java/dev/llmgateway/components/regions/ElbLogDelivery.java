package dev.llmgateway.components.regions;

import java.util.Map;
import java.util.Optional;

/**
 * Who writes load balancer access logs into a bucket, per region. Regions available before August 2022 deliver
 * from a regional Elastic Load Balancing account, which the bucket policy names; regions launched since have no such
 * account and deliver as the service principal {@link #SERVICE_PRINCIPAL} (ELB user guide, "Enable access logs for
 * your Application Load Balancer", step 2, https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
 * The accounts are those the provider's lookup {@code aws.elb.getServiceAccount} knows; in any other region the lookup
 * fails with "unsupported AWS Region" (hashicorp/terraform-provider-aws
 * {@code internal/service/elb/service_account_data_source.go accountIDPerRegionMap}, which pulumi-aws 6.x bridges).
 * Checked {@value #AS_OF}.
 */
public final class ElbLogDelivery {

    /** When the table was checked. */
    public static final String AS_OF = "2026-12";
    /** The principal that delivers logs in regions without a regional account. */
    public static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

    private static final Map<String, String> ACCOUNTS = Map.ofEntries(
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-northeast-1", "582318560864"), Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-northeast-3", "383597477331"), Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-southeast-3", "589379963580"), Map.entry("ca-central-1", "985666609251"),
            Map.entry("cn-north-1", "638102146993"), Map.entry("cn-northwest-1", "037604701340"),
            Map.entry("eu-central-1", "054676820928"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("eu-south-1", "635631232127"), Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"), Map.entry("eu-west-3", "009996457667"),
            Map.entry("me-south-1", "076674570225"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-gov-east-1", "190560391635"), Map.entry("us-gov-west-1", "048591011584"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"));

    private ElbLogDelivery() {
    }

    /** The regional Elastic Load Balancing account of {@code region}; empty where logs come from the service principal. */
    public static Optional<String> account(String region) {
        return Optional.ofNullable(ACCOUNTS.get(region));
    }
}
