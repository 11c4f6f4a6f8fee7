package dev.customs.contract.reference;

/** Unified social credit codes (GB 32100-2015): 18 characters, the last a check character over the first 17. */
public final class CreditCodes {

    public static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int WEIGHT_BASE = 3;
    /** Characters 3-4 (after the registration authority and kind) are the province's division code. */
    private static final int DIVISION_START = 2;
    private static final int DIVISION_END = 4;

    private CreditCodes() {
    }

    /** Whether the code has 18 characters of the code alphabet and a correct check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
    }

    /** Weights 3^i mod 31 over the first 17 characters; the check character makes the sum 0 mod 31. */
    public static char checkCharacter(CharSequence first17) {
        int modulus = ALPHABET.length();
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * WEIGHT_BASE % modulus;
        }
        return ALPHABET.charAt((modulus - sum % modulus) % modulus);
    }

    /** The two-digit province division code within a valid code. */
    public static String division(String code) {
        return code.substring(DIVISION_START, DIVISION_END);
    }
}
