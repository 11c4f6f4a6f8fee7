package dev.customs.declaration.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.Violation;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.outbox.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files, amends and cancels declarations. Each change is stored together with its event in the outbox,
 * in one transaction: once a caller hears "created", the event will reach Kafka whatever fails next.
 */
@ApplicationScoped
public class DeclarationService {

    private static final Pattern ITEM_INDEX = Pattern.compile("\\[\\d+]");

    private final DeclarationValidator validator;
    private final CurrencyConverter converter;
    private final DeclarationNumbers numbers;
    private final MeterRegistry registry;

    public DeclarationService(DeclarationValidator validator, CurrencyConverter converter, DeclarationNumbers numbers,
                              MeterRegistry registry) {
        this.validator = validator;
        this.converter = converter;
        this.numbers = numbers;
        this.registry = registry;
    }

    @Transactional
    public SubmissionOutcome submit(DeclarationRequest request) {
        return submitAll(List.of(request)).get(0);
    }

    /** Files every valid request of a batch in one transaction; each gets its own outcome. */
    @Transactional
    public List<SubmissionOutcome> submitAll(List<DeclarationRequest> requests) {
        List<List<Violation>> violations = requests.stream().map(validator::violations).toList();
        int unnumbered = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (violations.get(i).isEmpty() && requests.get(i).declarationId() == null) {
                unnumbered++;
            }
        }
        Deque<Long> serials = numbers.reserve(unnumbered);
        List<SubmissionOutcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            DeclarationRequest request = requests.get(i);
            SubmissionOutcome outcome = violations.get(i).isEmpty()
                    ? file(request, serials)
                    : SubmissionOutcome.invalid(request.declarationId(), violations.get(i));
            count("received", outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** A new revision with the full new state; nothing happens when the state is unchanged. */
    @Transactional
    public SubmissionOutcome amend(String declarationId, DeclarationRequest request) {
        List<Violation> violations = new ArrayList<>(validator.violations(request));
        if (request.declarationId() != null && !request.declarationId().equals(declarationId)) {
            violations.add(new Violation("declarationId", "must match the declaration being amended, " + declarationId));
        }
        DeclarationRecord record = DeclarationRecord.findById(declarationId, LockModeType.PESSIMISTIC_WRITE);
        SubmissionOutcome outcome;
        if (record == null) {
            outcome = SubmissionOutcome.failed(404, declarationId, "no declaration " + declarationId);
        } else if (!violations.isEmpty()) {
            outcome = SubmissionOutcome.invalid(declarationId, violations);
        } else if (record.status == DeclarationStatus.CANCELLED) {
            outcome = SubmissionOutcome.failed(409, declarationId, "declaration " + declarationId + " is cancelled and cannot be amended");
        } else {
            DeclarationRequest filed = request.withDeclarationId(declarationId);
            DeclarationState state = convert(filed);
            if (json(state).equals(record.state) && json(filed).equals(record.request)) {
                outcome = SubmissionOutcome.ok(200, record);
            } else {
                record.revision++;
                record.status = DeclarationStatus.AMENDED;
                apply(record, filed, state);
                publish(EventType.AMENDED, record, state);
                outcome = SubmissionOutcome.ok(200, record);
            }
        }
        count("amended", outcome);
        return outcome;
    }

    /** A new revision that withdraws the declaration; its event carries the state being withdrawn. */
    @Transactional
    public SubmissionOutcome cancel(String declarationId) {
        DeclarationRecord record = DeclarationRecord.findById(declarationId, LockModeType.PESSIMISTIC_WRITE);
        SubmissionOutcome outcome;
        if (record == null) {
            outcome = SubmissionOutcome.failed(404, declarationId, "no declaration " + declarationId);
        } else if (record.status == DeclarationStatus.CANCELLED) {
            outcome = SubmissionOutcome.failed(409, declarationId, "declaration " + declarationId + " is already cancelled");
        } else {
            record.revision++;
            record.status = DeclarationStatus.CANCELLED;
            record.updatedAt = Instant.now();
            publish(EventType.CANCELLED, record, read(record.state, DeclarationState.class));
            outcome = SubmissionOutcome.ok(200, record);
        }
        count("cancelled", outcome);
        return outcome;
    }

    private SubmissionOutcome file(DeclarationRequest request, Deque<Long> serials) {
        String hash = sha256(json(request.withDeclarationId(null)));
        if (request.declarationId() != null) {
            DeclarationRecord existing = DeclarationRecord.findById(request.declarationId());
            if (existing != null) {
                return existing.submissionHash.equals(hash)
                        ? SubmissionOutcome.ok(200, existing)
                        : SubmissionOutcome.failed(409, request.declarationId(),
                                "declaration " + request.declarationId() + " was filed with other content");
            }
        }
        String id = request.declarationId() != null ? request.declarationId()
                : DeclarationNumbers.format(request.customsOffice(), request.declarationDate(), request.direction(), serials.pop());
        DeclarationRequest filed = request.withDeclarationId(id);
        DeclarationState state = convert(filed);
        DeclarationRecord record = new DeclarationRecord();
        record.declarationId = id;
        record.revision = 1;
        record.status = DeclarationStatus.DECLARED;
        record.submissionHash = hash;
        record.createdAt = Instant.now();
        apply(record, filed, state);
        record.persist();
        publish(EventType.DECLARED, record, state);
        return SubmissionOutcome.ok(201, record);
    }

    private void apply(DeclarationRecord record, DeclarationRequest filed, DeclarationState state) {
        record.declarationDate = state.declarationDate();
        record.direction = state.direction();
        record.zoneCode = state.zoneCode();
        record.countsNationally = state.countsNationally();
        record.totalValueCny = state.totalValueCny();
        record.totalValueUsd = state.totalValueUsd();
        record.request = json(filed);
        record.state = json(state);
        record.updatedAt = Instant.now();
    }

    private void publish(EventType type, DeclarationRecord record, DeclarationState state) {
        Instant now = Instant.now();
        DeclarationEvent event = new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(), type,
                record.declarationId, record.revision, now, state);
        OutboxMessage message = new OutboxMessage();
        message.declarationId = record.declarationId;
        message.payload = EventCodec.toBytes(event);
        message.occurredAt = now;
        message.persist();
    }

