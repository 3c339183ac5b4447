package dev.llmgateway.delivery;

import dev.llmgateway.gateway.settings.Stacks;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The project's GitHub Actions workflows as data: jobs, steps and the shell GitHub runs each step with. */
final class Workflows {

    static final Path DIRECTORY = Stacks.PROJECT.resolve(".github/workflows");

    private Workflows() {
    }

    /** One workflow file, parsed. YAML 1.1 reads the key {@code on} as {@code true}. */
    record Workflow(String file, Map<String, Object> document) {

        Map<String, Object> triggers() {
            return map(document.get(true));
        }

        Map<String, Job> jobs() {
            Map<String, Job> jobs = new java.util.LinkedHashMap<>();
            map(document.get("jobs")).forEach((name, job) -> jobs.put(name, new Job(this, name, map(job))));
            return jobs;
        }
    }

    /** One job of a workflow. */
    record Job(Workflow workflow, String name, Map<String, Object> document) {

        /** The GitHub environment the job runs in, if any ({@code environment: x} or {@code environment: {name: x}}). */
        Optional<String> environment() {
            Object environment = document.get("environment");
            if (environment instanceof Map<?, ?> named) {
                return Optional.ofNullable((String) named.get("name"));
            }
            return Optional.ofNullable((String) environment);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps() {
            return (List<Map<String, Object>>) document.getOrDefault("steps", List.of());
        }
    }

    /** One {@code run:} step with everything GitHub needs to execute it. */
    record RunStep(Job job, Map<String, Object> document) {

        String script() {
            return (String) document.get("run");
        }

        String label() {
            return job.workflow().file() + " / " + job.name() + " / " + document.getOrDefault("name", script().lines().findFirst().orElse(""));
        }

        boolean continuesOnError() {
            return Boolean.TRUE.equals(document.get("continue-on-error"));
        }

        Optional<String> workingDirectory() {
            return Optional.ofNullable((String) document.get("working-directory"));
        }

        Map<String, Object> env() {
            return map(document.get("env"));
        }

        /**
         * The {@code shell:} in effect: the step's, else the job's {@code defaults.run.shell}, else the
         * workflow's; empty when none is set (GitHub then uses {@code bash -e {0}}).
         */
        Optional<String> shell() {
            return Stream.of(document.get("shell"), defaultShell(job.document()), defaultShell(job.workflow().document()))
                    .filter(s -> s != null).map(String.class::cast).findFirst();
        }

        /**
         * The command line GitHub's runner uses for this step's script file (Linux runners; GitHub docs,
         * workflow syntax, {@code jobs.<job_id>.steps[*].shell}: unspecified = {@code bash -e {0}},
         * {@code bash} = {@code bash --noprofile --norc -eo pipefail {0}}, {@code sh} = {@code sh -e {0}},
         * anything else is a template with {@code {0}} for the file).
         */
        List<String> command(Path scriptFile) {
            String template = switch (shell().orElse("")) {
                case "" -> "bash -e {0}";
                case "bash" -> "bash --noprofile --norc -eo pipefail {0}";
                case "sh" -> "sh -e {0}";
                default -> shell().get().contains("{0}") ? shell().get() : shell().get() + " {0}";
            };
            List<String> command = new ArrayList<>();
            for (String word : template.trim().split("\\s+")) {
                command.add(word.replace("{0}", scriptFile.toString()));
            }
            return command;
        }
    }

    /** Every workflow file in {@code .github/workflows}. */
    static List<Workflow> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().map(Workflows::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workflow load(String file) {
        return load(DIRECTORY.resolve(file));
    }

    static Workflow load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workflow parse(String file, String yaml) {
        return new Workflow(file, new Yaml().load(yaml));
    }

    /** Every {@code run:} step of a workflow. */
    static List<RunStep> runSteps(Workflow workflow) {
        return workflow.jobs().values().stream()
                .flatMap(job -> job.steps().stream().filter(step -> step.containsKey("run")).map(step -> new RunStep(job, step)))
                .toList();
    }

    private static Object defaultShell(Map<String, Object> document) {
        return map(map(document.get("defaults")).get("run")).get("shell");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
