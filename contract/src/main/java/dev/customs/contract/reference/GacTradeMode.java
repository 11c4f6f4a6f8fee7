package dev.customs.contract.reference;

import java.util.Objects;

/**
 * One of GAC's statistical trade modes, the dimension of its published trade-mode tables, with the press-level
 * roll-up it belongs to.
 */
public record GacTradeMode(String code, String name, StatisticalRegime rollup) {

    public GacTradeMode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rollup, "rollup");
    }
}
