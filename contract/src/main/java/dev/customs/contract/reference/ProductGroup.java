package dev.customs.contract.reference;

/** Product groups GAC publishes across HS chapters; their headings are in product-groups.csv. */
public enum ProductGroup {
    ELECTROMECHANICAL("Electromechanical products"),
    HIGH_TECH("High-tech products");

    private final String label;

    ProductGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
