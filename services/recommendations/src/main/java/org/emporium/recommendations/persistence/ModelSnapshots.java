package org.emporium.recommendations.persistence;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.RecommendationModel;
import org.jboss.logging.Logger;

/**
 * The model's snapshots in its data directory: the whole model ({@link RecommendationModel#write})
 * with the Kafka positions (partition → next offset) of the events it reflects and the number of
 * seeded-history records it read, so a start resumes from there instead of replaying every event.
 *
 * <p><b>Format</b> (big-endian, {@link DataOutputStream}): a 24-byte header (magic
 * {@code EMPRECMS}, format version, body length, CRC-32 of the body), then the body: the model
 * settings, the topics followed, the Kafka cluster id, when it was written (wall clock), the
 * positions, the seed records read, the model. A snapshot is used only if it is whole (length and
 * checksum), of this format version, and written with the same settings and topics from the same
 * cluster: anything else would not be what replaying the events gives. Otherwise it is logged and
 * ignored (the model is replayed from the beginning, as without a snapshot); reading one never fails
 * a start.
 *
 * <p><b>Writing</b> is atomic: a temporary file, fsync, rename to {@code model-<sequence>.snapshot},
 * fsync of the directory. The newest {@value #KEPT} are kept; a start takes the newest usable one.
 */
public final class ModelSnapshots {

    private static final Logger LOG = Logger.getLogger(ModelSnapshots.class);
    /** "EMPRECMS": emporium recommendations model snapshot. */
    static final long MAGIC = 0x454D_5052_4543_4D53L;
    /**
     * The layout of the body, and what events do to the model (a snapshot of another build's model
     * with the events after it applied by this build must equal this build's replay): bump on any
     * change of {@link RecommendationModel#write} or of how the model applies events.
     */
    static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int KEPT = 2;
    private static final Pattern NAME = Pattern.compile("model-([0-9]{1,18})\\.snapshot");
    private static final String TEMPORARY = "model.snapshot.tmp";
    private static final int BUFFER = 1 << 16;

    private final Path directory;
    private final ModelSettings settings;
    private final List<String> topics;

    /**
     * @param directory where snapshots are (created when the first is written)
     * @param settings  the model's: a snapshot of other settings is not used
     * @param topics    the topics followed: a snapshot of others is not used (say, the seed topic followed then and not now)
     */
    public ModelSnapshots(Path directory, ModelSettings settings, Collection<String> topics) {
        this.directory = directory.toAbsolutePath();
        this.settings = settings;
        this.topics = topics.stream().sorted().distinct().toList();
    }

    /** A snapshot read back. */
    public record Snapshot(RecommendationModel model, Map<TopicPartition, Long> positions, long seedEventsRead,
                           Instant writtenAt, SnapshotFile file) {
    }

    /** A snapshot's file, its size and how long writing or reading it took. */
    public record SnapshotFile(Path path, long bytes, Duration took) {
    }

