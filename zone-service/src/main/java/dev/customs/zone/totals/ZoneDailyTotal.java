package dev.customs.zone.totals;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of area totals; written by ingest with SQL upserts, read here through HQL. */
@Entity
@Table(name = "zone_daily_totals")
public class ZoneDailyTotal extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public long declarations;
    @Column(name = "value_cny")
    public BigDecimal valueCny;
    @Column(name = "value_usd")
    public BigDecimal valueUsd;

    @Embeddable
    public record Key(
            @Column(name = "zone_code") String zoneCode,
            LocalDate day,
            @Enumerated(EnumType.STRING) @Column(name = "zone_flow") ZoneFlow zoneFlow,
            @Column(name = "trade_mode") String tradeMode,
            @Enumerated(EnumType.STRING) Direction direction) implements Serializable {
    }
}
