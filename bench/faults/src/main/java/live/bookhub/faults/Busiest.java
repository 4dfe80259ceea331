package live.bookhub.faults;

/** The gateway with the most clients connected. */
final class Busiest {

    private Busiest() {
    }

    static int gateway(ClientFleet fleet) {
        int busiest = 0;
        for (int i = 1; i < fleet.gatewayCount(); i++) {
            if (fleet.connectedTo(i) > fleet.connectedTo(busiest)) {
                busiest = i;
            }
        }
        return busiest;
    }
}
