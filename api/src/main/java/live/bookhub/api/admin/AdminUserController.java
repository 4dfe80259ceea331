package live.bookhub.api.admin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import live.bookhub.api.auth.CurrentUser;
import live.bookhub.api.auth.Role;
import live.bookhub.api.auth.User;
import live.bookhub.api.auth.UserView;
import live.bookhub.api.system.Ids;
import live.bookhub.api.system.ProblemException;
import live.bookhub.api.system.ResultPage;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Accounts as admins see them, and their roles. There is always at least one admin. */
@RestController
@RequestMapping("/api/admin/users")
class AdminUserController {

    private static final Logger log = LoggerFactory.getLogger(AdminUserController.class);

    private final MongoTemplate mongo;

    AdminUserController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record RoleForm(@NotNull Role role) {
    }

    @GetMapping
    ResultPage<UserView> listUsers(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Query query = new Query();
        long total = mongo.count(query, User.class);
        List<UserView> users = mongo.find(query.with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size), User.class)
                .stream().map(User::view).toList();
        return ResultPage.of(users, page, size, total);
    }

    @PatchMapping("/{id}")
    UserView changeRole(@PathVariable String id, @Valid @RequestBody RoleForm form, @AuthenticationPrincipal CurrentUser caller) {
        ObjectId userId = Ids.parse(id, "id");
        User before = mongo.findAndModify(Query.query(where("_id").is(userId)), new Update().set("role", form.role().value()),
                User.class);
        if (before == null) {
            throw ProblemException.notFound("id", "no user has this id");
        }
        // Demote first, then look: of two admins demoting each other at once both see no admin
        // left and both undo, where a check before the write would have let both through.
        if (before.role() == Role.ADMIN && form.role() != Role.ADMIN
                && !mongo.exists(Query.query(where("role").is(Role.ADMIN.value())), User.class)) {
            mongo.updateFirst(Query.query(where("_id").is(userId)), new Update().set("role", Role.ADMIN.value()), User.class);
            throw ProblemException.conflict("role", "the last admin cannot be demoted");
        }
        log.info("user {} role changed from {} to {} by {}", id, before.role().value(), form.role().value(), caller.id());
        return new UserView(before.id(), before.username(), before.email(), form.role());
    }
}
