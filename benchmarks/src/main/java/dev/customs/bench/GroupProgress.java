package dev.customs.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * How far consumer groups have got on a topic, from the broker alone: the sum over its partitions of each
 * group's committed offset, and of the topic's end offsets. The services commit a batch's offsets once it is
 * applied, so a group's committed sum is the records it has handled; reading it asks nothing of the services,
 * where scraping their metrics every half second cost a consumer a few percent of its CPU.
 */
final class GroupProgress implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    /** The topic's partitions, read once: its partition count does not change while the benchmark runs. */
    private List<TopicPartition> partitions;

    GroupProgress(Map<String, Object> adminClient, String topic) {
        this.admin = Admin.create(adminClient);
        this.topic = topic;
    }

    /** Records the group has committed on the topic: the sum of its committed offsets (0 for none yet). */
    long committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                    Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions())))
                    .partitionsToOffsetAndMetadata(group).get();
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the committed offsets of " + group, e.getCause());
        }
    }

    /** Records published to the topic so far: the sum of its partitions' end offsets. */
    long end() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions().forEach(p -> latest.put(p, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the end offsets of " + topic, e.getCause());
        }
    }

    private List<TopicPartition> partitions() throws InterruptedException, ExecutionException {
        if (partitions == null) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        return partitions;
    }

    @Override
    public void close() {
        admin.close();
    }
}
