package com.propertydesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts a handler lists on the handle form, one per line: "水龙头 × 1", "生料带*2", "PPR管 3米", or just
 * "角阀" for one piece.
 */
public final class PartsList {

    /** One part and how many. */
    public record Line(String name, int quantity) {
    }

    static final int MAX_QUANTITY = 9999;
    static final int MAX_NAME = 100;
    private static final Pattern LINE = Pattern.compile(
            "^(?<name>.+?)\\s*(?:[×xX*＊]\\s*)?(?<quantity>\\d+)\\s*(?:个|只|件|米|卷|套|条|根|块|支|把|盒|包|桶|组|台|片)?$");

    private PartsList() {
    }

    /** The parts of the text; throws {@link IllegalArgumentException} naming the first line it cannot read. */
    public static List<Line> parse(String text) {
        List<Line> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        String[] lines = text.split("\\R|[;；]");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            String name = matcher.matches() ? matcher.group("name").strip() : line;
            long quantity = matcher.matches() ? Long.parseLong(matcher.group("quantity")) : 1;
            if (name.isEmpty() || name.length() > MAX_NAME || quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("材料第" + (i + 1) + "行无法识别：“" + line
                        + "”，请按“名称 × 数量”填写，每行一种");
            }
            parts.add(new Line(name, (int) quantity));
        }
        return parts;
    }
}
