package dev.llmgateway.gateway.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pulumi CLI's config rules as {@link StackFileConfigSource} reproduces them, case by case from the CLI's own tests
 * (pulumi/pulumi {@code pkg/workspace/config_project_test.go} for stack config, {@code
 * sdk/go/common/workspace/project_test.go} for project files; the test each case mirrors is its first column), and from
 * its YAML reader where it differs from YAML 1.1 ({@code gopkg.in/yaml.v3 resolve.go}).
 */
class CliConfigCheckTest {

    /** A case that loads: the values the program then receives, by fully qualified key. */
    private static Arguments loads(String source, String project, String stack, Map<String, String> expected) {
        return Arguments.of(source, project, stack, expected, null);
    }

    /** A case the CLI refuses, with (part of) its message. */
    private static Arguments fails(String source, String project, String stack, String message) {
        return Arguments.of(source, project, stack, Map.of(), message);
    }

    private static final String TEST = "name: test\nruntime: java\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                loads("TestStackConfigIsInheritedFromProjectConfig",
                        TEST + "config:\n  instanceSize: t3.micro\n  instanceCount: 20\n  protect: true\n",
                        "config:\n  test:instanceSize: t4.large\n",
                        Map.of("test:instanceSize", "t4.large", "test:instanceCount", "20", "test:protect", "true")),
                loads("TestNamespacedConfigValuesAreInheritedCorrectly",
                        TEST + "config:\n  aws:region: us-west-1\n  pulumi:disable-default-providers: [\"*\"]\n  instanceSize: t3.micro\n",
                        "config:\n  test:instanceSize: t4.large\n",
                        Map.of("aws:region", "us-west-1", "pulumi:disable-default-providers", "[\"*\"]", "test:instanceSize", "t4.large")),
                loads("TestLoadingStackConfigWithoutNamespacingTheProject",
                        TEST + "config:\n  aws:region: us-west-1\n  instanceSize: t3.micro\n",
                        "config:\n  instanceSize: t4.large\n", Map.of("test:instanceSize", "t4.large", "aws:region", "us-west-1")),
                loads("TestUntypedProjectConfigValuesAreNotValidated",
                        TEST + "config:\n  instanceSize: t3.micro\n  aws:region: us-west-1\n",
                        "config:\n  instanceSize: 9999\n  aws:region: 42\n", Map.of("test:instanceSize", "9999", "aws:region", "42")),
                loads("TestUntypedProjectConfigValuesWithOnlyDefaultOrOnlyValue",
                        TEST + "config:\n  instanceSize:\n    default: t3.micro\n  region:\n    value: us-west-1\n",
                        "config:\n  aws:answer: 42\n",
                        Map.of("test:instanceSize", "t3.micro", "test:region", "us-west-1", "aws:answer", "42")),
                loads("TestUntypedStackConfigValuesDoNeedProjectDeclaration (the CLI accepts an undeclared key)",
                        TEST + "config:\n  createVpc: true\n", "config:\n  instanceSize: 42\n",
                        Map.of("test:instanceSize", "42", "test:createVpc", "true")),
                loads("TestUntypedProjectConfigObjectValuesPassedDownToStack",
                        TEST + "config:\n  instanceSize:\n    value:\n      hello: world\n  aws:config:\n    value:\n      region: us-west-1\n",
                        "config:\n  aws:whatever: 42\n",
                        Map.of("test:instanceSize", "{\"hello\":\"world\"}", "aws:config", "{\"region\":\"us-west-1\"}")),
                fails("TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped",
                        TEST + "config:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]\n",
                        "config:\n  test:values: someValue\n", "Stack 'dev' with configuration key 'values' must be of type 'array<string>'"),
                loads("TestStackConfigIntegerTypeIsCorrectlyValidated (valid)",
                        TEST + "config:\n  importantNumber:\n    type: integer\n", "config:\n  test:importantNumber: 20\n",
                        Map.of("test:importantNumber", "20")),
                fails("TestStackConfigIntegerTypeIsCorrectlyValidated (invalid)",
                        TEST + "config:\n  importantNumber:\n    type: integer\n", "config:\n  test:importantNumber: hello\n",
                        "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'"),
                fails("TestStackConfigErrorsWhenMissingStackValueForConfigTypeWithNoDefault",
                        TEST + "config:\n  values:\n    type: array\n    items:\n      type: string\n", "",
                        "Stack 'dev' is missing configuration value 'values'"),
                fails("TestStackConfigErrorsWhenMissingTwoStackValueForConfigTypeWithNoDefault",
                        TEST + "config:\n  another:\n    type: string\n  values:\n    type: array\n    items:\n      type: string\n", "",
                        "Stack 'dev' is missing configuration values 'another' and 'values'"),
                fails("TestStackConfigErrorsWhenMissingMultipleStackValueForConfigTypeWithNoDefault",
                        TEST + "config:\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n"
                                + "  world:\n    type: string\n", "",
                        "Stack 'dev' is missing configuration values 'hello', 'values' and 'world'"),
                loads("TestStackConfigDoesNotErrorWhenProjectHasNotDefinedConfig", TEST,
                        "config:\n  hello: 21\n  world: 42\n  another: 42\n", Map.of("test:hello", "21", "test:world", "42")),
                loads("TestStackConfigSecretIsCorrectlyValidated (encrypted)",
                        TEST + "config:\n  importantNumber:\n    type: integer\n    secret: true\n",
                        "config:\n  test:importantNumber:\n    secure: MjA=\n",
                        Map.of("test:importantNumber", StackConfigValue.SECRET_PLACEHOLDER)),
                fails("TestStackConfigSecretIsCorrectlyValidated (plain)",
                        TEST + "config:\n  importantNumber:\n    type: integer\n    secret: true\n", "config:\n  test:importantNumber: 20\n",
                        "Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret"),
                fails("config.go: a secret declaration's default is checked like a stack value",
                        TEST + "config:\n  apiKey:\n    type: string\n    secret: true\n    default: \"\"\n", "",
                        "Stack 'dev' with configuration key 'apiKey' must be encrypted as it's secret"),
                loads("TestStackConfigUInt64", TEST, "config:\n  test:instanceSize: 18446744073709551615\n",
                        Map.of("test:instanceSize", "18446744073709551615")),
                fails("TestProjectValidationFailsForIncorrectDefaultValueType",
                        TEST + "config:\n  instanceSize:\n    type: integer\n    default: hello\n", "",
                        "The default value specified for configuration key 'instanceSize' is not of the expected type 'integer'"),
                fails("TestProjectValidationFailsForIncorrectDefaultValueType (nested array)",
                        TEST + "config:\n  values:\n    type: array\n    items:\n      type: array\n      items:\n        type: string\n"
                                + "    default: [hello]\n", "",
                        "The default value specified for configuration key 'values' is not of the expected type 'array<array<string>>'"),
                loads("TestProjectValidationSucceedsForCorrectDefaultValueType",
                        TEST + "config:\n  instanceSize:\n    type: integer\n    default: 1\n  values:\n    type: array\n    items:\n"
                                + "      type: array\n      items:\n        type: string\n    default: [[hello]]\n", "",
                        Map.of("test:instanceSize", "1", "test:values", "[[\"hello\"]]")),
                loads("TestProjectValidationSucceedsForObjectConfigType",
                        TEST + "config:\n  example:\n    type: object\n    default:\n      hello: world\n", "",
                        Map.of("test:example", "{\"hello\":\"world\"}")),
                fails("TestNamespacedProjectConfigShouldNotBeExplicitlyTyped",
                        TEST + "config:\n  aws:region:\n    type: string\n    value:\n      region: us-west-1\n", "",
                        "Configuration key 'aws:region' is not namespaced by the project and should not define a type"),
                fails("TestProjectConfigCannotHaveBothValueAndDefault",
                        TEST + "config:\n  instanceSize:\n    type: string\n    default: t3.micro\n    value: t4.large\n", "",
                        "project config 'instanceSize' cannot have both a 'default' and 'value' attribute"),
                fails("TestProjectConfigCannotBeTypedArrayWithoutItems",
                        TEST + "config:\n  instanceSize:\n    type: array\n    default: [t3.micro, t4.large]\n", "",
                        "The configuration key 'instanceSize' declares an array but does not specify the underlying type via the 'items' attribute"),
                fails("TestNamespacedProjectConfigShouldNotBeProvideDefault",
                        TEST + "config:\n  aws:region:\n    default: us-west-1\n", "",
                        "Did you mean to use the 'value' attribute instead of 'default'?"),
                fails("key.go ParseKey", TEST, "config:\n  test:a:b: 1\n", "could not parse it as a configuration key"),
                loads("key.go ParseKey (legacy <namespace>:config:<name>)", TEST, "config:\n  aws:config:region: eu-west-1\n",
                        Map.of("aws:region", "eu-west-1")),
                // gopkg.in/yaml.v3 resolve.go and config/object.go: what a YAML 1.1 reader gets wrong.
                fails("yaml.v3: yes is text, not a boolean", TEST + "config:\n  flag:\n    type: boolean\n", "config:\n  flag: yes\n",
                        "Stack 'dev' with configuration key 'flag' must be of type 'boolean'"),
                loads("yaml.v3: True is a boolean", TEST + "config:\n  flag:\n    type: boolean\n", "config:\n  flag: True\n",
                        Map.of("test:flag", "true")),
                loads("yaml.v3: 12:30 is text, not a base-60 number", TEST + "config:\n  at:\n    type: string\n", "config:\n  at: 12:30\n",
                        Map.of("test:at", "12:30")),
                loads("object.go: a whole float is written without its fraction", TEST + "config:\n  n:\n    type: integer\n",
                        "config:\n  n: 2.0\n", Map.of("test:n", "2")),
                loads("yaml.v3: 0x1F is an integer", TEST + "config:\n  n:\n    type: integer\n", "config:\n  n: 0x1F\n",
                        Map.of("test:n", "31")),
                fails("object.go: an empty value is the object null", TEST + "config:\n  s:\n    type: string\n", "config:\n  s:\n",
                        "Stack 'dev' with configuration key 's' must be of type 'string'"),
                fails("value.go: an encrypted value is text, never a list", TEST + "config:\n  l:\n    type: array\n    items:\n"
                        + "      type: string\n", "config:\n  l:\n    secure: WyJhIl0=\n", "key 'l' must be of type 'array<string>'"),
                fails("ValidateConfigValue: each item of an array", TEST + "config:\n  l:\n    type: array\n    items:\n"
                        + "      type: string\n", "config:\n  l: [a, 1]\n", "key 'l' must be of type 'array<string>'"),
                fails("ValidateConfigValue: an integer as text must parse (Atoi)", TEST + "config:\n  n:\n    type: integer\n",
                        "config:\n  n: \"14 \"\n", "key 'n' must be of type 'integer'"),
                fails("ValidateConfigValue: list text is not a list (config set without --path)", TEST + "config:\n  l:\n"
                        + "    type: array\n    items:\n      type: string\n", "config:\n  l: '[\"a\"]'\n", "key 'l' must be of type 'array<string>'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCliRuleHolds(String source, String project, String stack, Map<String, String> expected, String message,
                         @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), project);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), stack);
        if (message != null) {
            var error = assertThrows(SettingsException.class, () -> StackFileConfigSource.load(dir, "dev"));
            assertTrue(error.getMessage().contains(message), () -> source + ": " + error.getMessage());
            return;
        }
        StackFileConfigSource loaded = StackFileConfigSource.load(dir, "dev");
        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(key -> actual.put(key, loaded.get(key).orElse(null)));
        assertEquals(expected, actual, source);
    }

    @Test
    void underPulumiUpTheProgramSeesTheKeysOfPulumiConfigAsTheSdkCleansThem() {
        assertEquals(java.util.Set.of("aws:region", "litellm-gateway:azCnt", "litellm-gateway:azCount"), PulumiConfigSource.keys(
                "{\"aws:config:region\":\"us-east-1\",\"litellm-gateway:azCount\":\"2\",\"litellm-gateway:azCnt\":\"3\"}"));
        assertEquals(java.util.Set.of(), PulumiConfigSource.keys(null));
    }

    @Test
    void everyCommittedStackFileAndExamplePassesTheCliChecks() {
        List<String> stacks = List.of("dev", "prod");
        stacks.forEach(Stacks::load);
        Stacks.examples().forEach(Stacks::example);
        assertTrue(Files.exists(Stacks.PROJECT.resolve("src/test/resources/acceptance/public.yaml")));
        StackFileConfigSource.load(Stacks.PROJECT, Stacks.PROJECT.resolve("src/test/resources/acceptance/public.yaml"), "acc");
    }
}
