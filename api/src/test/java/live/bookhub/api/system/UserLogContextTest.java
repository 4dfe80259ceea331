package live.bookhub.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import live.bookhub.api.auth.CurrentUser;
import live.bookhub.api.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class UserLogContextTest {

    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void linesLoggedForASignedInCallerCarryItsIdUntilTheRequestEnds() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new CurrentUser("665f0c0ffee", "ada", Role.CUSTOMER), null, List.of()));

        new UserLogContext().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen.add(MDC.get(UserLogContext.USER_ID)));

        assertThat(seen).containsExactly("665f0c0ffee");
        assertThat(MDC.get(UserLogContext.USER_ID)).isNull();
    }

    @Test
    void anAnonymousRequestCarriesNoUserId() throws Exception {
        new UserLogContext().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen.add(MDC.get(UserLogContext.USER_ID)));

        assertThat(seen).containsOnlyNulls().hasSize(1);
    }
}
