package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A customs district: a customs directly subordinate to GAC, keyed by the first two digits its offices'
 * 4-digit codes share; province is a {@link Province} name.
 */
public record CustomsDistrict(String code, String name, String province) {

    public CustomsDistrict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(province, "province");
    }
}
