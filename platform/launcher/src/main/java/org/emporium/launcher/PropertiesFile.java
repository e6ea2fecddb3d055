package org.emporium.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** The small files one launcher writes and others read while it runs (.emporium/run): whole or not at all. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /** What the file holds; null when there is no file. */
    static Properties read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Written beside, then moved in place: a reader sees the old file or the new one, never half of one. */
    static void write(Path file, Properties p, String comment) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(partial)) {
                p.store(out, comment);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
