package dev.customs.contract.reference;

import java.util.Objects;

/** An enterprise of the register, keyed by its unified social credit code; province is a {@link Province} name. */
public record Enterprise(String uscc, String name, EnterpriseType type, String province) {

    public Enterprise {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(province, "province");
    }
}
