package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.kafka.TopicCheck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic kafka-support checks at start is the one the contract names and the consumers read. */
class CheckedTopicTest {

    @Test
    void theCheckedTopicIsTheConsumedOne() throws IOException {
        Properties shared = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(in);
        }
        assertThat(TopicCheck.TOPIC).isEqualTo(DeclarationEvent.TOPIC)
                .isEqualTo(shared.getProperty("mp.messaging.incoming.declarations.topic"));
    }
}