    /** The event state of a valid request: values converted per item, totals summed from the items. */
    private DeclarationState convert(DeclarationRequest r) {
        YearMonth month = YearMonth.from(r.declarationDate());
        List<DeclarationItem> items = new ArrayList<>(r.items().size());
        BigDecimal totalCny = BigDecimal.ZERO;
        BigDecimal totalUsd = BigDecimal.ZERO;
        for (ItemRequest item : r.items()) {
            CurrencyConverter.Converted value = converter.convert(item.value(), r.currency(), month)
                    .orElseThrow(() -> new IllegalStateException("validated request has no rate for " + r.currency()));
            items.add(new DeclarationItem(item.itemNo(), item.hsCode(), item.quantity(), item.unit(), value.cny(), value.usd()));
            totalCny = totalCny.add(value.cny());
            totalUsd = totalUsd.add(value.usd());
        }
        return new DeclarationState(r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(),
                r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.currency(), items,
                totalCny, totalUsd);
    }

    private void count(String action, SubmissionOutcome outcome) {
        registry.counter("customs_declarations_requests", "action", action, "status", Integer.toString(outcome.status()))
                .increment();
        // One count per offending field; item indexes are dropped so the label stays a short, fixed list.
        outcome.errors().stream().map(v -> ITEM_INDEX.matcher(v.field()).replaceAll("[]")).distinct()
                .forEach(field -> registry.counter("customs_declarations_rejected", "field", field).increment());
    }

    private static String json(Object value) {
        return EventCodec.toJson(value);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back as " + type.getSimpleName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
