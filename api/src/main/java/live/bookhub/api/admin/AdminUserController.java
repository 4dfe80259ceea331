package live.bookhub.api.admin;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import live.bookhub.api.auth.CurrentUser;
import live.bookhub.api.auth.RefreshTokens;
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

/**
 * Accounts as admins see them, their roles and whether they may sign in. There is always at least
 * one admin who is not disabled. A role change or a disabling also revokes the user's refresh
 * tokens: they keep what they have for at most the access token's lifetime, then log in again.
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminUserController {

    private static final Logger log = LoggerFactory.getLogger(AdminUserController.class);

    private final MongoTemplate mongo;
    private final RefreshTokens refreshTokens;

    AdminUserController(MongoTemplate mongo, RefreshTokens refreshTokens) {
        this.mongo = mongo;
        this.refreshTokens = refreshTokens;
    }

    /** The fields to change; a field left out keeps its value. */
    record AccountChange(Role role, Boolean disabled) {
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
    UserView changeAccount(@PathVariable String id, @RequestBody AccountChange change, @AuthenticationPrincipal CurrentUser caller) {
        ObjectId userId = Ids.parse(id, "id");
        if (change.role() == null && change.disabled() == null) {
            throw ProblemException.badRequest("body", "must change role or disabled");
        }
        Role role = change.role();
        Boolean disabled = change.disabled();
        User before = mongo.findAndModify(Query.query(where("_id").is(userId)), set(role, disabled), User.class);
        if (before == null) {
            throw ProblemException.notFound("id", "no user has this id");
        }
        UserView after = new UserView(before.id(), before.username(), before.email(),
                role == null ? before.role() : role, disabled == null ? before.disabled() : disabled);
        // Change first, then look: of two admins demoting each other at once both see no admin
        // left and both undo, where a check before the write would have let both through.
        if (isActiveAdmin(before.role(), before.disabled()) && !isActiveAdmin(after.role(), after.disabled())
                && !mongo.exists(Query.query(where("role").is(Role.ADMIN.value()).and("disabled").ne(true)), User.class)) {
            mongo.updateFirst(Query.query(where("_id").is(userId)), set(before.role(), before.disabled()), User.class);
            throw ProblemException.conflict(role != null && role != Role.ADMIN ? "role" : "disabled",
                    "the last admin cannot be demoted or disabled");
        }
        boolean signOut = after.role() != before.role() || after.disabled() && !before.disabled();
        long revoked = signOut ? refreshTokens.revokeAll(before.id()) : 0;
        log.info("user {} changed by {}: role {} -> {}, disabled {} -> {}, {} sign-ins revoked", id, caller.id(),
                before.role().value(), after.role().value(), before.disabled(), after.disabled(), revoked);
        return after;
    }

    private static boolean isActiveAdmin(Role role, boolean disabled) {
        return role == Role.ADMIN && !disabled;
    }

    private static Update set(Role role, Boolean disabled) {
        Update update = new Update();
        if (role != null) {
            update.set("role", role.value());
        }
        if (disabled != null) {
            update.set("disabled", disabled);
        }
        return update;
    }
}
