package dev.llmgateway.gateway;

import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.llmgateway.gateway.settings.ConfigSource;
import dev.llmgateway.gateway.settings.PulumiConfigSource;
import dev.llmgateway.gateway.settings.SettingsException;
import dev.llmgateway.gateway.settings.StackSettings;

/** Entry point for {@code pulumi up / preview}: read settings once, then wire the gateway. */
public final class App {

    private App() {
    }

    /** Runs the program under the Pulumi language host. */
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            Gateway.deploy(ctx, settings(new PulumiConfigSource(ctx)));
        });
    }

    /**
     * The stack's settings; a bad one ends the program before any resource is declared with the
     * settings message alone: pulumi-java reports a {@link RunException} as a clean failure, without
     * the stack trace and source listing of an unhandled error.
     */
    static StackSettings settings(ConfigSource source) {
        try {
            return StackSettings.read(source);
        } catch (SettingsException e) {
            throw new RunException(e.getMessage());
        }
    }
}
