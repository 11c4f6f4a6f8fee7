package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.FiledBy;
import dev.customs.contract.event.Violation;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.declarations.SubmissionOutcome.Accepted;
import dev.customs.declaration.declarations.SubmissionOutcome.Conflict;
import dev.customs.declaration.declarations.SubmissionOutcome.Created;
import dev.customs.declaration.declarations.SubmissionOutcome.Forbidden;
import dev.customs.declaration.declarations.SubmissionOutcome.Invalid;
import dev.customs.declaration.declarations.SubmissionOutcome.Unchanged;
import dev.customs.declaration.declarations.SubmissionOutcome.Unknown;
import dev.customs.declaration.declarations.SubmissionOutcome.Updated;
import dev.customs.declaration.outbox.Outbox;
import dev.customs.kafka.KafkaTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    /** Redraws of taken numbers one filing may need before something is badly wrong (a full serial space). */
    private static final int MAX_RENUMBER_ROUNDS = 10;

    private final DeclarationValidator validator;
    private final DeclarationStore store;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter provisional;

    public DeclarationService(DeclarationValidator validator, DeclarationStore store, Outbox outbox,
                              MeterRegistry registry, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
        this.provisional = Counter.builder("customs_declarations_provisional_rate")
                .description("Declarations filed or amended at a carried-forward exchange rate (the month's rates "
                        + "were not loaded yet)").register(registry);
    }

    /** Files every valid request of a batch in one transaction; each gets its own outcome. */
    public List<SubmissionOutcome> submitAll(List<DeclarationRequest> requests, Filer filer) {
        String traceparent = KafkaTracing.currentTraceparent();
        return fileChecked(requests.stream()
                .map(request -> validator.check(request).filedBy(filer, null).tracedBy(traceparent)).toList());
    }

    /**
     * Files checked requests in one transaction, when any is valid. Should another transaction store one of
     * these numbers or idempotency keys first, the batch runs once more and then sees that number or key as
     * filed (unchanged when the content is the same, a conflict when not) instead of failing.
     */
    public List<SubmissionOutcome> fileChecked(List<CheckedSubmission> submissions) {
        List<SubmissionOutcome> outcomes;
        if (submissions.stream().noneMatch(CheckedSubmission::valid)) {
            outcomes = fileAll(submissions);
        } else {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> fileAll(submissions));
            } catch (StoreException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                outcomes = QuarkusTransaction.requiringNew().call(() -> fileAll(submissions));
            }
        }
        outcomes.forEach(outcome -> count("received", outcome));
        // Counted once committed: a batch that runs twice (see above) files each declaration once.
        provisional.increment(outcomes.stream()
                .filter(o -> o instanceof Created created && created.declaration().provisionalRate()).count());
        return outcomes;
    }

    private List<SubmissionOutcome> fileAll(List<CheckedSubmission> submissions) {
        Set<String> keys = new HashSet<>();
        for (CheckedSubmission s : submissions) {
            if (s.valid() && s.idempotencyKey() != null) {
                keys.add(s.idempotencyKey());
            }
        }
        Map<String, DeclarationStore.StoredKey> keysBefore = store.idempotencyKeys(keys);
        String[] assigned = assignNumbers(submissions, keysBefore);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (submissions.get(i).valid() && submissions.get(i).request().declarationId() != null) {
                numbers.add(submissions.get(i).request().declarationId());
            }
        }
        Map<String, String> filedBefore = store.submissionHashes(union(numbers, assigned));
        renumberCollisions(submissions, assigned, numbers, filedBefore);
        Map<String, FiledInBatch> filedInBatch = new HashMap<>();
        Map<String, FiledInBatch> keysInBatch = new HashMap<>();
        Instant now = clock.instant();
        List<SubmissionOutcome> outcomes = new ArrayList<>(submissions.size());
        List<DeclarationStore.NewDeclaration> rows = new ArrayList<>(submissions.size());
        List<DeclarationStore.StoredKey> keyRows = new ArrayList<>();
        List<Outbox.Entry> events = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            CheckedSubmission submission = submissions.get(i);
            DeclarationRequest request = submission.request();
            if (!submission.valid()) {
                outcomes.add(new Invalid(request.declarationId(), submission.violations()));
                continue;
            }
            if (!submission.filer().mayActFor(request.declarantCode())) {
                outcomes.add(notTheirs(request.declarationId(), "declarantCode", request.declarantCode()));
                continue;
            }
            String key = submission.idempotencyKey();
            String keyHash = key == null ? null : sha256(json(request));
            if (key != null && (keysBefore.containsKey(key) || keysInBatch.containsKey(key))) {
                outcomes.add(replayed(key, keyHash, keysBefore.get(key), keysInBatch.get(key)));
                continue;
            }
            String requestJson = json(request.withDeclarationId(null));
            String hash = sha256(requestJson);
            String id = request.declarationId();
            SubmissionOutcome outcome;
            if (id != null && (filedBefore.containsKey(id) || filedInBatch.containsKey(id))) {
                FiledInBatch earlier = filedInBatch.get(id);
                String filedHash = earlier != null ? earlier.hash() : filedBefore.get(id);
                outcome = filedHash.equals(hash)
                        ? new Unchanged(earlier != null ? earlier.declaration() : stored(id))
                        : new Conflict(id, "declaration " + id + " was filed with other content");
            } else {
                if (id == null) {
                    id = assigned[i];
                }
                DeclarationRequest filed = request.withDeclarationId(id);
                DeclarationState state = submission.filer().simulator() ? submission.state().markedSynthetic()
                        : submission.state();
                rows.add(new DeclarationStore.NewDeclaration(id, state.declarationDate(), state.direction().name(),
                        state.zoneCode(), state.countsNationally(), state.totalValueCny(), state.totalValueUsd(), hash,
                        json(filed), json(state), now, submission.rateMonth(), submission.provisionalRate(),
                        state.declarantCode(), submission.filer()));
                events.add(new Outbox.Entry(event(EventType.DECLARED, id, 1, state, filing(submission.filer(), now)),
                        submission.traceparent()));
                StoredDeclaration declaration = new StoredDeclaration(id, 1, DeclarationStatus.DECLARED, filed, state,
                        submission.rateMonth(), submission.provisionalRate(), filing(submission.filer(), now),
                        submission.filer().simulator());
                filedInBatch.put(id, new FiledInBatch(declaration, hash));
                outcome = new Created(declaration);
            }
            if (key != null && outcome instanceof Accepted accepted) {
                keyRows.add(new DeclarationStore.StoredKey(key, keyHash, accepted.declarationId()));
                keysInBatch.put(key, new FiledInBatch(accepted.declaration(), keyHash));
            }
            outcomes.add(outcome);
        }
        // Keys first: a concurrent retry with the same key fails here, before the declarations are written.
        store.insertKeys(keyRows, now);
        store.insert(rows);
        outbox.append(events);
        return outcomes;
    }

    /** The answer to a request whose idempotency key is filed already: the same declaration, or a conflict. */
    private SubmissionOutcome replayed(String key, String keyHash, DeclarationStore.StoredKey before, FiledInBatch inBatch) {
        String filedHash = inBatch != null ? inBatch.hash() : before.requestHash();
        if (!filedHash.equals(keyHash)) {
            return new Conflict(null, "Idempotency-Key " + key + " was used for another declaration");
        }
        return new Unchanged(inBatch != null ? inBatch.declaration() : stored(before.declarationId()));
    }

    /**
     * Numbers for the unnumbered requests that will be filed (not those answered from an idempotency key),
     * from the serial sequence. The serial part wraps (nine digits), so a number may exist already; see
     * {@link #renumberCollisions}.
     */
    private String[] assignNumbers(List<CheckedSubmission> submissions, Map<String, DeclarationStore.StoredKey> keysBefore) {
        String[] assigned = new String[submissions.size()];
        List<Integer> unnumbered = new ArrayList<>();
        Set<String> keysSeen = new HashSet<>();
        for (int i = 0; i < submissions.size(); i++) {
            CheckedSubmission s = submissions.get(i);
            if (!s.valid() || s.request().declarationId() != null) {
                continue;
            }
            String key = s.idempotencyKey();
            if (key != null && (keysBefore.containsKey(key) || !keysSeen.add(key))) {
                continue;
            }
            unnumbered.add(i);
        }
        long[] serials = store.nextSerials(unnumbered.size());
        for (int j = 0; j < unnumbered.size(); j++) {
            DeclarationRequest r = submissions.get(unnumbered.get(j)).request();
            assigned[unnumbered.get(j)] = DeclarationNumbers.format(r.customsOffice(), r.declarationDate(), r.direction(), serials[j]);
        }
        return assigned;
    }

    /**
     * Draws new serials for assigned numbers that are taken (stored, sent by a client in this batch, or assigned
     * twice): after the nine-digit serial wraps, an office's old numbers of the same year come round again.
     * Each office-year-direction has a billion serials, so a collision is rare and a redraw nearly always free.
     */
    private void renumberCollisions(List<CheckedSubmission> submissions, String[] assigned, Set<String> numbers,
                                    Map<String, String> filedBefore) {
        for (int round = 0; ; round++) {
            Set<String> taken = new HashSet<>(numbers);
            taken.addAll(filedBefore.keySet());
            List<Integer> colliding = new ArrayList<>();
            for (int i = 0; i < assigned.length; i++) {
                if (assigned[i] != null && !taken.add(assigned[i])) {
                    colliding.add(i);
                }
            }
            if (colliding.isEmpty()) {
                return;
            }
            if (round == MAX_RENUMBER_ROUNDS) {
                throw new IllegalStateException("declaration numbers still taken after " + round + " redraws");
            }
            long[] serials = store.nextSerials(colliding.size());
            List<String> drawn = new ArrayList<>();
            for (int j = 0; j < colliding.size(); j++) {
                DeclarationRequest r = submissions.get(colliding.get(j)).request();
                assigned[colliding.get(j)] = DeclarationNumbers.format(r.customsOffice(), r.declarationDate(), r.direction(), serials[j]);
                drawn.add(assigned[colliding.get(j)]);
            }
            filedBefore.putAll(store.submissionHashes(drawn));
        }
    }

    private static Set<String> union(Set<String> numbers, String[] assigned) {
        Set<String> all = new HashSet<>(numbers);
        for (String id : assigned) {
            if (id != null) {
                all.add(id);
            }
        }
        return all;
    }

    private StoredDeclaration stored(String declarationId) {
        return store.find(declarationId).orElseThrow(() -> new IllegalStateException(
                "declaration " + declarationId + " is filed but could not be read")).stored();
    }

    /**
     * A new revision with the full new state; nothing happens when the state is unchanged. The filer must be
     * allowed to act for the enterprise of the declaration as stored and as amended.
     */
    @Transactional
    public SubmissionOutcome amend(String declarationId, DeclarationRequest request, Filer filer) {
        CheckedSubmission checked = validator.check(request);
        List<Violation> violations = new ArrayList<>(checked.violations());
        if (request.declarationId() != null && !request.declarationId().equals(declarationId)) {
            violations.add(new Violation("declarationId", "must match the declaration being amended, " + declarationId));
        }
        DeclarationStore.Row row = store.lock(declarationId).orElse(null);
        SubmissionOutcome outcome;
        if (row == null) {
            outcome = new Unknown(declarationId);
        } else if (!filer.mayActFor(row.declarantCode())) {
            outcome = notTheirs(declarationId, "id", row.declarantCode());
        } else if (!violations.isEmpty()) {
            outcome = new Invalid(declarationId, violations);
        } else if (!filer.mayActFor(request.declarantCode())) {
            outcome = notTheirs(declarationId, "declarantCode", request.declarantCode());
        } else if (row.status() == DeclarationStatus.CANCELLED) {
            outcome = new Conflict(declarationId, "declaration " + declarationId + " is cancelled and cannot be amended");
        } else if (!fixedOnAmendment(row.stored().state(), request).isEmpty()) {
            List<Violation> changed = fixedOnAmendment(row.stored().state(), request);
            outcome = new Conflict(declarationId, "an amendment cannot change "
                    + changed.stream().map(Violation::field).toList() + "; cancel and re-file instead", changed);
        } else {
            DeclarationRequest filed = request.withDeclarationId(declarationId);
            // A simulator's declaration stays synthetic whoever amends it.
            DeclarationState state = row.synthetic() ? checked.state().markedSynthetic() : checked.state();
            String filedJson = json(filed);
            String stateJson = json(state);
            if (stateJson.equals(row.stateJson()) && filedJson.equals(row.requestJson())) {
                outcome = new Unchanged(row.stored());
            } else {
                row = new DeclarationStore.Row(declarationId, row.revision() + 1, DeclarationStatus.AMENDED, filedJson,
                        stateJson, checked.rateMonth().atDay(1), checked.provisionalRate(), filing(filer, clock.instant()),
                        row.synthetic(), state.declarantCode());
                store.update(row, state);
                publish(EventType.AMENDED, declarationId, row.revision(), state, row.filing());
                if (checked.provisionalRate()) {
                    provisional.increment();
                }
                outcome = new Updated(row.stored());
            }
        }
        count("amended", outcome);
        return outcome;
    }

    /**
     * What an amendment may not change (filing rules): the direction, which the number encodes, the declarant,
     * the customs office and the year of the declaration date, which the number encodes too. Changing them takes
     * a cancellation and a new declaration.
     */
    static List<Violation> fixedOnAmendment(DeclarationState before, DeclarationRequest request) {
        List<Violation> out = new ArrayList<>();
        String fix = "cannot change on amendment; cancel and re-file instead (was ";
        if (before.direction() != request.direction()) {
            out.add(new Violation("direction", fix + before.direction() + ")"));
        }
        if (!Objects.equals(before.declarantCode(), request.declarantCode())) {
            out.add(new Violation("declarantCode", fix + before.declarantCode() + ")"));
        }
        if (!Objects.equals(before.customsOffice(), request.customsOffice())) {
            out.add(new Violation("customsOffice", fix + before.customsOffice() + ")"));
        }
        if (before.declarationDate() != null && request.declarationDate() != null
                && before.declarationDate().getYear() != request.declarationDate().getYear()) {
            out.add(new Violation("declarationDate", "cannot change year on amendment; cancel and re-file instead (was "
                    + before.declarationDate().getYear() + ")"));
        }
        return out;
    }

    /**
     * A new revision that withdraws the declaration; its event carries the state being withdrawn. The filer must
     * be allowed to act for the declaration's enterprise.
     */
    @Transactional
    public SubmissionOutcome cancel(String declarationId, Filer filer) {
        DeclarationStore.Row row = store.lock(declarationId).orElse(null);
        SubmissionOutcome outcome;
        if (row == null) {
            outcome = new Unknown(declarationId);
        } else if (!filer.mayActFor(row.declarantCode())) {
            outcome = notTheirs(declarationId, "id", row.declarantCode());
        } else if (row.status() == DeclarationStatus.CANCELLED) {
            outcome = new Conflict(declarationId, "declaration " + declarationId + " is already cancelled");
        } else {
            long revision = row.revision() + 1;
            StoredDeclaration.Filing filing = filing(filer, clock.instant());
            store.updateStatus(declarationId, revision, DeclarationStatus.CANCELLED, filing);
            StoredDeclaration cancelled = new DeclarationStore.Row(declarationId, revision, DeclarationStatus.CANCELLED,
                    row.requestJson(), row.stateJson(), row.rateMonth(), row.provisionalRate(), filing, row.synthetic(),
                    row.declarantCode())
                    .stored();
            publish(EventType.CANCELLED, declarationId, revision, cancelled.state(), filing);
            outcome = new Updated(cancelled);
        }
        count("cancelled", outcome);
        return outcome;
    }

    private static Forbidden notTheirs(String declarationId, String field, String declarantCode) {
        return new Forbidden(declarationId, field, "you may not act for enterprise " + declarantCode);
    }

    private static StoredDeclaration.Filing filing(Filer filer, Instant at) {
        return new StoredDeclaration.Filing(filer.subject(), filer.client(), at);
    }

    /** Amendments and cancellations are stored on the caller's thread, within its request's trace (if any). */
    private void publish(EventType type, String declarationId, long revision, DeclarationState state,
                         StoredDeclaration.Filing filing) {
        outbox.append(List.of(new Outbox.Entry(event(type, declarationId, revision, state, filing),
                KafkaTracing.currentTraceparent())));
    }

    /** The event of a revision: it occurred when it was filed, and says by whom. */
    private static DeclarationEvent event(EventType type, String declarationId, long revision, DeclarationState state,
                                          StoredDeclaration.Filing filing) {
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(), type, declarationId, revision,
                filing.at(), new FiledBy(filing.subject(), filing.client()), state);
    }

    private void count(String action, SubmissionOutcome outcome) {
        // Labelled with the outcome's kind (created, unchanged, updated, invalid, unknown, conflict), the
        // simulator's changes included.
        registry.counter("customs_declarations_requests", "action", action,
                "outcome", outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT)).increment();
        if (outcome instanceof Invalid invalid) {
            // One count per offending field; item indexes are dropped so the label stays a short, fixed list.
            invalid.errors().stream().map(v -> ITEM_INDEX.matcher(v.field()).replaceAll("[]")).distinct()
                    .forEach(field -> registry.counter("customs_declarations_rejected", "field", field).increment());
        }
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
