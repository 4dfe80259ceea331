package live.bookhub.faults;

/**
 * The MongoDB-wire server stopped and started again on the same port and data, as a mongod restart:
 * every connection to it drops, writes fail meanwhile, the leader cannot renew its lease.
 */
final class MongoRestart implements Fault {

    @Override
    public String name() {
        return "mongo-restart";
    }

    @Override
    public String description() {
        return "the MongoDB-wire server (in the harness's JVM, as ./bookhub start runs it) is stopped, its connections dropped, and started again on the same data after the outage";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        context.stack().local().stopMongo();
        try {
            FaultContext.pause(context.settings().mongoOutage());
        } finally {
            context.stack().local().startMongo();
        }
        return Recovery.await(context, "MongoDB down " + FaultContext.seconds(context.settings().mongoOutage()));
    }
}
