package dev.apitool.core.load.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import org.junit.jupiter.api.Test;

/** {@code --targets-order}: the names users type, and a typo as an input error naming every accepted name. */
class RequestPlanOrderTest {

    @Test
    void parse_acceptedNames_anyCaseAndSpacing() {
        assertThat(RequestPlan.Order.parse("round-robin")).isEqualTo(RequestPlan.Order.ROUND_ROBIN);
        assertThat(RequestPlan.Order.parse(" Random ")).isEqualTo(RequestPlan.Order.RANDOM);
    }

    @Test
    void parse_typo_isAnInputExceptionNamingTheAcceptedValues() {
        assertThatThrownBy(() -> RequestPlan.Order.parse("zigzag")).isInstanceOf(InputException.class)
                .hasMessage("--targets-order 'zigzag': expected round-robin or random");
    }
}
