package dev.customs.statistics.totals;

import dev.customs.contract.event.Direction;
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

/** One row of national totals by HS chapter, counted per goods item; written by ingest, read through HQL. */
@Entity
@Table(name = "commodity_daily_totals")
public class CommodityDailyTotal extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public long items;
    @Column(name = "value_cny")
    public BigDecimal valueCny;
    @Column(name = "value_usd")
    public BigDecimal valueUsd;

    @Embeddable
    public record Key(
            LocalDate day,
            @Enumerated(EnumType.STRING) Direction direction,
            @Column(name = "hs_chapter") String hsChapter) implements Serializable {
    }
}
