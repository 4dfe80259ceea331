package live.bookhub.gateway.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** This replica's name, shown in welcome frames so clients and operators can tell replicas apart. */
@Component
public class GatewayIdentity {

    private final GatewayProperties properties;
    private final ObjectProvider<ClientServer> server;
    private volatile String name;

    /** @param server looked up when first needed: it is built from the endpoints that use this name */
    GatewayIdentity(GatewayProperties properties, ObjectProvider<ClientServer> server) {
        this.properties = properties;
        this.server = server;
    }

    public String name() {
        if (name == null) {
            name = properties.name().isBlank() ? host() + ":" + server.getObject().port() : properties.name();
        }
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
