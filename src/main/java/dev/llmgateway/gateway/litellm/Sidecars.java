package dev.llmgateway.gateway.litellm;

import dev.llmgateway.components.proxy.ContainerSpec;
import dev.llmgateway.components.proxy.HealthCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers that run next to LiteLLM in the same task (sharing localhost): the Presidio analyzer
 * and anonymizer for the {@code presidio} guardrail, and Ollama for a local model. Images are
 * pinned; their health checks use what each image ships (Python in Presidio, the CLI in Ollama).
 */
public final class Sidecars {

    /** Presidio analyzer image (pinned). */
    static final String PRESIDIO_ANALYZER_IMAGE = "mcr.microsoft.com/presidio-analyzer:2.2.356";
    /** Presidio anonymizer image (pinned). */
    static final String PRESIDIO_ANONYMIZER_IMAGE = "mcr.microsoft.com/presidio-anonymizer:2.2.356";
    /** Ollama image (pinned). */
    static final String OLLAMA_IMAGE = "ollama/ollama:0.9.0";
    /** Both Presidio images default to port 3000; one task needs distinct ports. */
    public static final int PRESIDIO_ANALYZER_PORT = 5002;
    /** Anonymizer port. */
    public static final int PRESIDIO_ANONYMIZER_PORT = 5001;
    /** Ollama's port. */
    public static final int OLLAMA_PORT = 11434;
    /** Ollama's home (keys, models): a task volume, because the root file system is read-only. */
    static final String OLLAMA_HOME = "/ollama";
    /** An unprivileged user for images that run as root by default but do not need to. */
    static final String NOBODY = "65534:65534";
    /**
     * Presidio's images build their Python environment under /root with poetry and run as root
     * (microsoft/presidio presidio-analyzer/Dockerfile), so they cannot drop to another user, and poetry
     * may write below /root at start: they keep root, named explicitly, and a writable root file system.
     */
    static final String PRESIDIO_USER = "0:0";

    private Sidecars() {
    }

    /** The sidecars the settings need, in start order. */
    public static List<ContainerSpec> of(LiteLlmSettings s) {
        List<ContainerSpec> sidecars = new ArrayList<>();
        if (s.guardrails().contains(Guardrail.PRESIDIO)) {
            sidecars.add(presidio("presidio-analyzer", PRESIDIO_ANALYZER_IMAGE, PRESIDIO_ANALYZER_PORT));
            sidecars.add(presidio("presidio-anonymizer", PRESIDIO_ANONYMIZER_IMAGE, PRESIDIO_ANONYMIZER_PORT));
        }
        s.ollamaModel().ifPresent(model -> sidecars.add(ContainerSpec.builder("ollama", OLLAMA_IMAGE)
                .port(OLLAMA_PORT)
                // A 3B model needs about 2 GiB plus runtime; the task must be sized for it.
                .memoryReservation(4096)
                // litellm/ollama.sh: serve, pull, wait, and pass ECS's SIGTERM on to the server.
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of(ProxyFiles.script("ollama.sh")))
                .env("OLLAMA_PULL_MODEL", model)
                // Models and keys go to a task volume: task storage is fresh at every start, so the model is
                // downloaded again each time (see litellm/README.md for the trade-off and the alternatives).
                .env("HOME", OLLAMA_HOME)
                .env("OLLAMA_MODELS", OLLAMA_HOME + "/models")
                .mount("ollama-home", OLLAMA_HOME)
                .mount("ollama-tmp", "/tmp")
                .user(NOBODY)
                // Healthy only once the model is pulled, so LiteLLM never routes to an empty server.
                .healthCheck(HealthCheck.of(List.of("CMD", "ollama", "show", model), 300))
                .build()));
        return sidecars;
    }

    /** Environment LiteLLM needs to reach the sidecars. */
    public static Map<String, String> environment(LiteLlmSettings s) {
        Map<String, String> env = new LinkedHashMap<>();
        if (s.guardrails().contains(Guardrail.PRESIDIO)) {
            env.put("PRESIDIO_ANALYZER_API_BASE", "http://localhost:" + PRESIDIO_ANALYZER_PORT);
            env.put("PRESIDIO_ANONYMIZER_API_BASE", "http://localhost:" + PRESIDIO_ANONYMIZER_PORT);
        }
        return env;
    }

    private static ContainerSpec presidio(String name, String image, int port) {
        return ContainerSpec.builder(name, image)
                .port(port)
                .env("PORT", Integer.toString(port))
                .memoryReservation(1024)
                .healthCheck(HealthCheck.of(List.of("CMD", "python", "-c",
                        "import urllib.request; urllib.request.urlopen('http://localhost:" + port + "/health', timeout=4)"), 120))
                .user(PRESIDIO_USER)
                .readonlyRootFilesystem(false)
                .build();
    }
}
