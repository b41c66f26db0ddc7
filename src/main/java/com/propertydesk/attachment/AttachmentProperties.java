package com.propertydesk.attachment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files.
 *
 * @param maxSize   the largest file accepted (also the multipart limit)
 * @param directory where the filesystem storage keeps the files
 */
@ConfigurationProperties("propertydesk.attachments")
public record AttachmentProperties(@DefaultValue("20MB") DataSize maxSize,
        @DefaultValue("data/attachments") Path directory) {
}
