package ir.hotline137.console.open311;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One GeoReport answer, written in either format from the same fields, by the specification's rule for the two: the
 * XML root is dropped in JSON, an element of repeated children is a JSON array (even of one), an empty element is
 * JSON null. Fields keep the order the specification lists them in.
 *
 * <p>A field's value is text, a number, a boolean, null, or a {@link Repeated} list of values or of field maps.
 */
sealed interface GeoReportDocument {

    /** JSON: the value to encode (a list or a map). */
    Object json();

    /** XML: the whole document, UTF-8 declared. */
    String xml();

    /** Items under a root: {@code <service_requests><request>…</request></service_requests>}; JSON an array. */
    record Items(String root, String item, List<Map<String, Object>> items) implements GeoReportDocument {
        @Override
        public Object json() {
            return items.stream().map(GeoReportDocument::jsonFields).toList();
        }

        @Override
        public String xml() {
            return write(out -> {
                out.writeStartElement(root);
                for (Map<String, Object> fields : items) {
                    out.writeStartElement(item);
                    writeFields(out, fields);
                    out.writeEndElement();
                }
                out.writeEndElement();
            });
        }
    }

    /** One object: {@code <discovery>…</discovery>}; JSON an object. */
    record Single(String root, Map<String, Object> fields) implements GeoReportDocument {
        @Override
        public Object json() {
            return jsonFields(fields);
        }

        @Override
        public String xml() {
            return write(out -> {
                out.writeStartElement(root);
                writeFields(out, fields);
                out.writeEndElement();
            });
        }
    }

    /** A field of repeated children: {@code <formats><format>…</format></formats>}; JSON an array. */
    record Repeated(String item, List<?> values) {
    }

    private static Map<String, Object> jsonFields(Map<String, Object> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach((name, value) -> json.put(name, jsonValue(value)));
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Object jsonValue(Object value) {
        if (value instanceof Repeated repeated) {
            return repeated.values().stream().map(GeoReportDocument::jsonValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            return jsonFields((Map<String, Object>) map);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void writeFields(XMLStreamWriter out, Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value == null) {
                out.writeEmptyElement(field.getKey());
            } else if (value instanceof Repeated repeated) {
                out.writeStartElement(field.getKey());
                for (Object each : repeated.values()) {
                    out.writeStartElement(repeated.item());
                    if (each instanceof Map<?, ?> map) {
                        writeFields(out, (Map<String, Object>) map);
                    } else if (each != null) {
                        out.writeCharacters(xmlText(String.valueOf(each)));
                    }
                    out.writeEndElement();
                }
                out.writeEndElement();
            } else {
                out.writeStartElement(field.getKey());
                out.writeCharacters(xmlText(String.valueOf(value)));
                out.writeEndElement();
            }
        }
    }

    /**
     * The text with every character XML 1.0 cannot carry (controls, U+FFFE, U+FFFF, a lone surrogate) replaced by
     * U+FFFD: one such character a citizen or an app typed would otherwise make the whole list unreadable.
     */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            clean.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return clean.toString();
    }

    /** Writes what {@code body} writes after the declaration the specification asks for. */
    private static String write(XmlBody body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            out.writeStartDocument("utf-8", "1.0");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string failed", e);
        }
        return text.toString();
    }

    @FunctionalInterface
    interface XmlBody {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }
}
