package com.propertydesk.config;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import java.beans.PropertyEditorSupport;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters and path variables read as strictly as request bodies: Spring reads {@code page=0x10} as 16,
 * {@code size=+5} as 5 and {@code status=RECEIVED%00} as RECEIVED (its fallback editors decode hexadecimal and
 * trim). Here an integer is decimal digits with an optional minus and an enum value is exactly a constant's name;
 * anything else is a 400 naming the parameter. An empty value still means "not given" (or the default).
 */
@ControllerAdvice
public class StrictParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(TicketStatus.class, TicketType.class,
            Category.class, Urgency.class);

    @InitBinder
    void strictParameters(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
        for (Class<? extends Enum<?>> type : ENUMS) {
            binder.registerCustomEditor(type, new Exact(type));
        }
    }

    static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Object> parse;

        Decimal(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
            } else if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal integer: " + text);
            } else {
                setValue(parse.apply(text));
            }
        }
    }

    static final class Exact extends PropertyEditorSupport {

        private final Class<? extends Enum<?>> type;

        Exact(Class<? extends Enum<?>> type) {
            this.type = type;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    setValue(constant);
                    return;
                }
            }
            throw new IllegalArgumentException("not one of the names of " + type.getSimpleName() + ": " + text);
        }
    }
}
