package live.bookhub.api.books;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The query parameters of {@code GET /api/books}. Every value is bound to a typed field and used
 * as a literal (text is regex-escaped), so no operator can be smuggled into the query.
 *
 * @param q        text searched, case-insensitively, in title, author and isbn
 * @param genre    exact genre
 * @param yearFrom first publication year included
 * @param yearTo   last publication year included
 * @param priceMin lowest price in cents included
 * @param priceMax highest price in cents included
 * @param inStock  true: only books with stock; false: only sold-out ones
 * @param sort     a field among title, author, price, year, stock, createdAt; prefixed with '-' for descending
 * @param page     page number from 0
 * @param size     items per page, at most {@value #MAX_SIZE}
 */
record BookSearch(
        @Size(max = 100) String q,
        @Size(max = BookLimits.GENRE) String genre,
        @Min(BookLimits.YEAR_MIN) @Max(BookLimits.YEAR_MAX) Integer yearFrom,
        @Min(BookLimits.YEAR_MIN) @Max(BookLimits.YEAR_MAX) Integer yearTo,
        @Min(0) @Max(BookLimits.PRICE) Integer priceMin,
        @Min(0) @Max(BookLimits.PRICE) Integer priceMax,
        Boolean inStock,
        @Pattern(regexp = "-?(title|author|price|year|stock|createdAt)",
                message = "must be one of title, author, price, year, stock, createdAt, optionally prefixed with '-'") String sort,
        @Min(0) @Max(MAX_PAGE) Integer page,
        @Min(1) @Max(MAX_SIZE) Integer size) {

    static final int MAX_SIZE = 100;
    /** Deep pages cost a skip over every earlier document; nobody pages this far by hand. */
    static final int MAX_PAGE = 10_000;
    static final int DEFAULT_SIZE = 20;

    BookSearch {
        sort = sort == null ? "title" : sort;
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    Query toQuery() {
        List<Criteria> criteria = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String text = escapeRegex(q.strip());
            List<Criteria> anyOf = new ArrayList<>(List.of(
                    where("title").regex(text, "i"),
                    where("author").regex(text, "i")));
            String isbn = Isbns.normalize(q);
            if (!isbn.isEmpty()) {
                anyOf.add(where("isbn").regex(escapeRegex(isbn)));
            }
            criteria.add(new Criteria().orOperator(anyOf));
        }
        if (genre != null && !genre.isBlank()) {
            criteria.add(where("genre").is(genre.strip()));
        }
        if (yearFrom != null || yearTo != null) {
            criteria.add(range("year", yearFrom, yearTo));
        }
        if (priceMin != null || priceMax != null) {
            criteria.add(range("price", priceMin, priceMax));
        }
        if (inStock != null) {
            criteria.add(inStock ? where("stock").gt(0) : where("stock").lte(0));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return query.with(sortOrder());
    }

    Sort sortOrder() {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        // _id breaks ties, so that pages neither repeat nor skip books with equal sort keys.
        return Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, field).and(Sort.by("_id"));
    }

    private static Criteria range(String field, Integer from, Integer to) {
        Criteria criteria = where(field);
        if (from != null) {
            criteria = criteria.gte(from);
        }
        if (to != null) {
            criteria = criteria.lte(to);
        }
        return criteria;
    }

    private static String escapeRegex(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
