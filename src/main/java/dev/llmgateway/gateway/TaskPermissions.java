package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.PolicyDocument;
import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the LiteLLM process itself may do in AWS (the ECS task role): read its published configs,
 * decrypt them, sign in to the database as its one IAM user (with IAM database auth), and invoke exactly
 * the Bedrock models the stack configures, and (with LiteLLM's bucket) read and write its own prefixes. Nothing else.
 */
final class TaskPermissions {

    private TaskPermissions() {
    }

    /** Key prefixes of LiteLLM's bucket the tasks may read and write: archived request logs, files, batch input. */
    static final List<String> BUCKET_PREFIXES = List.of("request-logs/", "files/", "batches/");

    /**
     * The task role's inline policy; {@code configArn} names every published config ({@code .../litellm/config-*}),
     * {@code bucketArn} LiteLLM's own bucket when the stack has one.
     */
    static Output<String> policy(Output<String> configArn, Output<String> keyArn, Output<List<String>> bedrockResources,
                                 Output<List<String>> databaseConnectArns, Optional<Output<String>> bucketArn) {
        Output<List<String>> connect = databaseConnectArns;
        Output<Optional<String>> bucket = optional(bucketArn);
        return Output.tuple(configArn, keyArn, bedrockResources, connect, bucket).applyValue(t -> {
            List<String> bedrockArns = t.t3;
            List<Statement> statements = new ArrayList<>();
            statements.add(Statement.allow("ReadPublishedConfigs", List.of("s3:GetObject"), List.of(t.t1)));
            statements.add(Statement.allow("DecryptConfig", List.of("kms:Decrypt"), List.of(t.t2))
                    .when("StringEquals", "kms:ViaService", "s3." + keyRegion(t.t2) + ".amazonaws.com"));
            // rds-db:connect on exactly dbuser:<resource id>/litellm_app (RDS user guide, IAM database access); during a
            // blue/green upgrade also on the green cluster's id, which becomes the live one at switchover.
            if (!t.t4.isEmpty()) {
                statements.add(Statement.allow("ConnectToDatabaseAsApp", List.of("rds-db:connect"), t.t4));
            }
            t.t5.ifPresent(arn -> {
                statements.add(Statement.allow("UseLiteLlmBucket", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                        BUCKET_PREFIXES.stream().map(prefix -> arn + "/" + prefix + "*").toList()));
                // Objects are encrypted with the stack key (SSE-KMS): writing one needs a data key, through S3 only.
                statements.add(Statement.allow("EncryptLiteLlmBucket", List.of("kms:GenerateDataKey"), List.of(t.t2))
                        .when("StringEquals", "kms:ViaService", "s3." + keyRegion(t.t2) + ".amazonaws.com"));
            });
            if (!bedrockArns.isEmpty()) {
                statements.add(Statement.allow("InvokeConfiguredModels",
                        List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"), bedrockArns));
            }
            return PolicyDocument.json(statements);
        });
    }

    private static Output<Optional<String>> optional(Optional<Output<String>> value) {
        return value.map(v -> v.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
    }

    /** The region of a KMS key ARN ({@code arn:aws:kms:<region>:...}). */
    private static String keyRegion(String keyArn) {
        return keyArn.split(":")[3];
    }
}
