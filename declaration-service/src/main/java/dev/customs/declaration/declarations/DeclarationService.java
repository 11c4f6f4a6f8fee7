package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.Violation;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files, amends and cancels declarations. Each change is stored together with its event in the outbox,
 * in one transaction: once a caller hears "created", the event will reach Kafka whatever fails next.
 */
@ApplicationScoped
public class DeclarationService {

    private record FiledInBatch(StoredDeclaration declaration, String hash) {
    }

    private static final Pattern ITEM_INDEX = Pattern.compile("\\[\\d+]");

    private final DeclarationValidator validator;
    private final CurrencyConverter converter;
    private final DeclarationStore store;
    private final Outbox outbox;
    private final MeterRegistry registry;

    public DeclarationService(DeclarationValidator validator, CurrencyConverter converter, DeclarationStore store,
                              Outbox outbox, MeterRegistry registry) {
        this.validator = validator;
        this.converter = converter;
        this.store = store;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** Files every valid request of a batch in one transaction; each gets its own outcome. */
    public List<SubmissionOutcome> submitAll(List<DeclarationRequest> requests) {
        return fileChecked(requests, requests.stream().map(validator::violations).toList());
    }

    /**
     * Files requests whose violations are known (empty when valid) in one transaction, when any is valid.
     * Should another request store one of these numbers first, the batch runs once more and then sees that
     * number as filed (200 when the content is the same, 409 when not) instead of failing.
     */
    public List<SubmissionOutcome> fileChecked(List<DeclarationRequest> requests, List<List<Violation>> violations) {
        List<SubmissionOutcome> outcomes;
        if (violations.stream().noneMatch(List::isEmpty)) {
            outcomes = fileAll(requests, violations);
        } else {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> fileAll(requests, violations));
            } catch (StoreException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                outcomes = QuarkusTransaction.requiringNew().call(() -> fileAll(requests, violations));
            }
        }
        outcomes.forEach(outcome -> count("received", outcome));
        return outcomes;
    }

    private List<SubmissionOutcome> fileAll(List<DeclarationRequest> requests, List<List<Violation>> violations) {
        Set<String> numbered = new HashSet<>();
        int unnumbered = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (violations.get(i).isEmpty()) {
                if (requests.get(i).declarationId() == null) {
                    unnumbered++;
                } else {
                    numbered.add(requests.get(i).declarationId());
                }
            }
        }
        Map<String, String> filedBefore = store.submissionHashes(numbered);
        Map<String, FiledInBatch> filedInBatch = new HashMap<>();
        long[] serials = store.nextSerials(unnumbered);
        int nextSerial = 0;
        Instant now = Instant.now();
        List<SubmissionOutcome> outcomes = new ArrayList<>(requests.size());
        List<DeclarationStore.NewDeclaration> rows = new ArrayList<>(requests.size());
        List<DeclarationEvent> events = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            DeclarationRequest request = requests.get(i);
            if (!violations.get(i).isEmpty()) {
                outcomes.add(SubmissionOutcome.invalid(request.declarationId(), violations.get(i)));
                continue;
            }
            String requestJson = json(request.withDeclarationId(null));
            String hash = sha256(requestJson);
            String id = request.declarationId();
            if (id != null && (filedBefore.containsKey(id) || filedInBatch.containsKey(id))) {
                FiledInBatch earlier = filedInBatch.get(id);
                String filedHash = earlier != null ? earlier.hash() : filedBefore.get(id);
                outcomes.add(filedHash.equals(hash)
                        ? SubmissionOutcome.ok(200, earlier != null ? earlier.declaration() : stored(id))
                        : SubmissionOutcome.failed(409, id, "declaration " + id + " was filed with other content"));
                continue;
            }
            if (id == null) {
                id = DeclarationNumbers.format(request.customsOffice(), request.declarationDate(), request.direction(),
                        serials[nextSerial++]);
            }
            DeclarationRequest filed = request.withDeclarationId(id);
            DeclarationState state = convert(filed);
            rows.add(new DeclarationStore.NewDeclaration(id, state.declarationDate(), state.direction().name(),
                    state.zoneCode(), state.countsNationally(), state.totalValueCny(), state.totalValueUsd(), hash,
                    json(filed), json(state), now));
            events.add(event(EventType.DECLARED, id, 1, now, state));
            StoredDeclaration declaration = new StoredDeclaration(id, 1, DeclarationStatus.DECLARED, filed, state);
            filedInBatch.put(id, new FiledInBatch(declaration, hash));
            outcomes.add(SubmissionOutcome.ok(201, declaration));
        }
        store.insert(rows);
        outbox.append(events);
        return outcomes;
    }

    private static StoredDeclaration stored(String declarationId) {
        return StoredDeclaration.of(DeclarationRecord.findById(declarationId));
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
            if (!json(state).equals(record.state) || !json(filed).equals(record.request)) {
                record.revision++;
                record.status = DeclarationStatus.AMENDED;
                apply(record, filed, state);
                publish(EventType.AMENDED, record, state);
            }
            outcome = SubmissionOutcome.ok(200, new StoredDeclaration(declarationId, record.revision, record.status, filed, state));
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
            StoredDeclaration cancelled = StoredDeclaration.of(record);
            publish(EventType.CANCELLED, record, cancelled.state());
            outcome = SubmissionOutcome.ok(200, cancelled);
        }
        count("cancelled", outcome);
        return outcome;
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
        outbox.append(List.of(event(type, record.declarationId, record.revision, Instant.now(), state)));
    }

    private static DeclarationEvent event(EventType type, String declarationId, long revision, Instant occurredAt,
                                          DeclarationState state) {
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(), type, declarationId, revision,
                occurredAt, state);
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
