package dev.llmgateway.gateway;

import com.pulumi.Pulumi;
import dev.llmgateway.gateway.settings.PulumiConfigSource;
import dev.llmgateway.gateway.settings.StackSettings;

/** Entry point for {@code pulumi up / preview}: read settings once, then wire the gateway. */
public final class App {

    private App() {
    }

    /** Runs the program under the Pulumi language host. */
    public static void main(String[] args) {
        Pulumi.run(ctx -> Gateway.deploy(ctx, StackSettings.read(new PulumiConfigSource(ctx))));
    }
}
