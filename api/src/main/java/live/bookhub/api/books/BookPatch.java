package live.bookhub.api.books;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Some fields of a book; the ones absent (or null) stay as they are. Only the given fields are
 * written, so a patch of the price never overwrites a stock that a checkout just decremented.
 */
record BookPatch(
        @Size(max = BookLimits.TITLE) @Pattern(regexp = BookLimits.NOT_BLANK, message = "must not be blank") String title,
        @Size(max = BookLimits.AUTHOR) @Pattern(regexp = BookLimits.NOT_BLANK, message = "must not be blank") String author,
        @Min(0) @Max(BookLimits.PRICE) Integer price,
        @Min(0) @Max(BookLimits.STOCK) Integer stock,
        @Size(max = BookLimits.GENRE) String genre,
        @Min(BookLimits.YEAR_MIN) @Max(BookLimits.YEAR_MAX) Integer year,
        @Isbn String isbn,
        @Size(max = BookLimits.DESCRIPTION) String description,
        @Size(max = BookLimits.URL) @Pattern(regexp = BookLimits.URL_PATTERN, message = "must be an http(s) URL") String coverUrl) {

    /** The {@code $set} of the given fields, or {@code null} when none is given. */
    Update toUpdate() {
        Update update = new Update();
        setIfGiven(update, "title", title == null ? null : title.strip());
        setIfGiven(update, "author", author == null ? null : author.strip());
        setIfGiven(update, "price", price);
        setIfGiven(update, "stock", stock);
        setIfGiven(update, "genre", genre == null ? null : genre.strip());
        setIfGiven(update, "year", year);
        setIfGiven(update, "isbn", Isbns.normalize(isbn));
        setIfGiven(update, "description", description);
        setIfGiven(update, "coverUrl", coverUrl);
        return update.getUpdateObject().isEmpty() ? null : update;
    }

    private static void setIfGiven(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }
}
