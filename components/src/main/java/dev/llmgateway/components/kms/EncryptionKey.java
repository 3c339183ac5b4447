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
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;

/**
 * A customer-managed KMS key with yearly rotation for everything a stack encrypts: secrets,
 * parameters, database storage, log groups and the alarm topic. The key policy gives the account
 * the usual administrative control, lets CloudWatch Logs use the key for this account's log groups
 * only, and adds the statements its users need: given up front ({@code grants}), or, with
 * {@code deferPolicy}, added by components created after the key ({@link #allow}) until the owner
 * {@link #seal seals} the policy. The key (and so every resource encrypted with it) is created once the
 * policy is complete, so nothing ever uses the key before its users are allowed.
 */
public class EncryptionKey extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:kms:EncryptionKey";

    private final Output<String> arn;
    private final Output<String> keyId;
    private final String name;
    private final boolean deferred;
    private final List<KeyGrant> added = new ArrayList<>();
    /** The grants added after construction; complete once sealed. */
    private final CompletableFuture<List<KeyGrant>> sealed = new CompletableFuture<>();

    /** Creates the key and its alias {@code alias/<name>}. */
    public EncryptionKey(String name, EncryptionKeyArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.name = name;
        this.deferred = args.deferPolicy();
        if (!deferred) {
            sealed.complete(List.of());
        }
        var child = CustomResourceOptions.builder().parent(this).build();
        var key = new Key(name, KeyArgs.builder()
                .description(args.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(args.deletionWindowDays())
                .policy(Output.tuple(args.resolvedPartition(), args.accountId(), Output.of(sealed))
                        .applyValue(t -> {
                            List<Statement> grants = new ArrayList<>(args.grants().statements(t.t1, t.t2));
                            t.t3.forEach(grant -> grants.addAll(grant.statements(t.t1, t.t2)));
                            return policy(t.t1, t.t2, args.region(), grants);
                        }))
                .build(), CustomResourceOptions.builder().parent(this)
                .retainOnDelete(args.outlivesStack())
                .protect(args.protect())
                .build());
        new Alias(name, AliasArgs.builder().name("alias/" + name).targetKeyId(key.keyId()).build(), child);
        this.arn = key.arn();
        this.keyId = key.keyId();
        registerOutputs(Map.of("arn", arn, "keyId", keyId));
    }

    /**
     * Adds statements for a user of the key created after it (alarms publishing to a topic it encrypts); the key's
     * {@code deferPolicy} must be on and the policy not yet sealed.
     */
    public synchronized void allow(KeyGrant grant) {
        if (!deferred) {
            throw new IllegalStateException("EncryptionKey " + name + ": allow() needs EncryptionKeyArgs.deferPolicy(true);"
                    + " give the statements as grants instead");
        }
        if (sealed.isDone()) {
            throw new IllegalStateException("EncryptionKey " + name + ": the policy is sealed, no statement can be added");
        }
        added.add(grant);
    }

    /**
     * Completes the policy with every grant added so far: the owner calls it once all users of the key exist, also when
     * its own construction fails (in a {@code finally}). Until then the key is not created (with {@code deferPolicy}),
     * and neither is anything encrypted with it.
     */
    public synchronized void seal() {
        sealed.complete(List.copyOf(added));
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
