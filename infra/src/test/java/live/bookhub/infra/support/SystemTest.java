package live.bookhub.infra.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test against the whole local stack: real processes, real Redis, real WebSockets. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestStack.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
public @interface SystemTest {
}
