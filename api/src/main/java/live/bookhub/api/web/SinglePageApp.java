package live.bookhub.api.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app (the {@code web} jar's {@code classpath:/static}). Its pages ({@code /books/…},
 * {@code /cart}, {@code /admin/…}) are routes of the app, not files: a reload or a shared link of one
 * gets {@code index.html}, and the app shows that page. Paths of the api and of files stay 404.
 * Built files carry a content hash in their name, so they are cached for good; {@code index.html}
 * is revalidated, so a new release is picked up at the next visit.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new AppRoutes());
    }

    private static final class AppRoutes extends PathResourceResolver {
        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource file = super.getResource(path, location);
            if (file != null || !isAppRoute(path)) {
                return file;
            }
            return super.getResource("index.html", location);
        }

        private static boolean isAppRoute(String path) {
            boolean server = path.startsWith("api/") || path.equals("api") || path.startsWith("actuator")
                    || path.startsWith(".well-known/");
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return !server && !lastSegment.contains(".");
        }
    }
}
