package dev.apitool.cli.load;

import dev.apitool.core.load.plan.RequestPlan;
import java.util.ArrayList;
import java.util.Arrays;

/** The {@code --targets-order} names as users type them, for completion. */
public final class TargetOrders extends ArrayList<String> {

    private static final long serialVersionUID = 1L;

    public TargetOrders() {
        super(Arrays.stream(RequestPlan.Order.values()).map(RequestPlan.Order::text).toList());
    }
}
