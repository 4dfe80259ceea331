package live.bookhub.api.books;

/** The bounds of a book's fields, shared by the create/replace and the patch forms. */
final class BookLimits {

    static final int TITLE = 200;
    static final int AUTHOR = 120;
    static final int GENRE = 40;
    static final int DESCRIPTION = 5000;
    static final int URL = 500;
    /** One million in cents: a generous ceiling that keeps order totals far from int overflow. */
    static final int PRICE = 100_000_000;
    static final int STOCK = 1_000_000;
    static final int YEAR_MIN = 0;
    static final int YEAR_MAX = 2100;
    static final String URL_PATTERN = "https?://[^\\s]+";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private BookLimits() {
    }
}
