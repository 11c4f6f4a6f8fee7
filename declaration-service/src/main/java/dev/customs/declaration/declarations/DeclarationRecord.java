package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A declaration's current revision. The columns are what queries filter and sum on; the rest is JSON. */
@Entity
@Table(name = "declarations")
public class DeclarationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "declaration_id")
    public String declarationId;
    public long revision;
    @Enumerated(EnumType.STRING)
    public DeclarationStatus status;
    @Column(name = "declaration_date")
    public LocalDate declarationDate;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "zone_code")
    public String zoneCode;
    @Column(name = "counts_nationally")
    public boolean countsNationally;
    @Column(name = "total_value_cny")
    public BigDecimal totalValueCny;
    @Column(name = "total_value_usd")
    public BigDecimal totalValueUsd;
    @Column(name = "submission_hash")
    public String submissionHash;
    /** The request as filed (values in the declaration's currency), JSON. */
    public String request;
    /** The converted state as published in events, JSON. */
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** First day of the month whose published exchange rates converted the values. */
    @Column(name = "rate_month")
    public LocalDate rateMonth;
    /** Converted at a rate carried forward past the published table (see ExchangeRates). */
    @Column(name = "provisional_rate")
    public boolean provisionalRate;
}