    /** Why a snapshot cannot be used. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * The newest usable snapshot written from the Kafka cluster {@code clusterId}; empty if there is
     * none. Each one passed over is logged with the reason. Never throws.
     */
    public Optional<Snapshot> load(String clusterId) {
        for (Path file : files()) {
            try {
                return Optional.of(read(file, clusterId));
            } catch (Unusable e) {
                LOG.warnf("ignoring the model snapshot %s: %s", file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a snapshot of the model with the positions of the events it reflects (partitions not
     * listed were not read), atomically, and deletes older ones beyond the newest {@value #KEPT}.
     * The model must not change meanwhile: call it on the model's writer thread.
     */
    public SnapshotFile write(RecommendationModel model, Map<TopicPartition, Long> positions, long seedEventsRead,
                         String clusterId) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(TEMPORARY);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, ByteBuffer.allocate(HEADER_BYTES), 0); // the header comes last, once the body is known
            channel.position(HEADER_BYTES);
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new CheckedOutputStream(Channels.newOutputStream(channel), crc), BUFFER));
            writeBody(out, model, positions, seedEventsRead, clusterId);
            out.flush();
            long body = channel.position() - HEADER_BYTES;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putInt(FORMAT_VERSION).putLong(body)
                    .putInt((int) crc.getValue()).flip();
            writeFully(channel, header, 0);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        List<Path> existing = files();
        long sequence = existing.isEmpty() ? 1 : sequence(existing.getFirst()) + 1;
        Path file = directory.resolve(String.format("model-%012d.snapshot", sequence));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        for (Path old : existing.subList(Math.min(existing.size(), KEPT - 1), existing.size())) {
            Files.deleteIfExists(old);
        }
        return new SnapshotFile(file, Files.size(file), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Deletes every snapshot (they no longer match the topics); the next start replays everything. */
    public void deleteAll() throws IOException {
        for (Path file : files()) {
            Files.deleteIfExists(file);
        }
    }

    /** The snapshots, newest first. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(directory)) {
            for (Path file : all) {
                if (NAME.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warnf("cannot list the model snapshots in %s: %s", directory, e);
            return List.of();
        }
        files.sort(Comparator.comparingLong(ModelSnapshots::sequence).reversed());
        return files;
    }

    private static long sequence(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private void writeBody(DataOutput out, RecommendationModel model, Map<TopicPartition, Long> positions,
                           long seedEventsRead, String clusterId) throws IOException {
        writeSettings(out, settings);
        out.writeInt(topics.size());
        for (String topic : topics) {
            out.writeUTF(topic);
        }
        out.writeUTF(clusterId);
        out.writeLong(System.currentTimeMillis());
        Map<String, Map<Integer, Long>> sorted = new TreeMap<>();
        positions.forEach((p, offset) -> sorted.computeIfAbsent(p.topic(), t -> new TreeMap<>()).put(p.partition(), offset));
        out.writeInt(positions.size());
        for (Map.Entry<String, Map<Integer, Long>> topic : sorted.entrySet()) {
            for (Map.Entry<Integer, Long> partition : topic.getValue().entrySet()) {
                out.writeUTF(topic.getKey());
                out.writeInt(partition.getKey());
                out.writeLong(partition.getValue());
            }
        }
        out.writeLong(seedEventsRead);
        model.write(out);
    }

    /** The snapshot in {@code file}, if it is whole and matches; else why not. */
    Snapshot read(Path file, String clusterId) throws Unusable {
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new Unusable("cut short: " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // reads the header whole
            }
            header.flip();
            if (header.getLong() != MAGIC) {
                throw new Unusable("not a model snapshot");
            }
            int version = header.getInt();
            if (version != FORMAT_VERSION) {
                throw new Unusable("format version " + version + ", this build reads version " + FORMAT_VERSION);
            }
            long body = header.getLong();
            if (body != size - HEADER_BYTES) {
                throw new Unusable("cut short or extended: " + (size - HEADER_BYTES) + " bytes after the header, which says " + body);
            }
            if (header.getInt() != checksum(channel)) {
                throw new Unusable("damaged: the checksum does not match");
            }
            channel.position(HEADER_BYTES);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), BUFFER));
            ModelSettings written = readSettings(in);
            if (!written.equals(settings)) {
                throw new Unusable("written with other model settings (" + written + "; now " + settings + ")");
            }
            List<String> writtenTopics = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                writtenTopics.add(in.readUTF());
            }
            if (!writtenTopics.equals(topics)) {
                throw new Unusable("written for other topics (" + writtenTopics + "; now " + topics + ")");
            }
            String cluster = in.readUTF();
            if (!cluster.equals(clusterId)) {
                throw new Unusable("written from another Kafka cluster (" + cluster + "; now " + clusterId + ")");
            }
            Instant writtenAt = Instant.ofEpochMilli(in.readLong());
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                positions.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
            }
            long seedEventsRead = in.readLong();
            RecommendationModel model = RecommendationModel.read(settings, in);
            if (in.read() != -1) {
                throw new Unusable("bytes left after the model");
            }
            return new Snapshot(model, Map.copyOf(positions), seedEventsRead, writtenAt,
                    new SnapshotFile(file, size, Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException | RuntimeException e) {
            throw new Unusable("unreadable: " + e);
        }
    }

    /** The CRC-32 of everything after the header: checked before anything is read from it. */
    private static int checksum(FileChannel channel) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = HEADER_BYTES;
        int read;
        while ((read = channel.read(buffer, position)) > 0) {
            position += read;
            crc.update(buffer.flip());
            buffer.clear();
        }
        return (int) crc.getValue();
    }

    private static void writeSettings(DataOutput out, ModelSettings s) throws IOException {
        out.writeFloat(s.viewWeight());
        out.writeFloat(s.cartWeight());
        out.writeFloat(s.orderWeight());
        out.writeLong(s.halfLife().getSeconds());
        out.writeInt(s.halfLife().getNano());
        out.writeLong(s.sessionGap().getSeconds());
        out.writeInt(s.sessionGap().getNano());
        out.writeInt(s.neighboursPerItem());
        out.writeInt(s.shopperCapacity());
        out.writeInt(s.recentEventIds());
    }

    private static ModelSettings readSettings(DataInput in) throws IOException {
        return new ModelSettings(in.readFloat(), in.readFloat(), in.readFloat(),
                Duration.ofSeconds(in.readLong(), in.readInt()), Duration.ofSeconds(in.readLong(), in.readInt()),
                in.readInt(), in.readInt(), in.readInt());
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /** Makes the rename durable; a file system that cannot sync a directory (not Linux) does without. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debugf("cannot sync the directory %s: %s", directory, e);
        }
    }
}
