package dev.customs.declaration.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A discrete distribution calibrated by value, not by count. Each option has a share of the value and a
 * relative size (how large one of its declarations is compared with the others). Options are drawn with
 * probability proportional to share / size and come with a value multiplier proportional to size, scaled so
 * that the expected multiplier is exactly 1: then the value shares come out as given whatever the sizes,
 * and many small e-commerce declarations can sit beside few large general-trade ones.
 */
final class Weighted<T> {

    record Option<T>(T value, double share, double relativeSize) {

        Option {
            if (!(share > 0) || !(relativeSize > 0)) {
                throw new IllegalArgumentException("share and size must be positive: " + value);
            }
        }
    }

    record Pick<T>(T value, double multiplier) {
    }

    private final List<T> values;
    private final double[] cumulative;
    private final double[] multipliers;

    private Weighted(List<Option<T>> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options");
        }
        double shares = options.stream().mapToDouble(Option::share).sum();
        double perSize = options.stream().mapToDouble(o -> o.share() / o.relativeSize()).sum();
        values = options.stream().map(Option::value).toList();
        cumulative = new double[options.size()];
        multipliers = new double[options.size()];
        double running = 0;
        for (int i = 0; i < options.size(); i++) {
            Option<T> o = options.get(i);
            running += o.share() / o.relativeSize() / perSize;
            cumulative[i] = running;
            multipliers[i] = o.relativeSize() * perSize / shares;
        }
        // Rounding must never leave the last option unreachable.
        cumulative[options.size() - 1] = 1.0;
    }

    static <T> Option<T> option(T value, double share) {
        return new Option<>(value, share, 1.0);
    }

    static <T> Option<T> option(T value, double share, double relativeSize) {
        return new Option<>(value, share, relativeSize);
    }

    static <T> Weighted<T> of(List<Option<T>> options) {
        return new Weighted<>(options);
    }

    T pick(SplittableRandom random) {
        return values.get(index(random));
    }

    Pick<T> draw(SplittableRandom random) {
        int i = index(random);
        return new Pick<>(values.get(i), multipliers[i]);
    }

    /** The probability of drawing one option (by count). */
    double probability(T value) {
        int i = values.indexOf(value);
        return i < 0 ? 0 : cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    private int index(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        // An exact hit on an upper bound belongs to the next option; otherwise binarySearch returns -(insertion point) - 1.
        return i >= 0 ? Math.min(i + 1, cumulative.length - 1) : -i - 1;
    }
}
