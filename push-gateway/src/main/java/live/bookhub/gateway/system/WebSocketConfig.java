package live.bookhub.gateway.system;

import live.bookhub.gateway.session.WebSocketEndpoint;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private static final int TEXT_PIECE_CHARS = 512;
    private static final int BINARY_PIECE_BYTES = 128;

    private final WebSocketEndpoint endpoint;
    private final GatewayProperties properties;

    WebSocketConfig(WebSocketEndpoint endpoint, GatewayProperties properties) {
        this.endpoint = endpoint;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(endpoint, "/ws").setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /** The container hands frames over in pieces of at most this; WebSocketEndpoint joins them up to max-frame-size. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        // Client frames are small ops, joined from pieces by InboundFrames; binary frames are refused unread.
        container.setMaxTextMessageBufferSize(TEXT_PIECE_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_PIECE_BYTES);
        return container;
    }

    /** Tomcat gives every connection a read and a write buffer of 8 KB by default: most of an idle connection's memory. */
    @Bean
    TomcatConnectorCustomizer connectionBuffers() {
        String size = String.valueOf(properties.connectionBufferSize().toBytes());
        return connector -> {
            connector.setProperty("socket.appReadBufSize", size);
            connector.setProperty("socket.appWriteBufSize", size);
        };
    }
}
