package live.bookhub.gateway.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** This replica's name, shown in welcome frames so clients and operators can tell replicas apart. */
@Component
public class GatewayIdentity {

    private final GatewayProperties properties;
    private final ApplicationContext context;
    private volatile String name;

    GatewayIdentity(GatewayProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    public String name() {
        if (name == null) {
            name = properties.name().isBlank() ? host() + ":" + port() : properties.name();
        }
        return name;
    }

    private int port() {
        return context instanceof WebServerApplicationContext web && web.getWebServer() != null ? web.getWebServer().getPort() : 0;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
