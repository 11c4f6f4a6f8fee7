package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Declaration numbers as GAC Announcement 2016 No. 20 lays them out: 4-digit customs office, 4-digit
 * year, direction digit (1 import, 0 export), 9-digit serial. Serials come from one database sequence,
 * reserved in blocks so a batch of a thousand costs one round trip.
 */
@ApplicationScoped
public class DeclarationNumbers {

    private static final long SERIAL_MODULUS = 1_000_000_000L;

    /** Reserves {@code count} serials in the caller's transaction. */
    @SuppressWarnings("unchecked")
    public Deque<Long> reserve(int count) {
        if (count == 0) {
            return new ArrayDeque<>();
        }
        List<Number> serials = Panache.getEntityManager()
                .createNativeQuery("SELECT nextval('declaration_serial') FROM generate_series(1, :n)")
                .setParameter("n", count)
                .getResultList();
        Deque<Long> out = new ArrayDeque<>(count);
        serials.forEach(s -> out.add(s.longValue() % SERIAL_MODULUS));
        return out;
    }

    public static String format(String customsOffice, LocalDate date, Direction direction, long serial) {
        return customsOffice + date.getYear() + (direction == Direction.IMPORT ? '1' : '0') + String.format("%09d", serial);
    }
}
