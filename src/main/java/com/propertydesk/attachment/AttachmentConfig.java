package com.propertydesk.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The multipart parser follows the attachment size limit, so there is one setting to change. */
@Configuration(proxyBeanMethods = false)
public class AttachmentConfig {

    /** Room for the multipart boundaries and headers around one file. */
    private static final long ENVELOPE = DataSize.ofKilobytes(64).toBytes();

    @Bean
    MultipartConfigElement multipartConfig(AttachmentProperties properties) {
        long maxFile = properties.maxSize().toBytes();
        // files above 1 MB wait on disk, not in memory, until the storage takes them
        return new MultipartConfigElement("", maxFile, maxFile + ENVELOPE,
                (int) Math.min(maxFile, DataSize.ofMegabytes(1).toBytes()));
    }
}
