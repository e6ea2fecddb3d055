package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final UUID ID = UUID.fromString("0b7b0c50-0000-4000-8000-000000000001");

    private static Envelope read(String json) throws MalformedEvent {
        return Envelope.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Envelope event(String data) throws MalformedEvent {
        return read("""
                {"specversion":"1.0","id":"%s","source":"/emporium/test","type":"emporium.test.Happened",
                 "time":"2026-01-01T10:00:00Z","data":%s}""".formatted(ID, data));
    }

    @Test
    void whatWriteWritesReadReads() throws MalformedEvent {
        OffsetDateTime time = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        byte[] written = Envelope.write(URI.create("/emporium/test"), "emporium.test.Happened", "k-1", time,
                "{\"sku\":\"SKU-1\",\"version\":3}".getBytes(StandardCharsets.UTF_8));

        Envelope event = Envelope.of(new ConsumerRecord<>("test.v1", 2, 41L, "k-1", written));

        assertThat(event.type()).isEqualTo("emporium.test.Happened");
        assertThat(event.attributes().text("subject")).isEqualTo("k-1");
        assertThat(event.attributes().text("source")).isEqualTo("/emporium/test");
        assertThat(event.attributes().uuid("id")).isNotNull();
        assertThat(event.attributes().time("time")).isEqualTo(time.toInstant());
        assertThat(event.data().text("sku", 64)).isEqualTo("SKU-1");
        assertThat(event.data().version()).isEqualTo(3);
        assertThat(event.topic()).isEqualTo("test.v1");
        assertThat(event.key()).isEqualTo("k-1");
        assertThat(event.where()).isEqualTo("test.v1-2@41 (key k-1)");
    }

    @Test
    void recordsCarryTheStructuredContentType() {
        ProducerRecord<String, byte[]> record = Envelope.record("test.v1", "k-1", new byte[] {'{', '}'});

        assertThat(record.key()).isEqualTo("k-1");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
    }

    @Test
    void refusesWhatIsNoCloudEvent() {
        assertThatThrownBy(() -> Envelope.read(null)).isInstanceOf(MalformedEvent.class).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> read("not json")).isInstanceOf(MalformedEvent.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(MalformedEvent.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("{\"specversion\":\"0.3\",\"type\":\"t\",\"data\":{}}"))
                .isInstanceOf(MalformedEvent.class).hasMessage("specversion is not 1.0");
        assertThatThrownBy(() -> read("{\"specversion\":\"1.0\",\"type\":\"t\",\"data\":\"text\"}").data())
                .isInstanceOf(MalformedEvent.class).hasMessage("data must be an object");
    }

    @Test
    void anEventWithoutATypeHasAnEmptyOne() throws MalformedEvent {
        assertThat(read("{\"specversion\":\"1.0\",\"data\":{}}").type()).isEmpty();
    }

    @Test
    void typedReadersReturnWhatIsThere() throws MalformedEvent {
        Fields data = event("""
                {"id":"%s","name":"Blue mug","count":2,"big":9000000000,"at":"2026-01-01T10:00:00+01:00",
                 "price":{"amount":"12.50","currency":"EUR"},"lines":[{"sku":"A"},{"sku":"B"}],"note":null}"""
                .formatted(ID)).data();

        assertThat(data.uuid("id")).isEqualTo(ID);
        assertThat(data.text("name", 8)).isEqualTo("Blue mug");
        assertThat(data.text("name")).isEqualTo("Blue mug");
        assertThat(data.count("count", 1)).isEqualTo(2);
        assertThat(data.integer("big", 0)).isEqualTo(9_000_000_000L);
        assertThat(data.time("at")).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(data.object("price").matching("amount", Pattern.compile("[0-9]+\\.[0-9]{2}"))).isEqualTo("12.50");
        assertThat(data.array("lines", 1)).hasSize(2);
        assertThat(data.array("lines", 1).get(1).text("sku")).isEqualTo("B");
        assertThat(data.optionalText("note")).isNull();
        assertThat(data.optionalText("missing")).isNull();
        assertThat(data.node("count").asInt()).isEqualTo(2);
    }

    @Test
    void typedReadersNameTheFieldByItsPath() throws MalformedEvent {
        Fields data = event("""
                {"id":"nope","name":"  ","long":"abcdef","count":0,"big":9000000000,"version":0,"at":"yesterday",
                 "price":{"amount":"12.5"},"lines":[],"items":[1],"object":"x"}""").data();

        assertThatThrownBy(() -> data.uuid("id")).hasMessage("data.id is not a UUID");
        assertThatThrownBy(() -> data.text("name")).hasMessage("data.name is missing or not text");
        assertThatThrownBy(() -> data.text("absent", 10)).hasMessage("data.absent is missing or not text");
        assertThatThrownBy(() -> data.text("long", 5)).hasMessage("data.long is longer than 5");
        assertThatThrownBy(() -> data.count("count", 1)).hasMessage("data.count is missing or not an integer of at least 1");
        assertThatThrownBy(() -> data.count("big", 0)).hasMessage("data.big is missing or not an integer of at least 0");
        assertThatThrownBy(data::version).hasMessage("data.version is missing or not an integer of at least 1");
        assertThatThrownBy(() -> data.time("at")).hasMessage("data.at is not a date-time");
        assertThatThrownBy(() -> data.object("price").matching("amount", Pattern.compile("[0-9]+\\.[0-9]{2}")))
                .hasMessage("data.price.amount must match [0-9]+\\.[0-9]{2}");
        assertThatThrownBy(() -> data.object("price").text("currency")).hasMessage("data.price.currency is missing or not text");
        assertThatThrownBy(() -> data.array("lines", 1)).hasMessage("data.lines must be an array of at least 1 item(s)");
        assertThatThrownBy(() -> data.array("items", 0)).hasMessage("data.items must hold objects only");
        assertThatThrownBy(() -> data.array("object", 0)).hasMessage("data.object must be an array");
        assertThatThrownBy(() -> data.object("object")).hasMessage("data.object must be an object");
        assertThat(data.array("lines", 0)).isEmpty();
    }

    @Test
    void attributesAreNamedWithoutAPrefix() throws MalformedEvent {
        Envelope event = read("{\"specversion\":\"1.0\",\"id\":\"x\",\"data\":{}}");
        assertThatThrownBy(() -> event.attributes().uuid("id")).hasMessage("id is not a UUID");
        assertThatThrownBy(() -> event.attributes().time("time")).hasMessage("time is missing or not text");
    }
}
