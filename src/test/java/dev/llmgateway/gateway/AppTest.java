package dev.llmgateway.gateway;

import dev.llmgateway.gateway.settings.Stacks;
import com.pulumi.exceptions.RunException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppTest {

    @Test
    void underPulumiPreviewABadSettingEndsTheProgramWithTheSettingsMessageOnly() {
        var error = assertThrows(RunException.class, () -> App.settings(Stacks.load("dev").with(Map.of("azCount", 9))));
        assertEquals("Invalid stack setting litellm-gateway:azCount = '9': a whole number between 2 and 6", error.getMessage());
        assertNull(error.getCause(), "nothing that would print a stack trace");
    }
}
