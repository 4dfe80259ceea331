package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.infra.support.Mongosh;

/**
 * What a DBA sees in the real mongosh on the embedded MongoDB-wire server where it differed from
 * MongoDB: TTL indexes, db.currentOp() and db.killOp(), a transaction's refusal.
 */
class DbaShellIT {

    @AutoClose
    private final EmbeddedMongo mongo = EmbeddedMongo.start(0, null, EmbeddedMongo.Options.defaults()
            .withTtlMonitorInterval(Duration.ofMillis(200)));
    @AutoClose
    private final MongoClient client = MongoClients.create(mongo.connectionString("bookhub"));

    @Test
    void aTtlIndexMadeInMongoshIsListedChangedByCollModAndExpiresTheOldDocumentOnly() {
        String out = Mongosh.eval(mongo.connectionString("bookhub"), String.join("\n",
                "db.sessions.createIndex({createdAt: 1}, {expireAfterSeconds: 3600});",
                "db.sessions.insertMany([{_id: 'old', createdAt: new Date(Date.now() - 120000)},",
                "  {_id: 'fresh', createdAt: new Date()}, {_id: 'without'}]);",
                "const listed = () => db.sessions.getIndexes().find(i => i.name === 'createdAt_1').expireAfterSeconds;",
                "print('before', listed());",
                "const reply = db.runCommand({collMod: 'sessions', index: {keyPattern: {createdAt: 1}, expireAfterSeconds: 60}});",
                "print('collMod', reply.expireAfterSeconds_old, reply.expireAfterSeconds_new, reply.ok);",
                "print('after', listed());"));

        assertThat(out.lines()).containsExactly("before 3600", "collMod 3600 60 1", "after 60");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().size() == 2);
        assertThat(ids()).containsExactlyInAnyOrder("fresh", "without");
    }

    @Test
    void currentOpListsTheCommandsUnderWayAndKillOpSaysItIsNotSupported() {
        String out = Mongosh.eval(mongo.connectionString("bookhub"), String.join("\n",
                "const ops = db.currentOp().inprog;",
                "const self = ops.find(op => op.command.pipeline && '$currentOp' in op.command.pipeline[0]);",
                "print('self', self.op, self.ns, self.active, self.connectionId > 0, self.secs_running >= 0);",
                "print('inserts', db.currentOp({op: 'insert'}).inprog.length);",
                "try { db.killOp(self.opid); print('killed'); }",
                "catch (e) { print('killOp', e.codeName, e.message.includes('(op ' + self.opid + ' runs to its end)')); print(e.message); }"));

        List<String> lines = out.lines().toList();
        assertThat(lines.subList(0, 3)).containsExactly("self command admin.$cmd true true true", "inserts 0",
                "killOp CommandNotSupported true");
        assertThat(lines.get(3)).startsWith("killOp is not supported by this server: an operation under way cannot be interrupted");
    }

    @Test
    void aTransactionIsRefusedWithAMessageSayingSoWhileRetryableWritesStillWork() {
        String out = Mongosh.eval(mongo.connectionString("bookhub"), String.join("\n",
                "const s = db.getMongo().startSession();",
                "s.startTransaction();",
                "try { s.getDatabase('bookhub').books.insertOne({title: 'Dune'}); s.commitTransaction(); print('committed'); }",
                "catch (e) { print('refused', e.codeName, e.message); }",
                "print('retryable', db.books.insertOne({title: 'Emma'}).acknowledged, db.books.countDocuments());"));

        assertThat(out).doesNotContain("retryable writes").contains("refused OperationNotSupportedInTransaction multi-document"
                + " transactions are not supported by this embedded server");
        assertThat(out.lines().reduce((first, second) -> second)).contains("retryable true 1");
    }

    private List<Object> ids() {
        return client.getDatabase("bookhub").getCollection("sessions").find().map(document -> document.get("_id"))
                .into(new ArrayList<>());
    }
}
