package org.sectorcrm.testing;

import java.lang.reflect.Field;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik's counterpart of {@link TestDatabase}'s skip: jqwik runs no JUnit extensions and reports an aborted
 * container as an error, so a property class whose static {@code DB} server is absent is skipped here,
 * loudly (or fails, under {@code crm.requireAll=true}).
 */
public final class SkipWhenServerIsAbsent implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Class<?> container = context.optionalContainerClass().orElse(null);
        if (container == null) {
            return SkipResult.doNotSkip();
        }
        try {
            Field field = container.getDeclaredField("DB");
            field.setAccessible(true);
            String reason = ((TestDatabase) field.get(null)).unavailableReason();
            if (reason == null) {
                return SkipResult.doNotSkip();
            }
            System.err.println(reason);
            return SkipResult.skip(reason);
        } catch (NoSuchFieldException e) {
            return SkipResult.doNotSkip();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
