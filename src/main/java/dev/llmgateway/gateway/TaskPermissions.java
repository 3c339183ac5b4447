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
 * the Bedrock models the stack configures. Nothing else.
 */
final class TaskPermissions {

    private TaskPermissions() {
    }

    /** The task role's inline policy; {@code configArn} names every published config ({@code .../litellm/config-*}). */
    static Output<String> policy(Output<String> configArn, Output<String> keyArn, Output<List<String>> bedrockResources,
                                 Output<List<String>> databaseConnectArns) {
        Output<List<String>> connect = databaseConnectArns;
        return Output.tuple(configArn, keyArn, bedrockResources, connect).applyValue(t -> {
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
            if (!bedrockArns.isEmpty()) {
                statements.add(Statement.allow("InvokeConfiguredModels",
                        List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"), bedrockArns));
            }
            return PolicyDocument.json(statements);
        });
    }

    /** The region of a KMS key ARN ({@code arn:aws:kms:<region>:...}). */
    private static String keyRegion(String keyArn) {
        return keyArn.split(":")[3];
    }
}
