package live.bookhub.api.books;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.query.Update;

/** A whole book as an admin creates or replaces it. Prices in cents. */
record BookForm(
        @NotBlank @Size(max = BookLimits.TITLE) String title,
        @NotBlank @Size(max = BookLimits.AUTHOR) String author,
        @NotNull @Min(0) @Max(BookLimits.PRICE) Integer price,
        @NotNull @Min(0) @Max(BookLimits.STOCK) Integer stock,
        @Size(max = BookLimits.GENRE) String genre,
        @Min(BookLimits.YEAR_MIN) @Max(BookLimits.YEAR_MAX) Integer year,
        @Isbn String isbn,
        @Size(max = BookLimits.DESCRIPTION) String description,
        @Size(max = BookLimits.URL) @Pattern(regexp = BookLimits.URL_PATTERN, message = "must be an http(s) URL") String coverUrl) {

    /** Sets every field; optional ones left out are removed, as a replacement should. */
    Update toUpdate() {
        Update update = new Update()
                .set("title", title.strip())
                .set("author", author.strip())
                .set("price", price)
                .set("stock", stock);
        setOrUnset(update, "genre", genre == null ? null : genre.strip());
        setOrUnset(update, "year", year);
        setOrUnset(update, "isbn", Isbns.normalize(isbn));
        setOrUnset(update, "description", description);
        setOrUnset(update, "coverUrl", coverUrl);
        return update;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
