package dev.customs.declaration.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event waiting to be relayed; the id orders the relay (and so each declaration's revisions). */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_id")
    // A pooled sequence lets Hibernate batch the inserts of a whole batch request.
    @SequenceGenerator(name = "outbox_id", sequenceName = "outbox_id", allocationSize = 50)
    public Long id;
    @Column(name = "declaration_id")
    public String declarationId;
    public byte[] payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
