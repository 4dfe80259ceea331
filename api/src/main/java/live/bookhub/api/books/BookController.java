package live.bookhub.api.books;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import live.bookhub.api.system.Ids;
import live.bookhub.api.system.ProblemException;
import live.bookhub.api.system.ResultPage;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The catalog. Every write is one single-document operation, validated before it is built, so a
 * rejected request writes nothing and an accepted one is never half-applied.
 */
@RestController
@RequestMapping("/api/books")
class BookController {

    private static final Logger log = LoggerFactory.getLogger(BookController.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    BookController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping
    ResultPage<Book> listBooks(@Valid BookSearch search) {
        Query query = search.toQuery();
        long total = mongo.count(query, Book.class);
        List<Book> books = mongo.find(query.skip((long) search.page() * search.size()).limit(search.size()), Book.class);
        return ResultPage.of(books, search.page(), search.size(), total);
    }

    @GetMapping("/{id}")
    Book showBook(@PathVariable String id) {
        Book book = mongo.findById(Ids.parse(id, "id"), Book.class);
        if (book == null) {
            throw notFound();
        }
        return book;
    }

    @PostMapping
    ResponseEntity<Book> createBook(@Valid @RequestBody BookForm form) {
        Instant now = clock.instant();
        Book book = mongo.insert(new Book(new ObjectId().toHexString(), form.title().strip(), form.author().strip(),
                form.price(), form.stock(), form.genre() == null ? null : form.genre().strip(), form.year(),
                Isbns.normalize(form.isbn()), form.description(), form.coverUrl(), now, now));
        log.info("book {} created", book.id());
        return ResponseEntity.created(URI.create("/api/books/" + book.id())).body(book);
    }

    @PutMapping("/{id}")
    Book replaceBook(@PathVariable String id, @Valid @RequestBody BookForm form) {
        return update(id, form.toUpdate());
    }

    @PatchMapping("/{id}")
    Book patchBook(@PathVariable String id, @Valid @RequestBody BookPatch patch) {
        Update update = patch.toUpdate();
        if (update == null) {
            throw ProblemException.badRequest("body", "names no field to change");
        }
        return update(id, update);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deleteBook(@PathVariable String id) {
        ObjectId bookId = Ids.parse(id, "id");
        if (mongo.remove(Query.query(where("_id").is(bookId)), Book.class).getDeletedCount() == 0) {
            throw notFound();
        }
        log.info("book {} deleted", id);
        return ResponseEntity.noContent().build();
    }

    private Book update(String id, Update update) {
        ObjectId bookId = Ids.parse(id, "id");
        Book book = mongo.findAndModify(Query.query(where("_id").is(bookId)), update.set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Book.class);
        if (book == null) {
            throw notFound();
        }
        log.info("book {} updated", id);
        return book;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("id", "no book has this id");
    }
}
