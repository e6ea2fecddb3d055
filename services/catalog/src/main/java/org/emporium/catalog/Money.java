package org.emporium.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** A price. The amount travels as a decimal string ("19.99") so no client rounds it through a double. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
