package live.bookhub.gateway.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/** This replica's name, shown in welcome frames so clients and operators can tell replicas apart. */
@Component
public class GatewayIdentity {

    private final GatewayProperties properties;
    private volatile String name;

    GatewayIdentity(GatewayProperties properties) {
        this.properties = properties;
    }

    /** The clients' port is bound (before any client arrives): without a configured name, this replica is host:port. */
    public void listeningOn(int port) {
        name = properties.name().isBlank() ? host() + ":" + port : properties.name();
    }

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
