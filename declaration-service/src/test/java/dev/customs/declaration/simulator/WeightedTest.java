package dev.customs.declaration.simulator;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedTest {

    private static final int DRAWS = 200_000;

    @Test
    void valueSharesHoldWhateverTheSizes() {
        Weighted<String> modes = Weighted.of(List.of(
                Weighted.option("large", 0.9),
                Weighted.option("tiny", 0.1, 0.01)));
        SplittableRandom random = new SplittableRandom(1);
        Map<String, Double> value = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        double multipliers = 0;
        for (int i = 0; i < DRAWS; i++) {
            Weighted.Pick<String> pick = modes.draw(random);
            value.merge(pick.value(), pick.multiplier(), Double::sum);
            count.merge(pick.value(), 1, Integer::sum);
            multipliers += pick.multiplier();
        }
        assertThat(multipliers / DRAWS).isCloseTo(1.0, within(0.01));
        assertThat(value.get("tiny") / multipliers).isCloseTo(0.1, within(0.01));
        // Ten times the value at a hundredth of the size: most declarations are the tiny kind.
        assertThat(count.get("tiny") / (double) DRAWS).isCloseTo(modes.probability("tiny"), within(0.01));
        assertThat(modes.probability("tiny")).isCloseTo(10.0 / 10.9, within(1e-9));
    }

    @Test
    void everyOptionCanBeDrawn() {
        Weighted<Integer> options = Weighted.of(List.of(
                Weighted.option(1, 1e-6), Weighted.option(2, 1.0), Weighted.option(3, 1e-6)));
        SplittableRandom random = new SplittableRandom(2);
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < 10_000_000 && seen.size() < 3; i++) {
            seen.merge(options.pick(random), 1, Integer::sum);
        }
        assertThat(seen).containsOnlyKeys(1, 2, 3);
    }
}
