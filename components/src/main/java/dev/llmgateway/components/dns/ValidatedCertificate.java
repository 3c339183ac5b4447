package dev.llmgateway.components.dns;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * An ACM certificate for one domain, validated through a DNS record in a Route 53 zone. Its ARN
 * resolves only once validation has succeeded, so listeners and distributions never get an
 * unvalidated certificate. Create it with a us-east-1 provider for CloudFront.
 */
public class ValidatedCertificate extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:dns:ValidatedCertificate";

    private final Output<String> arn;

    /** Requests the certificate for {@code domain} and validates it in {@code hostedZoneId}. */
    public ValidatedCertificate(String name, String domain, String hostedZoneId, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        var certificate = new Certificate(name, CertificateArgs.builder()
                .domainName(domain).validationMethod("DNS").build(), child);
        var options = certificate.domainValidationOptions();
        var record = new Record(name + "-validation", RecordArgs.builder()
                .zoneId(hostedZoneId)
                .name(options.applyValue(o -> o.get(0).resourceRecordName().orElseThrow()))
                .type(options.applyValue(o -> Either.<String, RecordType>ofLeft(o.get(0).resourceRecordType().orElseThrow())))
                .records(options.applyValue(o -> List.of(o.get(0).resourceRecordValue().orElseThrow())))
                .ttl(300)
                .allowOverwrite(true)
                .build(), child);
        this.arn = new CertificateValidation(name, CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                .build(), child).certificateArn();
        registerOutputs(Map.of("arn", arn));
    }

    /** ARN of the validated certificate. */
    public Output<String> arn() {
        return arn;
    }

    /** Alias records ({@code A} and, for dual-stack targets, {@code AAAA}) from a name in a zone to an AWS target. */
    public static void alias(String name, String domain, String hostedZoneId, Output<String> targetDnsName,
                             Output<String> targetZoneId, List<String> types, CustomResourceOptions options) {
        for (String type : types) {
            new Record(name + "-" + type.toLowerCase(java.util.Locale.ROOT), RecordArgs.builder()
                    .zoneId(hostedZoneId)
                    .name(domain)
                    .type(type)
                    .aliases(com.pulumi.aws.route53.inputs.RecordAliasArgs.builder()
                            .name(targetDnsName).zoneId(targetZoneId).evaluateTargetHealth(false).build())
                    .build(), options);
        }
    }
}
