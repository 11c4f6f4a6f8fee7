package dev.customs.ingest;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;

import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact binary form in which the ledger ({@code applied_declarations.state_bytes}) keeps the state a
 * declaration contributed, so that an amendment or a cancellation can withdraw it exactly.
 *
 * <p>Why not the event JSON: every applied event writes one ledger row, and re-serialising the state to
 * JSON (and PostgreSQL parsing it into JSONB) cost more CPU than the rest of the row; the state is read back
 * only for the few declarations that are amended or cancelled. This form is a fraction of the JSON's size
 * and needs no parsing on the database side. It is internal to each consumer's own database, never part of
 * the event contract.
 *
 * <p>Layout (big-endian; "opt" means a presence byte, then the value if present): format byte
 * {@value #FORMAT}; declarationDate as opt epoch day (long); direction, zoneCode, zoneFlow, tradeMode,
 * customsOffice, declarantCode, partnerCountry, transportMode, currency as opt strings (int length, then
 * UTF-8; enums by name, never by ordinal); item count (int, -1 for no list), then each item as opt:
 * itemNo (opt int), hsCode, quantity, unit, valueCny, valueUsd; totalValueCny, totalValueUsd; synthetic
 * (one byte, 1 for true). Decimals are their exact {@link BigDecimal#toString()}, which keeps the scale. A new
 * layout takes a new format byte, and {@link #decode} keeps reading the old ones: format 1, without the
 * synthetic byte, was written before consumers counted synthetic declarations, so its states count as not
 * synthetic, which is what they contributed.
 */
public final class LedgerStateCodec {

    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_SYNTHETIC = 1;
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;
    /** Room for a typical state; the buffer grows for declarations with many items. */
    private static final int INITIAL_CAPACITY = 256;

    private LedgerStateCodec() {
    }

    public static byte[] encode(DeclarationState state) {
        Writer out = new Writer();
        out.writeByte(FORMAT);
        if (out.present(state.declarationDate())) {
            out.writeLong(state.declarationDate().toEpochDay());
        }
        out.writeString(state.direction() == null ? null : state.direction().name());
        out.writeString(state.zoneCode());
        out.writeString(state.zoneFlow() == null ? null : state.zoneFlow().name());
        out.writeString(state.tradeMode());
        out.writeString(state.customsOffice());
        out.writeString(state.declarantCode());
        out.writeString(state.partnerCountry());
        out.writeString(state.transportMode());
        out.writeString(state.currency());
        List<DeclarationItem> items = state.items();
        out.writeInt(items == null ? -1 : items.size());
        if (items != null) {
            for (DeclarationItem item : items) {
                if (out.present(item)) {
                    if (out.present(item.itemNo())) {
                        out.writeInt(item.itemNo());
                    }
                    out.writeString(item.hsCode());
                    out.writeDecimal(item.quantity());
                    out.writeString(item.unit());
                    out.writeDecimal(item.valueCny());
                    out.writeDecimal(item.valueUsd());
                }
            }
        }
        out.writeDecimal(state.totalValueCny());
        out.writeDecimal(state.totalValueUsd());
        out.writeByte(state.synthetic() ? PRESENT : ABSENT);
        return out.toByteArray();
    }

    public static DeclarationState decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            byte format = in.get();
            if (format != FORMAT && format != FORMAT_WITHOUT_SYNTHETIC) {
                throw new IllegalStateException("applied_declarations holds a state in unknown format " + format);
            }
            LocalDate date = in.get() == PRESENT ? LocalDate.ofEpochDay(in.getLong()) : null;
            String direction = readString(in);
            String zoneCode = readString(in);
            String zoneFlow = readString(in);
            String tradeMode = readString(in);
            String customsOffice = readString(in);
            String declarantCode = readString(in);
            String partnerCountry = readString(in);
            String transportMode = readString(in);
            String currency = readString(in);
            int count = in.getInt();
            List<DeclarationItem> items = null;
            if (count >= 0) {
                items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(in.get() == PRESENT ? readItem(in) : null);
                }
            }
            BigDecimal totalCny = readDecimal(in);
            BigDecimal totalUsd = readDecimal(in);
            boolean synthetic = format == FORMAT && in.get() == PRESENT;
            return new DeclarationState(date, direction == null ? null : Direction.valueOf(direction), zoneCode,
                    zoneFlow == null ? null : ZoneFlow.valueOf(zoneFlow), tradeMode, customsOffice, declarantCode,
                    partnerCountry, transportMode, currency, items, totalCny, totalUsd, synthetic);
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("applied_declarations holds a truncated state", e);
        }
    }

    private static DeclarationItem readItem(ByteBuffer in) {
        Integer itemNo = in.get() == PRESENT ? in.getInt() : null;
        return new DeclarationItem(itemNo, readString(in), readDecimal(in), readString(in), readDecimal(in),
                readDecimal(in));
    }

    private static String readString(ByteBuffer in) {
        if (in.get() != PRESENT) {
            return null;
        }
        byte[] utf8 = new byte[in.getInt()];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static BigDecimal readDecimal(ByteBuffer in) {
        String value = readString(in);
        return value == null ? null : new BigDecimal(value);
    }

    /**
     * A growable big-endian byte array: every applied event is encoded once, and a DataOutputStream over a
     * ByteArrayOutputStream cost a synchronized call per byte.
     */
    private static final class Writer {

        private byte[] buffer = new byte[INITIAL_CAPACITY];
        private int size;

        /** Writes the presence byte; the caller writes the value only if this returns true. */
        boolean present(Object value) {
            writeByte(value == null ? ABSENT : PRESENT);
            return value != null;
        }

        void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void writeInt(int value) {
            ensure(Integer.BYTES);
            for (int shift = Integer.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            ensure(Long.BYTES);
            for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        /** Length-prefixed UTF-8: unlike writeUTF, no 64 KB limit that an odd but valid record could hit. */
        void writeString(String value) {
            if (present(value)) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                writeInt(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buffer, size, utf8.length);
                size += utf8.length;
            }
        }

        void writeDecimal(BigDecimal value) {
            writeString(value == null ? null : value.toString());
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int bytes) {
            if (size + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
            }
        }
    }
}
