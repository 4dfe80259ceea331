package live.bookhub.infra;

import static live.bookhub.infra.support.Events.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders written straight to MongoDB, as a DBA would: their events reach the customer and the admins. */
@SystemTest
class WatcherOrdersIT {

    private final LocalStack stack;
    private final Api admin;

    WatcherOrdersIT(LocalStack stack) {
        this.stack = stack;
        this.admin = Api.admin(stack.api().baseUrl());
    }

    @Test
    void anOrderWrittenInMongoshReachesItsCustomersTopicAndTheAdminTopic() {
        JsonNode customer = Api.signUpCustomer(stack.api().baseUrl(), "reader");
        String userId = customer.path("user").path("id").asString();
        try (LiveClient own = LiveClient.connect(stack.gateways().get(0).port(),
                "topics=orders:" + userId + "&access_token=" + customer.path("token").asString());
             LiveClient admins = LiveClient.connect(stack.gateways().get(1).port(), "topics=admin&access_token=" + admin.token())) {
            String order = lastLine(Mongosh.eval(stack.mongoUri(), "print(db.orders.insertOne({userId: '" + userId
                    + "', status: 'pending', items: [{title: 'Dune', quantity: 1, price: 1299}], total: 1299}).insertedId.toHexString())"));
            Mongosh.eval(stack.mongoUri(), "db.orders.updateOne({_id: ObjectId('" + order + "')}, {$set: {status: 'paid'}})");

            for (LiveClient client : List.of(own, admins)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> client.eventsFor(order).size() == 2);
                List<JsonNode> events = client.eventsFor(order);
                assertThat(types(events)).containsExactly("order:created", "order:updated");
                assertThat(events).allSatisfy(event -> assertThat(event.path("topic").asString()).isEqualTo("orders:" + userId));
                assertThat(events.get(0).path("data").path("total").asInt()).isEqualTo(1299);
                assertThat(events.get(1).path("data").path("status").asString()).isEqualTo("paid");
                assertThat(events.get(1).path("changed").toString()).contains("status");
            }
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines[lines.length - 1].trim();
    }
}
