package dev.customs.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static dev.customs.localstack.Infrastructure.DECLARATIONS_TOPIC;
import static dev.customs.localstack.Infrastructure.EXTERNAL_PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three broker processes as the platform starts them: topics replicated three times with two replicas in sync
 * required, the users and ACLs on every node, and no acknowledged record lost when the node leading most
 * partitions is SIGKILLed and later restarted.
 */
class KafkaClusterTest {

    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = Infrastructure.startKafkaCluster(3, 0, null, Path.of("target/kafka-cluster-test-logs"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theTopicIsReplicatedThreeTimesAndNeedsTwoInSyncReplicas() throws Exception {
        try (Admin admin = Admin.create(cluster.clientProperties(KafkaServers.ADMIN))) {
            TopicDescription topic = admin.describeTopics(List.of(DECLARATIONS_TOPIC)).allTopicNames().get().get(DECLARATIONS_TOPIC);
            assertThat(topic.partitions()).hasSize(Infrastructure.DECLARATIONS_PARTITIONS)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, DECLARATIONS_TOPIC);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
        }
    }

    @Test
    void everyNodeEnforcesTheAccessList() {
        for (String node : cluster.brokerAddresses()) {
            Map<String, Object> consumerOnNode = new HashMap<>(cluster.clientProperties("zone-service"));
            consumerOnNode.put("bootstrap.servers", node);
            consumerOnNode.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(consumerOnNode, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECLARATIONS_TOPIC, "k", "v")).get())
                        .as("zone-service writing through " + node)
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void noAcknowledgedRecordIsLostWhenTheBusiestLeaderIsKilled() throws Exception {
        String topic = DECLARATIONS_TOPIC;
        Set<String> acknowledged = new HashSet<>();
        Map<String, Object> settings = new HashMap<>(cluster.clientProperties(EXTERNAL_PRODUCER));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int victim;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            acknowledged.addAll(send(producer, topic, 0, 2000));
            victim = cluster.busiestLeader(topic);
            cluster.kill(victim);
            // Two of three replicas remain: acks=all writes go on.
            acknowledged.addAll(send(producer, topic, 2000, 2000));
            cluster.restart(victim);
            acknowledged.addAll(send(producer, topic, 4000, 2000));
        }
        assertThat(acknowledged).hasSize(6000);
        assertThat(readAll(topic, 6000)).isEqualTo(acknowledged);
    }

    private static List<String> send(KafkaProducer<String, String> producer, String topic, int from, int count) throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String value = "record-" + i;
            values.add(value);
            acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, value)));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
        return values;
    }

    private static Set<String> readAll(String topic, int expected) {
        Map<String, Object> settings = new HashMap<>(cluster.clientProperties(KafkaServers.ADMIN));
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // Anything beyond what was acknowledged would show as a difference too.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                values.add(record.value());
            }
        }
        return values;
    }
}
