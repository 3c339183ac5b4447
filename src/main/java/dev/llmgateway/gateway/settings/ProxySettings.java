package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.proxy.CapacityStrategy;
import dev.llmgateway.components.proxy.CpuArchitecture;
import dev.llmgateway.components.proxy.FargateSizes;
import dev.llmgateway.components.cache.CacheArgs;
import dev.llmgateway.components.cache.ValkeyNodeTypes;

import dev.llmgateway.components.registry.ImageRepositoryArgs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The LiteLLM tasks: image, size, count, capacity and scaling.
 *
 * @param image                   {@code litellmImage}, pinned by version tag or digest
 * @param cpu                     {@code proxyCpu}, Fargate CPU units
 * @param memory                  {@code proxyMemory}, MiB
 * @param architecture            {@code proxyArchitecture}
 * @param minTasks                {@code proxyMinTasks}
 * @param maxTasks                {@code proxyMaxTasks}
 * @param capacity                {@code proxyCapacity}
 * @param workers                 {@code proxyWorkers}: uvicorn workers per task (LiteLLM's production guide: one, scale with tasks)
 * @param healthCheckGraceSeconds {@code healthCheckGraceSeconds}
 * @param cpuTargetPercent        {@code cpuTargetPercent}
 * @param requestsPerTarget       {@code requestsPerTarget}; 0 turns request-count scaling off
 * @param memoryTargetPercent     {@code memoryTargetPercent}: target average memory; 0 turns memory scaling off
 * @param redis                   {@code redis}: shared rate limits, budgets and cache
 * @param redisNodeType           {@code redisNodeType}: ElastiCache node type
 * @param redisReplicas           {@code redisReplicas}: read replicas; one or more turns on failover across zones
 * @param readOnlyRootFilesystem  {@code proxyReadOnlyRootFilesystem}: LiteLLM containers write only to task volumes
 * @param imageRepository         {@code imageRepository}: the stack's own ECR repository for a gateway image built from litellm/
 * @param imageKeepCount          {@code imageRepositoryKeepImages}: images that repository keeps, newest first
 */
public record ProxySettings(String image, int cpu, int memory, CpuArchitecture architecture, int minTasks, int maxTasks,
                            CapacityStrategy capacity, int workers, int healthCheckGraceSeconds, int cpuTargetPercent,
                            int requestsPerTarget, int memoryTargetPercent, boolean redis, String redisNodeType, int redisReplicas,
                            boolean readOnlyRootFilesystem, boolean imageRepository, int imageKeepCount) {

    /**
     * Tags that move and must never be deployed. {@code lts} "always points to the latest LTS release"
     * (LiteLLM release notes, e.g. https://newreleases.io/project/github/BerriAI/litellm/release/v1.108.26).
     */
    static final List<String> FLOATING_TAGS = List.of("latest", "main-latest", "main-stable", "main", "stable", "lts");
    /** Tag fragments of builds that are not releases: release candidates, nightlies, dev builds. */
    static final List<String> PRERELEASE_MARKERS = List.of("-rc", "nightly", "-dev");
    /**
     * LiteLLM releases that were published to PyPI with a credential stealer on 2026-03-24 (BerriAI/litellm issue
     * #24518; LiteLLM blog, "Security update, March 2026", docs.litellm.ai/blog/security-update-march-2026).
     */
    static final List<String> COMPROMISED_VERSIONS = List.of("1.82.7", "1.82.8");
    private static final Pattern PINNED = Pattern.compile("[^\\s@:]+(:[A-Za-z0-9_.\\-]+)?(@sha256:[0-9a-f]{64})?");

    /** Reads and validates the proxy settings. */
    public static ProxySettings read(SettingsReader r) {
        String image = pinnedImage(r);
        int cpu = r.integer("proxyCpu", 256, 16384);
        int memory = r.integer("proxyMemory", 512, 122880);
        FargateSizes.problem(cpu, memory).ifPresent(problem -> {
            throw FargateSizes.acceptsCpu(cpu) ? r.invalid("proxyMemory", memory, problem + " (litellm-gateway:proxyCpu = " + cpu + ")")
                    : r.invalid("proxyCpu", cpu, problem);
        });
        int minTasks = r.integer("proxyMinTasks", 1, 100);
        // The default maximum means "no scaling out": it follows the minimum.
        int maxTasks = r.isDefault("proxyMaxTasks") ? Math.max(minTasks, r.integer("proxyMaxTasks", 1, 100))
                : r.integer("proxyMaxTasks", 1, 100);
        if (minTasks > maxTasks) {
            throw r.invalid("proxyMinTasks", minTasks, "at most litellm-gateway:proxyMaxTasks (" + maxTasks + ")");
        }
        // One uvicorn worker per container, scaling with tasks, is LiteLLM's production guidance
        // (docs proxy/prod); more workers per task multiply the database pool and need Redis.
        int workers = r.integer("proxyWorkers", 1, 16);
        boolean redis = r.bool("redis");
        if (workers * maxTasks > 1 && !redis) {
            throw new SettingsException("Invalid stack settings: " + maxTasks + " task(s) x " + workers
                    + " worker(s) need litellm-gateway:redis = true; without Redis, LiteLLM keeps rate limits, budgets and"
                    + " cache per worker, so limits are exceeded by a factor of " + workers * maxTasks);
        }
        return new ProxySettings(image, cpu, memory,
                r.choice("proxyArchitecture", CpuArchitecture.class),
                minTasks, maxTasks,
                r.choice("proxyCapacity", CapacityStrategy.class),
                workers,
                r.integer("healthCheckGraceSeconds", 0, 2_147_483),
                r.integer("cpuTargetPercent", 10, 95),
                r.integer("requestsPerTarget", 0, 1_000_000),
                r.integerOrZero("memoryTargetPercent", 10, 95),
                redis, redisNodeType(r, redis), r.integer("redisReplicas", 0, CacheArgs.MAX_REPLICAS), r.bool("proxyReadOnlyRootFilesystem"),
                r.bool("imageRepository"), r.integer("imageRepositoryKeepImages", 1, ImageRepositoryArgs.MAX_KEEP_IMAGES));
    }

    private static String redisNodeType(SettingsReader r, boolean redis) {
        String type = r.string("redisNodeType");
        if (!type.matches(CacheArgs.NODE_TYPE)) {
            throw r.invalid("redisNodeType", type, "an ElastiCache node type such as cache.t4g.micro or cache.m7g.large");
        }
        if (redis && !ValkeyNodeTypes.known(type)) {
            r.warnUnknown("redisNodeType", type, "the node types known to run Valkey", ValkeyNodeTypes.AS_OF);
        }
        return type;
    }

    private static String pinnedImage(SettingsReader r) {
        return pinned(r, "litellmImage", r.required("litellmImage"));
    }

    /**
     * {@code image}, the value of {@code key}, if pinned to a released version: a version tag or a digest, never a
     * floating tag, a pre-release or a compromised release.
     */
    static String pinned(SettingsReader r, String key, String image) {
        String reference = image.substring(image.lastIndexOf('/') + 1);
        boolean hasDigest = reference.contains("@sha256:");
        String tag = reference.contains(":") && !reference.startsWith("@") ? reference.substring(reference.indexOf(':') + 1) : "";
        if (hasDigest && tag.contains("@")) {
            tag = tag.substring(0, tag.indexOf('@'));
        }
        if (!PINNED.matcher(image).matches() || (!hasDigest && (tag.isEmpty() || FLOATING_TAGS.contains(tag)))) {
            throw r.invalid(key, image, "an image pinned to a version tag (e.g. ghcr.io/berriai/litellm-non_root:v1.108.26)"
                    + " or a digest (@sha256:...); floating tags " + FLOATING_TAGS + " are refused");
        }
        for (String marker : PRERELEASE_MARKERS) {
            if (tag.contains(marker)) {
                throw r.invalid(key, image, "a released version; " + marker.replace("-", "")
                        + " builds are not releases (see litellm/README.md for the pinned release)");
            }
        }
        for (String bad : COMPROMISED_VERSIONS) {
            if (tag.contains(bad)) {
                throw r.invalid(key, image, "LiteLLM " + bad + " was published with malicious code; pin another version");
            }
        }
        return image;
    }
}
