package live.bookhub.api.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import live.bookhub.api.auth.Role;
import live.bookhub.api.orders.OrderStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * How documents map: no {@code _class} hint (the collections are a contract shared with mongosh
 * and the change-watcher, not a Java detail), enums as their lower-case wire values; and the
 * clock every timestamp comes from.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new RoleToString(), new StringToRole(),
                new OrderStatusToString(), new StringToOrderStatus()));
    }

    @Bean
    MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context,
            MongoCustomConversions conversions) {
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        return converter;
    }

    /** BSON dates hold milliseconds: ticking by the millisecond keeps responses equal to what is stored. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @WritingConverter
    static final class RoleToString implements Converter<Role, String> {
        @Override
        public String convert(Role role) {
            return role.value();
        }
    }

    @ReadingConverter
    static final class StringToRole implements Converter<String, Role> {
        @Override
        public Role convert(String value) {
            return Role.of(value);
        }
    }

    @WritingConverter
    static final class OrderStatusToString implements Converter<OrderStatus, String> {
        @Override
        public String convert(OrderStatus status) {
            return status.value();
        }
    }

    @ReadingConverter
    static final class StringToOrderStatus implements Converter<String, OrderStatus> {
        @Override
        public OrderStatus convert(String value) {
            return OrderStatus.of(value);
        }
    }
}
