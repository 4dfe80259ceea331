package live.bookhub.watcher.system;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB and Redis clients fail fast while their server is away, instead of holding the caller:
 * the streaming loop then backs off and retries (and counts it), and health answers in seconds.
 */
@Configuration(proxyBeanMethods = false)
class ClientSettings {

    @Bean
    MongoClientSettingsBuilderCustomizer serverSelectionTimeout(WatcherProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.mongoServerSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Lettuce would queue commands until Redis is back; rejecting them lets the loop back off instead. */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
