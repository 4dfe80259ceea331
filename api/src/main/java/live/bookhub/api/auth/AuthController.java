package live.bookhub.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.bookhub.api.system.ProblemException;
import live.bookhub.api.system.TooManyRequestsException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final NewAccounts accounts;
    private final Sessions sessions;
    private final LoginRateLimiter limiter;
    /** Compared against when the account does not exist, so that timing does not reveal which usernames exist. */
    private final String decoyHash;

    AuthController(MongoTemplate mongo, PasswordEncoder passwords, NewAccounts accounts, Sessions sessions,
            LoginRateLimiter limiter) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.decoyHash = passwords.encode("decoy-password");
    }

    record SignupForm(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}",
                    message = "must be 3 to 32 letters, digits, '_', '.' or '-'") String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 72) String password) {
    }

    record LoginForm(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 72) String password) {
    }

    @PostMapping("/signup")
    ResponseEntity<Sessions.Session> signUp(@Valid @RequestBody SignupForm form) {
        if (form.password().getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw ProblemException.badRequest("password", "must be at most 72 bytes in UTF-8");
        }
        String username = form.username().toLowerCase(Locale.ROOT);
        String email = form.email().toLowerCase(Locale.ROOT);
        if (mongo.exists(Query.query(where("username").is(username)), User.class)) {
            throw ProblemException.conflict("username", "is already taken");
        }
        if (mongo.exists(Query.query(where("email").is(email)), User.class)) {
            throw ProblemException.conflict("email", "is already registered");
        }
        // The unique indexes settle a race between two sign-ups of the same name.
        User user = accounts.insert(username, email, passwords.encode(form.password()));
        log.info("user {} ({}) signed up as {}", user.id(), username, user.role().value());
        return sessions.start(HttpStatus.CREATED, user);
    }

    @PostMapping("/login")
    ResponseEntity<Sessions.Session> logIn(@Valid @RequestBody LoginForm form, HttpServletRequest request) {
        String name = form.username().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = limiter.attemptFrom(request.getRemoteAddr()).or(() -> limiter.blockedAccount(name));
        if (wait.isPresent()) {
            log.warn("login throttled for {} from {}", name, request.getRemoteAddr());
            throw new TooManyRequestsException("username", "too many login attempts, retry later", wait.get());
        }
        User user = mongo.findOne(Query.query(where(name.contains("@") ? "email" : "username").is(name)), User.class);
        boolean fits = form.password().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        boolean matches = fits && passwords.matches(form.password(), user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches) {
            limiter.failedLogin(name);
            log.info("failed login for {} from {}", name, request.getRemoteAddr());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "password", "wrong username or password");
        }
        limiter.succeededLogin(name);
        if (user.disabled()) {
            // Said only to whoever knows the password, so it tells a stranger nothing.
            log.info("login refused to disabled user {}", user.id());
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "this account is disabled");
        }
        log.info("user {} logged in", user.id());
        return sessions.start(HttpStatus.OK, user);
    }

    @GetMapping("/profile")
    UserView showProfile(@AuthenticationPrincipal CurrentUser caller) {
        User user = mongo.findById(new ObjectId(caller.id()), User.class);
        if (user == null) {
            // A valid token of an account deleted since it was issued.
            throw new ProblemException(HttpStatus.UNAUTHORIZED, null, "this account no longer exists");
        }
        return user.view();
    }
}
