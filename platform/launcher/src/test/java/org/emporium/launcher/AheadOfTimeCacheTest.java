package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training runs of a tiny application on the JDK running the tests (25+: the cache needs it). */
class AheadOfTimeCacheTest {

    @TempDir
    Path root;
    private Workspace workspace;
    private Path jar;

    @BeforeEach
    void tinyApplication() throws Exception {
        assumeTrue(AheadOfTimeCache.supported(), "the JVM start-up cache needs JDK 25+");
        workspace = new Workspace(root);
        workspace.create();
        Path source = Files.writeString(root.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(java.util.List.of(a)); } }");
        Path classes = Files.createDirectories(root.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        jar = root.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
        }
    }

    private ProcessComponent hello(AheadOfTimeCache cache) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessComponent component = new ProcessComponent("hello", List.of(), 0, "", List.of(java, "-cp", jar.toString(), "Hello"),
                Map.of(), Probe.tcp(1), workspace.log("hello"),
                new Console(new PrintStream(OutputStream.nullOutputStream()), false, true));
        component.cachedBy(cache, free -> new ProcessComponent.Training(List.of(), Map.of(), null));
        return component;
    }

    @Test
    void aTrainedCacheIsUsedUntilAJarChanges() throws Exception {
        AheadOfTimeCache cache = new AheadOfTimeCache(workspace, "hello", List.of(jar));
        assertThat(cache.state()).isEqualTo(AheadOfTimeCache.State.MISSING);
        assertThat(cache.startOptions()).isEmpty();

        assertThat(hello(cache).trainCache(workspace.log("hello-training"))).isTrue();

        assertThat(cache.state()).isEqualTo(AheadOfTimeCache.State.USABLE);
        assertThat(cache.startOptions()).anyMatch(o -> o.startsWith("-XX:AOTCache="));
        assertThat(Files.list(workspace.home().resolve("aot")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("hello.aot", "hello.key");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(cache.state()).isEqualTo(AheadOfTimeCache.State.STALE);
        assertThat(cache.startOptions()).isEmpty();
        assertThat(cache.state()).as("a stale cache is deleted").isEqualTo(AheadOfTimeCache.State.MISSING);
    }

    @Test
    void aCorruptCacheIsRejectedByTheJvmReportedInOneLineAndDeleted() throws Exception {
        AheadOfTimeCache cache = new AheadOfTimeCache(workspace, "hello", List.of(jar));
        assertThat(hello(cache).trainCache(workspace.log("hello-training"))).isTrue();
        Path file = workspace.home().resolve("aot/hello.aot");
        FileTime written = Files.getLastModifiedTime(file);
        try (RandomAccessFile bits = new RandomAccessFile(file.toFile(), "rw")) {
            bits.seek(bits.length() / 2); // bit rot in the middle: same size, same time
            bits.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        }
        Files.setLastModifiedTime(file, written);
        assertThat(cache.state()).isEqualTo(AheadOfTimeCache.State.USABLE);

        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(cache.startOptions());
        command.addAll(List.of("-cp", jar.toString(), "Hello", "still", "runs"));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        run.getInputStream().transferTo(output);

        assertThat(run.waitFor()).isZero();
        assertThat(output.toString()).isEqualTo("[still, runs]\n");
        assertThat(cache.rejection()).hasValueSatisfying(said -> assertThat(said).contains("AOT cache").doesNotContain("\n"));
        assertThat(cache.state()).isEqualTo(AheadOfTimeCache.State.MISSING);
    }

    @Test
    void aTrainingRunThatFailsLeavesNoFile() throws Exception {
        AheadOfTimeCache cache = new AheadOfTimeCache(workspace, "hello", List.of(jar));
        ProcessComponent broken = hello(cache);
        Files.delete(jar); // the JVM cannot find the class and exits before writing anything

        assertThat(broken.trainCache(workspace.log("hello-training"))).isFalse();

        assertThat(Files.list(workspace.home().resolve("aot"))).isEmpty();
    }
}
