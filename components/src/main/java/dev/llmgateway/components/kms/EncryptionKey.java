package dev.llmgateway.components.kms;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer-managed KMS key with yearly rotation for everything a stack encrypts: secrets,
 * parameters, database storage, log groups and the alarm topic. The key policy gives the account
 * the usual administrative control, lets CloudWatch Logs use the key for this account's log groups
 * only, and adds the grants callers hand in (e.g. for alarms publishing to an encrypted topic).
 */
public class EncryptionKey extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:kms:EncryptionKey";

    private final Output<String> arn;
    private final Output<String> keyId;

    /** Creates the key and its alias {@code alias/<name>}. */
    public EncryptionKey(String name, EncryptionKeyArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        var child = CustomResourceOptions.builder().parent(this).build();
        var key = new Key(name, KeyArgs.builder()
                .description(args.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(args.deletionWindowDays())
                .policy(Output.tuple(args.partition(), args.accountId())
                        .applyValue(t -> policy(t.t1, t.t2, args.region(), args.grants().apply(t.t2))))
                .build(), CustomResourceOptions.builder().parent(this)
                .retainOnDelete(args.outlivesStack())
                .protect(args.protect())
                .build());
        new Alias(name, AliasArgs.builder().name("alias/" + name).targetKeyId(key.keyId()).build(), child);
        this.arn = key.arn();
        this.keyId = key.keyId();
        registerOutputs(Map.of("arn", arn, "keyId", keyId));
    }

    /** Key ARN. */
    public Output<String> arn() {
        return arn;
    }

    /** Key id. */
    public Output<String> keyId() {
        return keyId;
    }

    /** The key policy; {@code "*"} as resource is how a key policy names the key itself. */
    static String policy(String partition, String account, String region, List<Statement> grants) {
        String root = "arn:" + partition + ":iam::" + account + ":root";
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("AccountAdministers", List.of("kms:*"), List.of("*"))
                .forPrincipal("AWS", root));
        statements.add(Statement.allow("CloudWatchLogsEncrypt",
                        List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                        List.of("*"))
                .forPrincipal("Service", "logs." + region + ".amazonaws.com")
                .when("ArnLike", "kms:EncryptionContext:aws:logs:arn", "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:*"));
        statements.addAll(grants);
        return PolicyDocument.json(statements);
    }
}
