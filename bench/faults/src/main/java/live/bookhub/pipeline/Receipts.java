package live.bookhub.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The events a screen received, in order; written by its WebSocket's thread, read by the run. */
final class Receipts {

    private final List<Screen.Receipt> all = new ArrayList<>();

    synchronized void add(Screen.Receipt receipt) {
        all.add(receipt);
    }

    synchronized int size() {
        return all.size();
    }

    /** The receipts from index {@code from} on. */
    synchronized List<Screen.Receipt> since(int from) {
        return List.copyOf(all.subList(from, all.size()));
    }
}
