package org.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility check of a page as the browser shows it now: axe-core's WCAG 2.1 A and AA rules
 * (axe-core comes from its Maven package at test time, bundled with its Selenium runner). A failure
 * names each rule, its impact and the first elements it flagged.
 */
final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    static void assertNoViolations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertThat(results.isErrored()).as("axe ran on %s: %s", page, results.getErrorMessage()).isFalse();
        assertThat(results.getViolations()).as("accessibility violations on %s (%s):%n%s", page, browser.getCurrentUrl(),
                describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                        + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget()) + " "
                                + abbreviate(node.getHtml())).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
    }
}
