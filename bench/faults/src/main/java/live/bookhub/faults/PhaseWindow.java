package live.bookhub.faults;

/** One fault's stretch of the run: the writes started in it are counted in its row. */
record PhaseWindow(String name, String description, long startMs, long endMs, String notes) {
}
