package com.propertydesk.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, from its first bytes, never from its name or the type the client declares: JPEG, PNG, HEIC,
 * MP4 and PDF are evidence; anything else (an executable named photo.jpg) is refused.
 */
public final class ContentSniffer {

    /** How many leading bytes the sniffer needs. */
    public static final int HEAD = 16;

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "dash", "MSNV");

    private ContentSniffer() {
    }

    public static Optional<String> contentType(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (head.length >= 12 && "ftyp".equals(ascii(head, 4, 8))) {
            String brand = ascii(head, 8, 12);
            if (HEIC_BRANDS.contains(brand)) {
                return Optional.of("image/heic");
            }
            if (MP4_BRANDS.contains(brand)) {
                return Optional.of("video/mp4");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] head, int from, int to) {
        return new String(Arrays.copyOfRange(head, from, to), StandardCharsets.ISO_8859_1);
    }
}
