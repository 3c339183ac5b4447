package dev.llmgateway.components.support;

import com.pulumi.core.Output;
import dev.llmgateway.components.vpc.InterfaceEndpoint;
import dev.llmgateway.components.vpc.VpcArgs;
import dev.llmgateway.components.vpc.VpcArgsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentArgsTest {

    private static final Path COMPONENTS = Path.of("components/src/main/java/dev/llmgateway/components");

    @Test
    void everyComponentArgsIsARecordWithAGeneratedBuilderAndOnlyProviderBindingsKeepResourceArgs() throws Exception {
        List<Path> args;
        try (Stream<Path> files = Files.walk(COMPONENTS)) {
            args = files.filter(f -> f.getFileName().toString().endsWith("Args.java"))
                    .filter(f -> !f.endsWith("support/ComponentArgs.java")).sorted().toList();
        }
        assertTrue(args.size() > 14, "found " + args);
        for (Path file : args) {
            String source = Files.readString(file);
            if (source.contains("extends ResourceArgs")) {
                // Serialised by the SDK: the random/tls bindings, nothing else.
                assertTrue(file.startsWith(COMPONENTS.resolve("bindings")), file::toString);
            } else {
                assertTrue(source.contains("@ComponentArgs\npublic record "), file + " is not a @ComponentArgs record");
                String type = COMPONENTS.getParent().getParent().getParent().relativize(file).toString()
                        .replace('/', '.').replaceAll("\\.java$", "");
                assertTrue(Class.forName(type).isRecord(), type);
                assertEquals(Class.forName(type), Class.forName(type + "Builder").getMethod("build").getReturnType(), type);
            }
        }
    }

    @Test
    void recordsNeverChangeAfterBuildAndEveryBuildValidates() {
        VpcArgsBuilder builder = VpcArgs.builder().region("eu-west-1")
                .availabilityZones(Output.of(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")))
                .kmsKeyArn(Output.of("arn:aws:kms:eu-west-1:123456789012:key/k"));
        VpcArgs first = builder.build();
        Set<InterfaceEndpoint> endpoints = new HashSet<>(List.of(InterfaceEndpoint.SSM, InterfaceEndpoint.ECR_API));
        VpcArgs second = builder.azCount(3).interfaceEndpoints(endpoints).build();
        endpoints.add(InterfaceEndpoint.ECR_DKR);

        assertEquals(VpcArgs.DEFAULT_AZ_COUNT, first.azCount());
        assertEquals(EnumSet.noneOf(InterfaceEndpoint.class), first.interfaceEndpoints());
        assertEquals(3, second.azCount());
        assertEquals(List.of(InterfaceEndpoint.ECR_API, InterfaceEndpoint.SSM), List.copyOf(second.interfaceEndpoints()),
                "a copy in enum order, untouched by the caller's later change");
        assertThrows(UnsupportedOperationException.class,
                () -> second.interfaceEndpoints().add(InterfaceEndpoint.ECR_DKR));
        var error = assertThrows(IllegalArgumentException.class, () -> builder.azCount(7).build());
        assertEquals("VpcArgs.azCount must be 2..6, got 7", error.getMessage());
    }
}
