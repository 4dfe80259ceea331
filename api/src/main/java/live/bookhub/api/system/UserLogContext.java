package live.bookhub.api.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import live.bookhub.api.auth.CurrentUser;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in caller's id in the logging context for the rest of the request, so that every
 * line logged on its behalf carries {@code userId} as a field of its own in JSON logs. Runs after
 * Spring Security's filters (its order is the default, the lowest), which have authenticated it.
 */
@Component
class UserLogContext extends OncePerRequestFilter {

    static final String USER_ID = "userId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(USER_ID, user.id())) {
            chain.doFilter(request, response);
        }
    }
}
