package live.bookhub.api.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
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
 * and the change-watcher, not a Java detail), enums as their lower-case {@link WireValue}s; and the
 * clock every timestamp comes from.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new WireValueToString(), new StringToWireValue()));
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
    static final class WireValueToString implements Converter<WireValue, String> {
        @Override
        public String convert(WireValue constant) {
            return constant.value();
        }
    }

    /** Spring Data asks for the converter of each enum that implements {@link WireValue}. */
    @ReadingConverter
    static final class StringToWireValue implements ConverterFactory<String, WireValue> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T extends WireValue> Converter<String, T> getConverter(Class<T> type) {
            return value -> (T) WireValue.parse((Class) type, value);
        }
    }
}
