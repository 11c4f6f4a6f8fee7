package dev.customs.zone.registry;

import dev.customs.contract.reference.ZoneType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A special customs supervision area, as seeded from the reference file. */
@Entity
@Table(name = "zones")
public class Area extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public ZoneType type;
    public String province;
    /** True where the name could not be verified against a published list. */
    public boolean synthetic;
}
