package org.emporium.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price. The amount travels as a decimal string with two fraction digits ("19.99"), so no
 * client rounds it through a binary floating-point number.
 */
public record Money(String amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
