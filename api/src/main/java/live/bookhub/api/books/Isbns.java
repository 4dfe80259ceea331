package live.bookhub.api.books;

import java.util.Locale;

/** ISBN-10 and ISBN-13 check digits, and the stored form of an ISBN. */
final class Isbns {

    private Isbns() {
    }

    /** The stored form: digits (and a final X) only. */
    static String normalize(String isbn) {
        return isbn == null ? null : isbn.replaceAll("[- ]", "").toUpperCase(Locale.ROOT);
    }

    static boolean isValid(String normalized) {
        if (normalized.matches("\\d{13}")) {
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                sum += (normalized.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return sum % 10 == 0;
        }
        if (normalized.matches("\\d{9}[\\dX]")) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = normalized.charAt(i);
                sum += (c == 'X' ? 10 : c - '0') * (10 - i);
            }
            return sum % 11 == 0;
        }
        return false;
    }
}
