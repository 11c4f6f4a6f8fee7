package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;

import java.time.LocalDate;

/**
 * Declaration numbers as GAC Announcement 2016 No. 20 lays them out: 4-digit customs office, 4-digit
 * year, direction digit (1 import, 0 export), 9-digit serial. Serials come from one database sequence
 * ({@link DeclarationStore#nextSerials}), reserved for a whole batch in one round trip.
 *
 * <p>The sequence is shared by all offices and never restarts, so its value passes a billion after a few
 * years of national volume and the serial wraps; a backfill of a past year, or a number a client chose
 * itself, may then meet an assigned number. Filing checks every assigned number against the store and draws
 * again for those taken (DeclarationService#renumberCollisions): each office, year and direction has a
 * billion serials, so a redraw nearly always succeeds at once.
 */
public final class DeclarationNumbers {

    private static final long SERIAL_MODULUS = 1_000_000_000L;

    private DeclarationNumbers() {
    }

    /** The number for a sequence value; the serial part wraps after 999,999,999. */
    public static String format(String customsOffice, LocalDate date, Direction direction, long sequenceValue) {
        // SERIAL_MODULUS + serial has ten digits; dropping the leading 1 zero-pads the serial to nine
        // (String.format showed up in profiles of single POSTs).
        String serial = Long.toString(SERIAL_MODULUS + sequenceValue % SERIAL_MODULUS).substring(1);
        return customsOffice + date.getYear() + (direction == Direction.IMPORT ? '1' : '0') + serial;
    }
}
