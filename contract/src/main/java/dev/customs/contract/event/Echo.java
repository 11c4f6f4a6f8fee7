package dev.customs.contract.event;

/**
 * Input quoted back in a dead-letter reason or problem detail. Any producer chooses that input, so what is
 * echoed is cut to {@value #MAX_CHARS} characters, and control characters and surrogates (which a Kafka
 * header or a log line would mangle) become '?'.
 */
final class Echo {

    static final int MAX_CHARS = 40;

    private Echo() {
    }

    /** {@code 'text'}, bounded. */
    static String quoted(String text) {
        return "'" + bounded(text) + "'";
    }

    static String bounded(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(end + 3);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return end < text.length() ? out.append("...").toString() : out.toString();
    }
}
