package org.emporium.storefront.web.search;

import io.quarkus.qute.RawString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search hit's highlighted snippet, made safe to render as HTML. Search already escapes the text
 * and wraps matches in {@code <mark>}; we don't rely on it. Everything is escaped except exactly
 * {@code <mark>}, {@code </mark>} and character references (the text search escaped), so whatever
 * the snippet holds, it can add no element, attribute or script but a highlight. Marks are kept
 * balanced, so a stray one can't highlight the rest of the page.
 */
public final class Snippet {

    private static final Pattern KEPT = Pattern.compile(
            "<mark>|</mark>|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");

    private Snippet() {
    }

    /** The snippet as HTML for the template, or null when there is nothing to show. */
    public static RawString html(String snippet) {
        String clean = sanitize(snippet);
        return clean.isBlank() ? null : new RawString(clean);
    }

    static String sanitize(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(snippet.length() + 16);
        boolean marking = false;
        int done = 0;
        Matcher kept = KEPT.matcher(snippet);
        while (kept.find()) {
            escape(snippet, done, kept.start(), out);
            String token = kept.group();
            if (token.equals("<mark>")) {
                if (!marking) {
                    out.append(token);
                }
                marking = true;
            } else if (token.equals("</mark>")) {
                if (marking) {
                    out.append(token);
                }
                marking = false;
            } else {
                out.append(token);
            }
            done = kept.end();
        }
        escape(snippet, done, snippet.length(), out);
        return marking ? out.append("</mark>").toString() : out.toString();
    }

    private static void escape(String s, int from, int to, StringBuilder out) {
        out.append(org.emporium.storefront.web.layout.Markup.escape(s.subSequence(from, to)));
    }
}
