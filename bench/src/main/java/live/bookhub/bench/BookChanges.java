package live.bookhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A catalogue changing as a bookstore's does, published as the change-watcher's envelopes: mostly
 * updates of a price or a stock (with the filterable fields as they were in {@code before}, as the
 * watcher takes them from the pre-image), some new books, some deletes (whose {@code data} is the
 * pre-image). It keeps each event's book before and after, so the bench knows which filters select it.
 */
final class BookChanges {

    static final List<String> GENRES = List.of("mystery", "classic", "children", "science fiction", "poetry", "romance", "travel",
            "biography", "software", "thriller", "history", "fantasy", "cooking", "adventure", "horror", "philosophy");
    static final int AUTHORS = 300;

    /** A book's fields as the watcher maps them; prices in cents. */
    record Book(String id, String title, String genre, String author, int price, int stock, int year) {

        String json() {
            return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"author\":\"" + author + "\",\"genre\":\"" + genre
                    + "\",\"price\":" + price + ",\"stock\":" + stock + ",\"year\":" + year + "}";
        }

        /** What the watcher's {@code before} holds: the fields filters read. */
        String filterable() {
            return "{\"genre\":\"" + genre + "\",\"author\":\"" + author + "\",\"price\":" + price + ",\"stock\":" + stock
                    + ",\"year\":" + year + "}";
        }

        Book withPrice(int newPrice) {
            return new Book(id, title, genre, author, newPrice, stock, year);
        }

        Book withStock(int newStock) {
            return new Book(id, title, genre, author, price, newStock, year);
        }
    }

    /** One event's book: {@code before} {@code null} for a new book, {@code after} {@code null} for a delete. */
    record Change(Book before, Book after) {
    }

    private final int size;
    private final Random random;
    private final List<Book> books = new ArrayList<>();
    private final Map<Long, Change> changes = new ConcurrentHashMap<>();
    private long created;

    BookChanges(int size, long seed) {
        this.size = size;
        this.random = new Random(seed);
        for (int i = 0; i < size; i++) {
            books.add(newBook());
        }
    }

    /** The books now in the catalogue. */
    synchronized List<Book> books() {
        return List.copyOf(books);
    }

    static String author(int n) {
        return "Author " + n;
    }

    /** The envelope of event {@code seq}: the next change to the catalogue. */
    synchronized String envelope(long seq) {
        int kind = random.nextInt(100);
        String head = "{\"type\":\"%s\",\"topic\":\"books\",\"ts\":\"" + BenchClock.iso(BenchClock.nowMicros()) + "\",\"token\":\""
                + Publisher.token(seq) + "\",\"data\":";
        if (kind < 8 || books.size() < size / 2) {
            Book book = newBook();
            books.add(book);
            changes.put(seq, new Change(null, book));
            return head.formatted("book:created") + book.json() + "}";
        }
        int index = random.nextInt(books.size());
        Book old = books.get(index);
        if (kind < 15) {
            books.set(index, books.get(books.size() - 1));
            books.remove(books.size() - 1);
            changes.put(seq, new Change(old, null));
            return head.formatted("book:deleted") + old.json() + "}";
        }
        Book now;
        String changed;
        if (kind < 65) {
            now = old.withPrice(Math.max(199, old.price() + (random.nextBoolean() ? 1 : -1) * (100 + random.nextInt(400))));
            changed = "price";
        } else {
            now = old.withStock(old.stock() == 0 ? 10 + random.nextInt(20) : Math.max(0, old.stock() - 1 - random.nextInt(3)));
            changed = "stock";
        }
        books.set(index, now);
        changes.put(seq, new Change(old, now));
        return head.formatted("book:updated") + now.json() + ",\"changed\":[\"" + changed + "\"],\"before\":" + old.filterable() + "}";
    }

    /** What event {@code seq} changed; {@code null} for an event not made here. */
    Change change(long seq) {
        return changes.get(seq);
    }

    private Book newBook() {
        long n = created++;
        return new Book(String.format("%024x", 0x665f0000_00000000L + n), "Book " + n, GENRES.get(random.nextInt(GENRES.size())),
                author(random.nextInt(AUTHORS)), 299 + random.nextInt(4700), random.nextInt(40), 1850 + random.nextInt(176));
    }
}
