package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.proxy.FargateSizes;
import dev.llmgateway.components.proxy.ServiceLoadBalancer;

import java.util.List;

/**
 * How LiteLLM is laid out: one service, or LiteLLM's gateway, backend and UI services with their own sizes, and who
 * may reach the management plane.
 *
 * @param layout          {@code litellmLayout}
 * @param componentImages {@code litellmComponentImages}: the split images, {@value #COMPONENT} standing for
 *                        gateway, backend, ui and migrations, pinned like {@code litellmImage}
 * @param backend         {@code backendCpu}, {@code backendMemory}, {@code backendMinTasks}, {@code backendMaxTasks}
 * @param ui              {@code uiCpu}, {@code uiMemory}, {@code uiMinTasks}, {@code uiMaxTasks}
 * @param adminCidrs      {@code adminCidrs}: the only client addresses the management API and admin UI serve (the
 *                        data plane stays as the access mode opens it); empty = the same clients as the data plane
 */
public record LayoutSettings(LiteLlmLayout layout, String componentImages, ServiceSize backend, ServiceSize ui,
                             List<Cidr> adminCidrs) {

    /** Placeholder for the component's name in {@code litellmComponentImages}. */
    public static final String COMPONENT = "{component}";
    /** LiteLLM's split images (LiteLLM's Helm chart and AWS module name the same four). */
    public static final List<String> COMPONENTS = List.of("gateway", "backend", "ui", "migrations");

    /**
     * Size and task range of one service.
     *
     * @param cpu      Fargate CPU units
     * @param memory   MiB, a Fargate size with {@code cpu}
     * @param minTasks fewest tasks
     * @param maxTasks most tasks under CPU scaling
     */
    public record ServiceSize(int cpu, int memory, int minTasks, int maxTasks) {
    }

    /** Reads and validates the layout settings. */
    public static LayoutSettings read(SettingsReader r) {
        LiteLlmLayout layout = r.choice("litellmLayout", LiteLlmLayout.class);
        String images = r.string("litellmComponentImages");
        if (!images.contains(COMPONENT) || images.contains("@")) {
            throw r.invalid("litellmComponentImages", images, "an image reference with " + COMPONENT + " in place of the"
                    + " component and a version tag, e.g. ghcr.io/berriai/litellm-{component}:v1.108.26 (one tag pins all four"
                    + " images; a digest differs per image)");
        }
        for (String component : COMPONENTS) {
            ProxySettings.pinned(r, "litellmComponentImages", images.replace(COMPONENT, component));
        }
        List<Cidr> admin = r.cidrs("adminCidrs");
        int most = ServiceLoadBalancer.CONDITION_VALUES_PER_RULE - 2;
        if (admin.size() > most) {
            throw r.invalid("adminCidrs", admin, "at most " + most + " blocks: a load balancer rule holds "
                    + ServiceLoadBalancer.CONDITION_VALUES_PER_RULE + " condition values, and a path and a header need the rest");
        }
        if (!admin.isEmpty() && layout != LiteLlmLayout.COMPONENTIZED) {
            throw r.invalid("adminCidrs", admin, "empty with litellmLayout monolithic: only the componentized layout serves the"
                    + " management API and UI from services of their own, which the load balancer can restrict apart");
        }
        return new LayoutSettings(layout, images, size(r, "backend"), size(r, "ui"), admin);
    }

    /** The image of one component ({@link #COMPONENTS}). */
    public String image(String component) {
        return componentImages.replace(COMPONENT, component);
    }

    private static ServiceSize size(SettingsReader r, String service) {
        int c = r.integer(service + "Cpu", 256, 16384);
        int m = r.integer(service + "Memory", 512, 122880);
        FargateSizes.problem(c, m).ifPresent(problem -> {
            throw r.invalid(service + "Memory", m, problem + " (litellm-gateway:" + service + "Cpu = " + c + ")");
        });
        int min = r.integer(service + "MinTasks", 1, 100);
        // The default maximum follows a larger minimum.
        int max = r.isDefault(service + "MaxTasks") ? Math.max(min, r.integer(service + "MaxTasks", 1, 100))
                : r.integer(service + "MaxTasks", 1, 100);
        if (min > max) {
            throw r.invalid(service + "MinTasks", min, "at most litellm-gateway:" + service + "MaxTasks (" + max + ")");
        }
        return new ServiceSize(c, m, min, max);
    }
}
