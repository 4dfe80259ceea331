package live.bookhub.api.auth;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import live.bookhub.api.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * CSRF protection for what cookies authenticate: a write (any method but GET, HEAD, OPTIONS,
 * TRACE) without an {@code Authorization} header that a browser sends from another site is refused
 * with 403, before it is authenticated. A browser says where a request comes from in
 * {@code Sec-Fetch-Site} ({@code same-origin} and {@code none}, typed by the user, pass); browsers
 * without it are judged by {@code Origin}, which must name this host. Origins allowed for CORS
 * pass. Requests with neither header do not come from a web page (curl, the tests, other services)
 * and pass, as do Bearer requests: another site cannot make a browser add that header.
 */
public class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteWriteFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

    private final Set<String> allowedOrigins;
    private final HandlerExceptionResolver resolver;

    public CrossSiteWriteFilter(List<String> allowedOrigins, HandlerExceptionResolver resolver) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || fromThisSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("refused a cross-site {} {} from origin {}", request.getMethod(), request.getRequestURI(),
                request.getHeader(HttpHeaders.ORIGIN));
        resolver.resolveException(request, response, null,
                new ProblemException(HttpStatus.FORBIDDEN, null, "a request from another site may not change anything here"));
    }

    private boolean fromThisSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && allowedOrigins.contains(origin)) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return SAME_ORIGIN.contains(site);
        }
        return origin == null || hostOf(origin).equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
    }

    /** The {@code host[:port]} of an origin; empty for {@code null} (sandboxed pages) and anything malformed. */
    private static String hostOf(String origin) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
