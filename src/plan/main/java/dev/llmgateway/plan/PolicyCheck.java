package dev.llmgateway.plan;

import dev.llmgateway.gateway.settings.PolicyProfile;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One named policy: which resources it looks at and what it requires of each.
 *
 * @param id             stable id, e.g. {@code LGW-ENC-001}
 * @param title          what must hold, in a few words
 * @param rationale      why, in one line
 * @param source         the control it follows (AWS Foundational Security Best Practices, CIS, Checkov)
 * @param severity       severity of every finding
 * @param productionOnly whether it applies only under {@link PolicyProfile#PROD}
 * @param scope          the resources the check inspects
 * @param problems       what is wrong with one in-scope resource (empty when it complies)
 */
public record PolicyCheck(
        String id,
        String title,
        String rationale,
        String source,
        Severity severity,
        boolean productionOnly,
        Function<PlannedStack, List<PlannedResource>> scope,
        BiFunction<PlannedStack, PlannedResource, List<String>> problems) {

    /** The violations in a stack, one per problem of each in-scope resource. */
    public List<Finding> evaluate(PlannedStack stack) {
        return scope.apply(stack).stream().sorted(StackLinks.ORDER)
                .flatMap(resource -> problems.apply(stack, resource).stream()
                        .map(problem -> new Finding(id, severity, resource.type() + " " + resource.name(), problem)))
                .toList();
    }

    /** PASS, FAIL or NOT_APPLICABLE with the findings, under a profile. */
    public CheckResult check(PlannedStack stack, PolicyProfile profile) {
        if ((productionOnly && profile != PolicyProfile.PROD) || scope.apply(stack).isEmpty()) {
            return new CheckResult(this, CheckStatus.NOT_APPLICABLE, List.of());
        }
        List<Finding> findings = evaluate(stack);
        return new CheckResult(this, findings.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, findings);
    }
}
