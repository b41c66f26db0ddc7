package com.propertydesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files under the data directory ({@code data/attachments/2026/11/<uuid>}). A file is written to a temporary name
 * next to its final place and moved there only when complete, so a reader never sees half a file and a broken
 * write leaves nothing.
 */
@Component
public class FileSystemAttachmentStorage implements AttachmentStorage {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemAttachmentStorage.class);

    private final Path root;

    public FileSystemAttachmentStorage(AttachmentProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
    }

    @Override
    public Stored store(InputStream content, long maxBytes) throws IOException {
        LocalDate today = LocalDate.now();
        String key = "%d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID());
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            LOG.warn("Could not delete attachment file {}: {}", key, e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Attachment key outside the storage: " + key);
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
