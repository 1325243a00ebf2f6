package org.sectorcrm.tck.mutants;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Keeps the kits over broken stores from running as ordinary tests (where they fail, as they must):
 * {@link KitCatchesBrokenStoresTest} runs them through the {@code EngineTestKit} with the configuration parameter
 * (Jupiter) or system property (jqwik) {@value #SWITCH} set.
 */
final class RunOnlyThroughEngineTestKit implements ExecutionCondition, SkipExecutionHook {
    static final String SWITCH = "sectorcrm.tck.mutants";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(SWITCH, Boolean::parseBoolean).orElse(false)
                ? ConditionEvaluationResult.enabled("run by KitCatchesBrokenStoresTest")
                : ConditionEvaluationResult.disabled("a kit over a deliberately broken store: KitCatchesBrokenStoresTest runs it");
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Boolean.getBoolean(SWITCH) ? SkipResult.doNotSkip()
                : SkipResult.skip("model properties over a deliberately broken store: KitCatchesBrokenStoresTest runs them");
    }
}
