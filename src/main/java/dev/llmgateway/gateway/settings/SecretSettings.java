package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.secrets.SecretStore;

/**
 * Where secrets live and when generated ones are renewed.
 *
 * @param store            {@code secretStore}
 * @param masterKeyVersion {@code masterKeyVersion}: change it to generate a new master key (see the rotation runbook);
 *                         the salt key has no such setting because it must never change
 * @param uiPasswordVersion {@code uiPasswordVersion}: change it to generate a new admin UI password (runbook "Rotate the
 *                          admin UI password")
 */
public record SecretSettings(SecretStore store, int masterKeyVersion, int uiPasswordVersion) {

    /** Reads the secret settings. */
    public static SecretSettings read(SettingsReader r) {
        return new SecretSettings(r.choice("secretStore", SecretStore.class),
                r.integer("masterKeyVersion", 1, Integer.MAX_VALUE),
                r.integer("uiPasswordVersion", 1, Integer.MAX_VALUE));
    }
}
