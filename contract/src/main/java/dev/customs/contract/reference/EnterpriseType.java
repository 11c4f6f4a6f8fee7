package dev.customs.contract.reference;

/** The kinds of enterprise GAC's releases break trade down by. */
public enum EnterpriseType {
    STATE_OWNED("State-owned enterprises"),
    FOREIGN_INVESTED("Foreign-invested enterprises"),
    PRIVATE("Private enterprises"),
    /** Collective enterprises, individual businesses and other registrants. */
    OTHER("Other enterprises");

    private final String label;

    EnterpriseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
