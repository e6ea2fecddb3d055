package org.emporium.storefront.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PlaceholderImageTest {

    @Test
    void sameSkuAlwaysGivesTheSameImage() {
        assertThat(PlaceholderImage.svg("AUD-000123")).isEqualTo(PlaceholderImage.svg("AUD-000123"));
    }

    @Test
    void differentSkusGiveDifferentImages() {
        assertThat(PlaceholderImage.svg("AUD-000123")).isNotEqualTo(PlaceholderImage.svg("AUD-000124"));
    }

    @Test
    void hashIsStableAcrossReleases() {
        // FNV-1a test vector: a changed hash would silently change every product's picture
        assertThat(PlaceholderImage.fnv1a("a")).isEqualTo(0xe40c292c);
    }

    @Test
    void isWellFormedSvgWithTheCategoryPrefixAndATitle() throws Exception {
        String svg = PlaceholderImage.svg("KIT-000042");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains("KIT-000042");
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("KIT");
    }

    @Test
    void theLabelIsThePartBeforeTheFirstDashAtMostFiveCharacters() {
        assertThat(PlaceholderImage.label("KIT-000042")).isEqualTo("KIT");
        assertThat(PlaceholderImage.label("DEMO-1")).isEqualTo("DEMO");
        assertThat(PlaceholderImage.label("A1B2C3D4")).isEqualTo("A1B2C");
        assertThat(PlaceholderImage.label("LONGPREFIX-7")).isEqualTo("LONGP");
    }

    @Test
    void manySkusAllRenderWithoutError() {
        assertThatCode(() -> {
            for (int i = 0; i < 2000; i++) {
                PlaceholderImage.svg("ABC-%06d".formatted(i * 7919 % 1_000_000));
            }
        }).doesNotThrowAnyException();
    }
}
