package dev.customs.rest;

/** The platform's realm roles, as the identity provider issues them (see docs/security.md). */
public final class Roles {

    /** Files, amends, cancels and reads the declarations of the enterprises in its {@code uscc} claim. */
    public static final String DECLARANT = "declarant";
    /** Reads every statistic and every area's totals; writes nothing. */
    public static final String ANALYST = "analyst";
    /** Reads the totals of the areas in its {@code zones} claim, and the registry and ranking of all. */
    public static final String AREA_ADMIN = "area-admin";
    /** Runs the simulator, loads exchange rates and watches ingestion. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
