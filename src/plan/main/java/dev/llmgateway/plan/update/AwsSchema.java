package dev.llmgateway.plan.update;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pinned pulumi-aws SDK ({@code com.pulumi:aws}) says about a type: its input properties as the engine names
 * them ({@code @Import} on the {@code Args} class), which are required, and whether the resource carries
 * {@code tagsAll} (then a change of the provider's default tags updates it). Read by reflection, so the facts are
 * the SDK's own, not a copy.
 */
final class AwsSchema {

    private static final Map<String, Optional<Map<String, Boolean>>> INPUTS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> TAGGED = new ConcurrentHashMap<>();

    private AwsSchema() {
    }

    /** Input properties of an {@code aws:} type, each with whether it is required; empty for other providers. */
    static Optional<Map<String, Boolean>> inputs(String type) {
        return INPUTS.computeIfAbsent(type, t -> resourceClass(t).flatMap(c -> load(c.getName() + "Args")).map(args -> {
            Map<String, Boolean> inputs = new TreeMap<>();
            for (Field field : args.getDeclaredFields()) {
                Import imported = field.getAnnotation(Import.class);
                if (imported != null) {
                    inputs.put(imported.name().isEmpty() ? field.getName() : imported.name(), imported.required());
                }
            }
            return inputs;
        }));
    }

    /** Whether resources of the type have {@code tagsAll}, the tags the provider's default tags add to. */
    static boolean tagged(String type) {
        return TAGGED.computeIfAbsent(type, t -> resourceClass(t).map(c -> {
            try {
                c.getMethod("tagsAll");
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }).orElse(false));
    }

    /**
     * Whether pulumi-aws auto-names the type's {@code name} input when the program leaves it out: every resource with an
     * optional {@code name} (pulumi-aws {@code provider/resources.go setAutonaming}).
     */
    static boolean autoNamesName(String type) {
        return inputs(type).map(inputs -> Boolean.FALSE.equals(inputs.get("name"))).orElse(false);
    }

    /** The SDK class of an {@code aws:module/x:Name} token, checked against its {@code @ResourceType}. */
    static Optional<Class<?>> resourceClass(String type) {
        if (!type.startsWith("aws:") || type.indexOf('/') < 0) {
            return Optional.empty();
        }
        String module = type.substring(4, type.indexOf('/'));
        String name = type.substring(type.lastIndexOf(':') + 1);
        return load("com.pulumi.aws." + module + "." + name).filter(c -> {
            ResourceType annotation = c.getAnnotation(ResourceType.class);
            return annotation != null && annotation.type().equals(type);
        });
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, AwsSchema.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
