package live.bookhub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A filter on {@code books} as the protocol has it ({@code ids}, {@code genre}, {@code author}: lists;
 * {@code price}, {@code stock}, {@code year}: inclusive ranges), judged here the same way, so the bench
 * knows how many deliveries each event owes. {@code null}: no condition.
 */
record BookFilter(List<String> ids, List<String> genre, List<String> author, Range price, Range stock, Range year) {

    /** An inclusive range; a {@code null} bound is open. */
    record Range(Integer min, Integer max) {

        boolean holds(int value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        String json() {
            List<String> bounds = new ArrayList<>();
            if (min != null) {
                bounds.add("\"min\":" + min);
            }
            if (max != null) {
                bounds.add("\"max\":" + max);
            }
            return "{" + String.join(",", bounds) + "}";
        }
    }

    boolean matches(BookChanges.Book book) {
        return (ids == null || ids.contains(book.id())) && (genre == null || genre.contains(book.genre()))
                && (author == null || author.contains(book.author())) && (price == null || price.holds(book.price()))
                && (stock == null || stock.holds(book.stock())) && (year == null || year.holds(book.year()));
    }

    /** The protocol's rule: the book matched before the change or after it. */
    boolean selects(BookChanges.Change change) {
        return change.before() != null && matches(change.before()) || change.after() != null && matches(change.after());
    }

    String json() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (ids != null) {
            fields.put("ids", list(ids));
        }
        if (genre != null) {
            fields.put("genre", list(genre));
        }
        if (author != null) {
            fields.put("author", list(author));
        }
        if (price != null) {
            fields.put("price", price.json());
        }
        if (stock != null) {
            fields.put("stock", stock.json());
        }
        if (year != null) {
            fields.put("year", year.json());
        }
        return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String list(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * {@code count} distinct filters of the kinds screens ask for, in turn: a book page (one id), a
     * cart (two to four ids), a shelf (a genre or two in a price range), an author's page (from a year
     * on), an admin's low-stock panel (stock at most a few, of a genre or all).
     */
    static List<BookFilter> distinct(int count, List<BookChanges.Book> books, Random random) {
        Map<String, BookFilter> distinct = new LinkedHashMap<>();
        for (int attempt = 0; distinct.size() < count; attempt++) {
            if (attempt > count * 100) {
                throw new IllegalArgumentException("cannot make " + count + " distinct filters");
            }
            BookFilter filter = switch (distinct.size() % 5) {
                case 0 -> new BookFilter(ids(books, 1, random), null, null, null, null, null);
                case 1 -> new BookFilter(ids(books, 2 + random.nextInt(3), random), null, null, null, null, null);
                case 2 -> new BookFilter(null, genres(1 + random.nextInt(2), random), null,
                        new Range(random.nextBoolean() ? null : 500 * random.nextInt(4), 999 + 500 * random.nextInt(8)), null, null);
                case 3 -> new BookFilter(null, null, List.of(BookChanges.author(random.nextInt(BookChanges.AUTHORS))), null, null,
                        random.nextBoolean() ? null : new Range(1900 + 10 * random.nextInt(12), null));
                default -> new BookFilter(null, random.nextInt(4) == 0 ? null : genres(1, random), null, null,
                        new Range(null, random.nextInt(6)), random.nextBoolean() ? null : new Range(1950 + random.nextInt(70), null));
            };
            distinct.putIfAbsent(filter.json(), filter);
        }
        return List.copyOf(distinct.values());
    }

    private static List<String> ids(List<BookChanges.Book> books, int count, Random random) {
        return random.ints(0, books.size()).distinct().limit(count).mapToObj(i -> books.get(i).id()).sorted().toList();
    }

    private static List<String> genres(int count, Random random) {
        return random.ints(0, BookChanges.GENRES.size()).distinct().limit(count).mapToObj(BookChanges.GENRES::get).sorted().toList();
    }
}
