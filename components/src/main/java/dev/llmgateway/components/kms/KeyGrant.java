package dev.llmgateway.components.kms;

import dev.llmgateway.components.support.PolicyDocument.Statement;

import java.util.List;

/**
 * Key-policy statements a user of an {@link EncryptionKey} needs, given the key's partition and account. They are
 * rendered by the key, so they never wait for resources the key encrypts (which wait for the key).
 */
@FunctionalInterface
public interface KeyGrant {

    /** No statements. */
    KeyGrant NONE = (partition, account) -> List.of();

    /** The statements, for a key in {@code partition} owned by {@code account}. */
    List<Statement> statements(String partition, String account);
}
