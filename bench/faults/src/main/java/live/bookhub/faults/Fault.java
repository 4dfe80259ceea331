package live.bookhub.faults;

/** One fault the run injects while writes flow and clients listen; it repairs what it broke before it returns. */
interface Fault {

    /** Its name in the table, and in {@code --faults}. */
    String name();

    /** What it does, for the report. */
    String description();

    /** Injects the fault, waits for the system to come back, and returns what it observed (for the table's notes). */
    String inject(FaultContext context) throws Exception;
}
