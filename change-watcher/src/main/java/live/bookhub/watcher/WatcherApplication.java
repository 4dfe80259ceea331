package live.bookhub.watcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tails MongoDB change streams and republishes every change to Redis: the only source of events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(WatcherApplication.class, args);
    }
}
